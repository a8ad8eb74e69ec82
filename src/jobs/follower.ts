// Every server reads the outbox to apply each event once to its own state (the page cache). Local
// writes are applied as they commit and marked seen; writes of other servers and of the CLI are
// found by polling, woken early by PostgreSQL NOTIFY. Ids can commit out of order on PostgreSQL
// (two transactions, the later id first), so skipped ids are re-read for a while.
import type { RecordedEvent } from '../core/events.js';
import type { Database } from '../storage/database.js';
import { eventsAfter, eventsWithIds, lastEventId } from '../storage/queue.js';
import type { Logger } from '../core/context.js';

export interface OutboxFollower {
  /** An event this process emitted itself: applied already, never again. */
  seen(id: number): void;
  poll(): Promise<void>;
  stop(): void;
}

/** How long an id skipped over may still appear: longer than any write transaction lasts. */
const HOLE_TTL_MS = 30_000;

export async function followOutbox(options: {
  db: Database;
  log: Logger;
  apply: (event: RecordedEvent) => void;
  pollMs?: number;
}): Promise<OutboxFollower> {
  // The cache starts empty: what happened before this server started concerns nobody here.
  let cursor = await lastEventId(options.db);
  const holes = new Map<number, number>();
  const applied = new Set<number>();
  let polling: Promise<void> | undefined;
  let again = false;

  const take = (event: RecordedEvent) => {
    if (applied.has(event.id)) return;
    applied.add(event.id);
    options.apply(event);
  };

  const readOnce = async () => {
    const now = Date.now();
    for (const [id, since] of holes) if (now - since > HOLE_TTL_MS) holes.delete(id);
    const found = await eventsAfter(options.db, cursor, 1000);
    for (const event of await eventsWithIds(options.db, [...holes.keys()])) {
      holes.delete(event.id);
      take(event);
    }
    for (const event of found) {
      for (let id = cursor + 1; id < event.id; id++) if (!applied.has(id)) holes.set(id, now);
      cursor = Math.max(cursor, event.id);
      take(event);
    }
    // Local events above the cursor were applied already; keep only what can still arrive.
    for (const id of applied) if (id < cursor - 10_000) applied.delete(id);
    return found.length === 1000;
  };

  const poll = (): Promise<void> => {
    if (polling) {
      again = true;
      return polling;
    }
    polling = (async () => {
      do {
        again = false;
        while (await readOnce());
      } while (again);
    })()
      .catch((error: unknown) => options.log.warn({ err: error }, 'could not read the outbox'))
      .finally(() => {
        polling = undefined;
      });
    return polling;
  };

  const timer = setInterval(() => void poll(), options.pollMs ?? 1000);
  timer.unref();
  return {
    seen(id) {
      applied.add(id);
    },
    poll,
    stop() {
      clearInterval(timer);
    },
  };
}
