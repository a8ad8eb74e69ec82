// The outbox and the job queue. A write records its events in `events` in its own transaction;
// every server reads them to purge its cache, and one server turns each into `jobs` (related
// lists, and next reindexing, webhooks, notifications) that run once, with retries.
import type { Kysely } from 'kysely';
import type { DialectName } from '../../config.js';
import { idColumn, sqlIn } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('dispatched_at', 'text')
    .execute();
  await db.schema.createIndex('events_undispatched').on('events').columns(['dispatched_at', 'id']).execute();
  await db.schema.createIndex('events_created').on('events').column('created_at').execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    // "event:<id>:<kind>" or "schedule:<kind>:<slot>": a job is enqueued at most once per cause.
    .addColumn('unique_key', 'text', (c) => c.unique())
    .addColumn('state', 'text', (c) => c.notNull().check(sqlIn('state', ['pending', 'running', 'done', 'dead'])))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'run_at']).execute();
}
