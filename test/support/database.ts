// Test databases: a fresh SQLite file, and (when the runner found PostgreSQL) a freshly created
// PostgreSQL database that is dropped afterwards. `eachDialect` runs one suite on both.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import type { DialectName } from '../../src/config.js';
import { silentLogger, systemActor, type Actor, type Clock } from '../../src/core/context.js';
import { createEventBus, type EventBus } from '../../src/core/events.js';
import { createDatabase, type DbCtx, type Storage } from '../../src/storage/database.js';
import { migrateToLatest } from '../../src/storage/migrate.js';

export const postgresUrl = process.env.DATELINE_TEST_PG || undefined;

export interface TestDatabase {
  dialect: DialectName;
  storage: Storage;
  /** SQLite file path or PostgreSQL URL, for tests that start a server process on it. */
  location: string;
  env: Record<string, string>;
  drop(): Promise<void>;
}

export function tempDir(prefix = 'dateline-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A URL pointing at database `name` on the same server as `base`. */
export function withDatabase(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createTestDatabase(dialect: DialectName, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = tempDir();
    const file = path.join(dir, 'dateline.sqlite');
    const storage = await createDatabase({ databaseUrl: undefined, sqlitePath: file });
    if (options.migrate !== false) await migrateToLatest(storage.db, 'sqlite');
    return {
      dialect,
      storage,
      location: file,
      env: { DATA_DIR: dir, DATABASE_URL: '' },
      async drop() {
        await storage.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!postgresUrl) throw new Error('PostgreSQL is not available to this test run');
  const name = `dateline_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = withDatabase(postgresUrl, name);
  const storage = await createDatabase({ databaseUrl: url, sqlitePath: '' });
  if (options.migrate !== false) await migrateToLatest(storage.db, 'postgres');
  const dir = tempDir();
  return {
    dialect,
    storage,
    location: url,
    env: { DATA_DIR: dir, DATABASE_URL: url },
    async drop() {
      await storage.close();
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const fixedClock = (iso = '2026-11-24T12:00:00.000Z'): Clock & { set(iso: string): void; advance(ms: number): void } => {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set(value: string) {
      now = new Date(value);
    },
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
};

export interface Harness {
  db: TestDatabase;
  clock: ReturnType<typeof fixedClock>;
  events: EventBus;
  emitted: Array<{ name: string; payload: unknown }>;
  ctx(actor?: Actor): DbCtx;
}

export function makeHarness(db: TestDatabase): Harness {
  const clock = fixedClock();
  const events = createEventBus((name, error) => {
    throw new Error(`listener for ${name} failed: ${String(error)}`);
  });
  const emitted: Harness['emitted'] = [];
  const record = (name: string) => (payload: unknown) => void emitted.push({ name, payload });
  for (const name of ['article.created', 'article.updated', 'article.published', 'article.unpublished', 'article.removed'] as const) {
    events.on(name, record(name));
  }
  return {
    db,
    clock,
    events,
    emitted,
    ctx: (actor = systemActor('test')) => ({ db: db.storage.db, adapter: db.storage.adapter, clock, actor, log: silentLogger, events }),
  };
}

/**
 * Declares the suite once per dialect: always SQLite, PostgreSQL when the runner found it
 * (the runner refuses to start without it under CI=true, so CI never skips it).
 */
export function eachDialect(title: string, suite: (h: () => Harness) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const skip = dialect === 'postgres' && !postgresUrl ? 'PostgreSQL not available (see the runner banner)' : false;
    describe(`${title} [${dialect}]`, { skip }, () => {
      let harness: Harness | undefined;
      before(async () => {
        harness = makeHarness(await createTestDatabase(dialect));
      });
      after(async () => {
        // Listeners still at work (related articles) must finish before their database goes.
        await harness?.events.idle();
        await harness?.db.drop();
      });
      suite(() => {
        if (!harness) throw new Error('harness not ready');
        return harness;
      });
    });
  }
}
