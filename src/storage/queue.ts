// The queue's SQL: turning outbox events into jobs, claiming due jobs, settling them, and the
// operator's view. The runner that drives it lives in src/jobs/; the dialect differences (row
// locks on PostgreSQL) sit behind the adapter.
import type { EventName, RecordedEvent } from '../core/events.js';
import { isEventName } from '../core/events.js';
import type { Database } from './database.js';
import type { DialectAdapter } from './dialect/contract.js';
import type { JobRow, JobState } from './schema.js';

export interface NewJob {
  kind: string;
  payload: unknown;
  /** At most one job per key, ever: enqueuing it again is a no-op. */
  uniqueKey?: string;
  runAt?: Date;
  maxAttempts?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 8;

export async function enqueueJobs(db: Database, now: Date, jobs: NewJob[]): Promise<void> {
  if (!jobs.length) return;
  const stamp = now.toISOString();
  await db
    .insertInto('jobs')
    .values(
      jobs.map((job) => ({
        kind: job.kind,
        payload: JSON.stringify(job.payload ?? {}),
        unique_key: job.uniqueKey ?? null,
        state: 'pending' as const,
        max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        run_at: (job.runAt ?? now).toISOString(),
        created_at: stamp,
        updated_at: stamp,
      })),
    )
    .onConflict((oc) => oc.column('unique_key').doNothing())
    .execute();
}

/**
 * Claims undispatched events and enqueues the jobs they cause, in one transaction: an event is
 * dispatched exactly once across servers (row locks on PostgreSQL, the single writer on SQLite),
 * and its jobs' unique keys make a repeated dispatch harmless anyway.
 */
export async function dispatchEvents(
  db: Database,
  adapter: DialectAdapter,
  now: Date,
  jobsOf: (event: RecordedEvent) => NewJob[],
  limit = 100,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await adapter
      .forClaim(trx.selectFrom('events').select(['id', 'name', 'payload']).where('dispatched_at', 'is', null).orderBy('id').limit(limit))
      .execute();
    if (!rows.length) return 0;
    const jobs = rows.flatMap((row) => {
      const event = parseEvent(row);
      return event ? jobsOf(event).map((job) => ({ ...job, uniqueKey: job.uniqueKey ?? `event:${row.id}:${job.kind}` })) : [];
    });
    await enqueueJobs(trx, now, jobs);
    await trx
      .updateTable('events')
      .set({ dispatched_at: now.toISOString() })
      .where('id', 'in', rows.map((r) => r.id))
      .execute();
    return rows.length;
  });
}

export function parseEvent(row: { id: number; name: string; payload: string }): RecordedEvent | undefined {
  if (!isEventName(row.name)) return undefined;
  try {
    return { id: row.id, name: row.name as EventName, payload: JSON.parse(row.payload) as never };
  } catch {
    // A payload that is not JSON was not written by transact(); it cannot be acted on.
    return undefined;
  }
}

/** Events after `afterId`, oldest first: what every server reads to purge its cache. */
export async function eventsAfter(db: Database, afterId: number, limit = 500): Promise<RecordedEvent[]> {
  const rows = await db.selectFrom('events').select(['id', 'name', 'payload']).where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.flatMap((row) => parseEvent(row) ?? []);
}

/** The events among `ids` that exist now (ids skipped over earlier, committed since). */
export async function eventsWithIds(db: Database, ids: number[]): Promise<RecordedEvent[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom('events').select(['id', 'name', 'payload']).where('id', 'in', ids).orderBy('id').execute();
  return rows.flatMap((row) => parseEvent(row) ?? []);
}

export async function lastEventId(db: Database): Promise<number> {
  const row = await db.selectFrom('events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}

/**
 * Takes up to `limit` due jobs for `worker`: pending ones whose time has come, and running ones
 * whose lease ran out (their server died mid-job). Each goes to exactly one claimer.
 */
export async function claimJobs(db: Database, adapter: DialectAdapter, worker: string, now: Date, leaseMs: number, limit: number): Promise<JobRow[]> {
  const stamp = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const due = await adapter
      .forClaim(
        trx
          .selectFrom('jobs')
          .select('id')
          .where((eb) =>
            eb.or([
              eb.and([eb('state', '=', 'pending'), eb('run_at', '<=', stamp)]),
              eb.and([eb('state', '=', 'running'), eb('locked_until', '<', stamp)]),
            ]),
          )
          .orderBy('run_at')
          .orderBy('id')
          .limit(limit),
      )
      .execute();
    if (!due.length) return [];
    return trx
      .updateTable('jobs')
      .set((eb) => ({
        state: 'running',
        locked_by: worker,
        locked_until: new Date(now.getTime() + leaseMs).toISOString(),
        attempts: eb('attempts', '+', 1),
        updated_at: stamp,
      }))
      .where('id', 'in', due.map((d) => d.id))
      .returningAll()
      .execute();
  });
}

/** Marks a job done, if this worker still holds it (a job whose lease ran out may be someone else's now). */
export async function completeJob(db: Database, id: number, worker: string, now: Date): Promise<boolean> {
  const stamp = now.toISOString();
  const result = await db
    .updateTable('jobs')
    .set({ state: 'done', locked_by: null, locked_until: null, last_error: null, finished_at: stamp, updated_at: stamp })
    .where('id', '=', id)
    .where('locked_by', '=', worker)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a failure: back to pending at `retryAt`, or dead (parked for an operator) without one. */
export async function failJob(db: Database, id: number, worker: string, now: Date, error: string, retryAt: Date | undefined): Promise<void> {
  const stamp = now.toISOString();
  await db
    .updateTable('jobs')
    .set({
      state: retryAt ? 'pending' : 'dead',
      run_at: retryAt ? retryAt.toISOString() : stamp,
      locked_by: null,
      locked_until: null,
      last_error: error.slice(0, 2000),
      finished_at: retryAt ? null : stamp,
      updated_at: stamp,
    })
    .where('id', '=', id)
    .where('locked_by', '=', worker)
    .execute();
}

/** SQLite has one server: whatever it was running when it stopped is an orphan; run it again now. */
export async function releaseOrphans(db: Database, now: Date): Promise<number> {
  const result = await db
    .updateTable('jobs')
    .set({ state: 'pending', locked_by: null, locked_until: null, run_at: now.toISOString(), updated_at: now.toISOString() })
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface JobListing {
  id: number;
  kind: string;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export async function listJobs(db: Database, filter: { state?: JobState; limit?: number }): Promise<JobListing[]> {
  let query = db.selectFrom('jobs').selectAll().orderBy('id', 'desc').limit(filter.limit ?? 50);
  if (filter.state) query = query.where('state', '=', filter.state);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    state: r.state,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    runAt: r.run_at,
    lastError: r.last_error,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  }));
}

export async function countJobs(db: Database): Promise<Record<JobState, number>> {
  const rows = await db.selectFrom('jobs').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('state').execute();
  const counts: Record<JobState, number> = { pending: 0, running: 0, done: 0, dead: 0 };
  for (const row of rows) counts[row.state] = Number(row.n);
  return counts;
}

/** Puts dead jobs (the given ones, or all) back in the queue with a fresh set of attempts. */
export async function retryJobs(db: Database, now: Date, ids: number[] | 'all-dead'): Promise<number> {
  let query = db
    .updateTable('jobs')
    .set({ state: 'pending', attempts: 0, run_at: now.toISOString(), finished_at: null, updated_at: now.toISOString() })
    .where('state', '=', 'dead');
  if (ids !== 'all-dead') query = query.where('id', 'in', ids.length ? ids : [-1]);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Keeps the outbox small: events every server has read and jobs finished long enough ago. */
export async function pruneQueue(db: Database, before: Date): Promise<{ events: number; jobs: number }> {
  const stamp = before.toISOString();
  const jobs = await db.deleteFrom('jobs').where('state', '=', 'done').where('finished_at', '<', stamp).executeTakeFirst();
  const events = await db.deleteFrom('events').where('dispatched_at', 'is not', null).where('created_at', '<', stamp).executeTakeFirst();
  return { events: Number(events.numDeletedRows), jobs: Number(jobs.numDeletedRows) };
}

/** Marks every event so far as dispatched, causing no jobs: for a bulk load that did their work itself. */
export async function settleOutbox(db: Database, now: Date): Promise<void> {
  await db.updateTable('events').set({ dispatched_at: now.toISOString() }).where('dispatched_at', 'is', null).execute();
}
