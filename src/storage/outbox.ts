// Writing events into the outbox in the transaction of the change they describe, and emitting
// them in this process once that transaction has committed. The domain's writes go through
// `transact`; nothing else inserts into `events`.
import type { Transaction } from 'kysely';
import type { EventMap, EventName, RecordedEvent } from '../core/events.js';
import type { DbCtx } from './database.js';
import type { DB } from './schema.js';

/** The channel that wakes every server to read the outbox (PostgreSQL; SQLite servers poll). */
export const OUTBOX_CHANNEL = 'dateline_outbox';

export type Trx = Transaction<DB>;
export type RecordEvent = <K extends EventName>(name: K, payload: EventMap[K]) => Promise<void>;

export async function insertEvent<K extends EventName>(ctx: DbCtx, trx: Trx, name: K, payload: EventMap[K]): Promise<RecordedEvent<K>> {
  const row = await trx
    .insertInto('events')
    .values({ name, payload: JSON.stringify(payload), created_at: ctx.clock.now().toISOString(), dispatched_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.adapter.notifyOnCommit(trx, OUTBOX_CHANNEL, String(row.id));
  return { id: row.id, name, payload };
}

/**
 * Runs `work` in one transaction; the events it records commit or roll back with it. After the
 * commit they are emitted on ctx.events, so this process reacts at once (its cache purge) while
 * the durable reactions wait in the outbox for the job runner.
 */
export async function transact<T>(ctx: DbCtx, work: (trx: Trx, record: RecordEvent) => Promise<T>): Promise<T> {
  const recorded: RecordedEvent[] = [];
  const result = await ctx.db.transaction().execute(async (trx) => {
    recorded.length = 0; // a retried transaction starts with no events
    return work(trx, async (name, payload) => {
      recorded.push((await insertEvent(ctx, trx, name, payload)) as RecordedEvent);
    });
  });
  for (const event of recorded) ctx.events.emit(event);
  return result;
}

/**
 * The id of the latest event recorded by any server (0 before the first): a generation number
 * that changes with every committed change the domain makes. Readers key short-lived caches by it.
 */
export async function latestEventId(db: DbCtx['db']): Promise<number> {
  const row = await db.selectFrom('events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}
