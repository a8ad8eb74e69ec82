// Opens the database the configuration names: better-sqlite3 in WAL mode by default, a pg pool
// when DATABASE_URL is set. Callers get one Kysely<DB> and the small dialect adapter.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { redactUrl, type Config } from '../config.js';
import type { Ctx } from '../core/context.js';
import type { DialectAdapter, Notifier } from './dialect/contract.js';
import { createPostgresNotifier } from './dialect/postgres/notifier.js';
import { postgresAdapter } from './dialect/postgres/adapter.js';
import { sqliteAdapter } from './dialect/sqlite/adapter.js';
import { ReadWriteSqliteDialect } from './dialect/sqlite/driver.js';
import type { DB } from './schema.js';

export type Database = Kysely<DB>;
/** What every domain operation receives: the database, its dialect adapter, and the rest of Ctx. */
export type DbCtx = Ctx<Database> & { adapter: DialectAdapter };

export interface Storage {
  db: Database;
  adapter: DialectAdapter;
  notifier: Notifier;
  close(): Promise<void>;
}

/** One server per SQLite file: there is nobody to tell. */
const localNotifier: Notifier = { subscribe: async () => {}, close: async () => {} };

/** The database cannot be opened or reached; the message is one line fit for an operator. */
export class StorageUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageUnavailableError';
  }
}

// COUNT(*) and other bigint results arrive as strings from pg; our counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export async function createDatabase(config: Pick<Config, 'databaseUrl' | 'sqlitePath'> & Partial<Pick<Config, 'sqliteSync'>>): Promise<Storage> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openSqlite(config.sqlitePath, config.sqliteSync ?? 'normal');
}

function openSqlite(file: string, sync: Config['sqliteSync']): Storage {
  let handle: SQLite.Database;
  let reader: SQLite.Database | undefined;
  try {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    handle = new SQLite(file);
    handle.pragma('journal_mode = WAL');
    // NORMAL (the default): each commit is written to the WAL before it returns, so an
    // acknowledged write survives a crash of the process (the crash tests SIGKILL the server);
    // the WAL is synced at checkpoints. FULL also syncs every commit, surviving a power cut, at
    // the cost of an fsync (about 5 ms on this machine, holding the event loop) per commit: it
    // capped comment posts at ~55 a second (BENCHMARKS.md, "Comments"). See Config.sqliteSync.
    handle.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
    handle.pragma('foreign_keys = ON');
    handle.pragma('busy_timeout = 5000');
    // A second, read-only connection for plain SELECTs (an in-memory database has only one).
    if (file !== ':memory:') {
      reader = new SQLite(file, { readonly: true, fileMustExist: true });
      reader.pragma('busy_timeout = 5000');
    }
  } catch (error) {
    reader?.close();
    throw new StorageUnavailableError(`Cannot open the SQLite database at ${file}: ${(error as Error).message}`);
  }
  const db = new Kysely<DB>({ dialect: new ReadWriteSqliteDialect(withStatementCache(handle), reader && withStatementCache(reader)) });
  return {
    db,
    adapter: sqliteAdapter,
    notifier: localNotifier,
    close: () => db.destroy(),
  };
}

/**
 * Kysely prepares every query anew; SQLite's compile step then costs more than running a
 * primary-key lookup. Reusing prepared statements by SQL text cut the article page's query time
 * by about half in the benchmark. Bounded, oldest out first. Safe because better-sqlite3 is
 * synchronous and no statement is iterated while another runs on it. One cache per connection.
 */
function withStatementCache(handle: SQLite.Database, max = 1000) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => handle.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = handle.prepare(sql);
        statements.set(sql, statement);
        if (statements.size > max) statements.delete(statements.keys().next().value as string);
      }
      return statement;
    },
  };
}

async function openPostgres(url: string): Promise<Storage> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy().catch(() => {});
    // Socket errors are clearest as their code (ECONNREFUSED); server errors as their message
    // ('database "news" does not exist'), never as a bare SQLSTATE.
    const { code, message } = error as { code?: string; message?: string };
    const reason = code && /^E[A-Z]+$/.test(code) ? code : (message || code || 'unknown error');
    throw new StorageUnavailableError(`Cannot reach PostgreSQL at ${redactUrl(url)}: ${reason}`);
  }
  const notifier = createPostgresNotifier(url, (error) => {
    process.emitWarning(`PostgreSQL notification connection: ${(error as Error).message}`);
  });
  return {
    db,
    adapter: postgresAdapter,
    notifier,
    async close() {
      await notifier.close();
      await db.destroy();
    },
  };
}
