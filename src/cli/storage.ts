// How a CLI command reaches the database. Only `serve`, `migrate` and `seed-demo` may create one;
// every other command opens an existing, migrated database or says in one line where it looked,
// so a mistyped DATA_DIR never leaves an empty database behind that answers "No users."
import fs from 'node:fs';
import { checkDataDir, redactUrl, type Config } from '../config.js';
import { silentLogger, systemActor, systemClock } from '../core/context.js';
import { createEventBus } from '../core/events.js';
import { createDatabase, type DbCtx, type Storage } from '../storage/database.js';
import { migrateToLatest } from '../storage/migrate.js';
import { Failure } from './command.js';

/** Kysely's migration table: present once `dateline migrate` (or a server) has run. */
const MIGRATIONS_TABLE = 'schema_migrations';

function contextOf(storage: Storage): DbCtx {
  return {
    db: storage.db,
    adapter: storage.adapter,
    clock: systemClock,
    actor: systemActor('cli'),
    log: silentLogger,
    // Nobody listens in this process; running servers read the events from the outbox.
    events: createEventBus(() => {}),
  };
}

async function using<T>(storage: Storage, work: (ctx: DbCtx, storage: Storage) => Promise<T>): Promise<T> {
  try {
    return await work(contextOf(storage), storage);
  } finally {
    await storage.close();
  }
}

/** Opens (creating if need be) and migrates the database: for migrate and seed-demo. `applied` names the migrations this run applied. */
export async function withNewDatabase<T>(config: Config, work: (ctx: DbCtx, applied: string[]) => Promise<T>): Promise<T> {
  if (config.dialect === 'sqlite') await checkDataDir(config.dataDir);
  const storage = await createDatabase(config);
  return using(storage, async (ctx) => work(ctx, await migrateToLatest(storage.db, storage.adapter.name)));
}

/**
 * Opens the database a server created. Pending migrations of a newer release are applied (as a
 * server would at start), but an absent or never-migrated database is refused.
 */
export async function withDatabase<T>(config: Config, work: (ctx: DbCtx, storage: Storage) => Promise<T>): Promise<T> {
  if (config.dialect === 'sqlite' && !fs.existsSync(config.sqlitePath)) {
    throw new Failure(
      `No Dateline database at ${config.sqlitePath}: set DATA_DIR to the directory that holds dateline.sqlite, or create one with \`dateline migrate\`.`,
    );
  }
  const storage = await createDatabase(config);
  return using(storage, async (ctx) => {
    const tables = await storage.db.introspection.getTables();
    if (!tables.some((t) => t.name === MIGRATIONS_TABLE)) {
      throw new Failure(
        config.dialect === 'postgres'
          ? `The PostgreSQL database ${redactUrl(config.databaseUrl ?? '')} has no Dateline tables (it was never migrated): check DATABASE_URL, or run \`dateline migrate\` first.`
          : `${config.sqlitePath} is not a Dateline database (it has no Dateline tables): check DATA_DIR, or run \`dateline migrate\` first.`,
      );
    }
    await migrateToLatest(storage.db, storage.adapter.name);
    return work(ctx, storage);
  });
}
