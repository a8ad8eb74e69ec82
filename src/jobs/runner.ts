// The job runner: one per server process. It turns outbox events into jobs, claims due jobs,
// runs them, and settles each: done, back to pending with backoff, or dead after its last attempt.
// Several runners on one PostgreSQL database each take different jobs (row locks with SKIP
// LOCKED); a job whose runner died is taken again when its lease runs out.
import { randomUUID } from 'node:crypto';
import type { Clock, Logger } from '../core/context.js';
import type { RecordedEvent } from '../core/events.js';
import type { Database } from '../storage/database.js';
import type { DialectAdapter } from '../storage/dialect/contract.js';
import { claimJobs, completeJob, dispatchEvents, enqueueJobs, failJob, releaseOrphans, type NewJob } from '../storage/queue.js';
import type { JobRow } from '../storage/schema.js';

export type JobHandler = (payload: unknown, job: JobRow) => Promise<void>;

/** A job enqueued once per period across all servers (its unique key names the period). */
export interface Schedule {
  kind: string;
  everyMs: number;
  maxAttempts?: number;
  /** Also once when this runner starts, whatever the period (a check worth making after a crash). */
  atStart?: boolean;
}

export interface RunnerOptions {
  db: Database;
  adapter: DialectAdapter;
  clock: Clock;
  log: Logger;
  handlers: Record<string, JobHandler>;
  /** The jobs an event causes. */
  reactions: (event: RecordedEvent) => NewJob[];
  schedules?: Schedule[];
  worker?: string;
  pollMs?: number;
  leaseMs?: number;
  batch?: number;
  /** Delay before retry number `attempt` (1 after the first failure). */
  backoffMs?: (attempt: number) => number;
}

export interface JobRunner {
  readonly worker: string;
  start(): Promise<void>;
  /** Runs everything due now; resolves when the queue has nothing more for this runner. */
  kick(): Promise<void>;
  /** Stops polling and waits for the jobs in hand. */
  stop(): Promise<void>;
}

/** 1 s, 2 s, 4 s … capped at 10 minutes, with ±20 % jitter so retries of a burst spread out. */
export function exponentialBackoff(baseMs = 1000, maxMs = 600_000) {
  return (attempt: number) => {
    const raw = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), maxMs);
    return Math.round(raw * (0.8 + Math.random() * 0.4));
  };
}

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

export function createJobRunner(options: RunnerOptions): JobRunner {
  const worker = options.worker ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 60_000;
  const batch = options.batch ?? 10;
  const backoff = options.backoffMs ?? exponentialBackoff();
  const lastSlot = new Map<string, number>();
  let draining: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const run = async (job: JobRow) => {
    const handler = options.handlers[job.kind];
    const now = () => options.clock.now();
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(JSON.parse(job.payload) as unknown, job);
      await completeJob(options.db, job.id, worker, now());
    } catch (error) {
      const last = !handler || job.attempts >= job.max_attempts;
      const retryAt = last ? undefined : new Date(now().getTime() + backoff(job.attempts));
      options.log[last ? 'error' : 'warn']({ err: error, job: job.id, kind: job.kind, attempt: job.attempts }, last ? 'job failed for the last time; parked as dead' : 'job failed; will retry');
      await failJob(options.db, job.id, worker, now(), describe(error), retryAt);
    }
  };

  const enqueueSchedules = async () => {
    const now = options.clock.now();
    const due: NewJob[] = [];
    for (const schedule of options.schedules ?? []) {
      const slot = Math.floor(now.getTime() / schedule.everyMs);
      if (lastSlot.get(schedule.kind) === slot) continue;
      lastSlot.set(schedule.kind, slot);
      due.push({ kind: schedule.kind, payload: {}, uniqueKey: `schedule:${schedule.kind}:${slot}`, maxAttempts: schedule.maxAttempts ?? 3 });
    }
    await enqueueJobs(options.db, now, due);
  };

  const drain = async () => {
    do {
      again = false;
      for (;;) {
        if (stopped) return;
        const dispatched = await dispatchEvents(options.db, options.adapter, options.clock.now(), options.reactions);
        const jobs = await claimJobs(options.db, options.adapter, worker, options.clock.now(), leaseMs, batch);
        // One at a time: jobs are short, and two refreshes of related lists at once on one
        // server would only compete for the same rows.
        for (const job of jobs) await run(job);
        if (!dispatched && !jobs.length) break;
      }
    } while (again && !stopped);
  };

  const kick = (): Promise<void> => {
    if (draining) {
      again = true;
      return draining;
    }
    draining = drain()
      .catch((error: unknown) => options.log.error({ err: error }, 'job runner could not reach the queue'))
      .finally(() => {
        draining = undefined;
      });
    return draining;
  };

  const tick = () => {
    enqueueSchedules()
      .catch((error: unknown) => options.log.error({ err: error }, 'could not enqueue scheduled jobs'))
      .finally(() => void kick());
  };

  return {
    worker,
    async start() {
      // One SQLite server per file: a job "running" at start was cut off by a crash or kill.
      if (options.adapter.name === 'sqlite') await releaseOrphans(options.db, options.clock.now());
      const atStart = (options.schedules ?? []).filter((s) => s.atStart);
      await enqueueJobs(
        options.db,
        options.clock.now(),
        atStart.map((s) => ({ kind: s.kind, payload: {}, uniqueKey: `start:${s.kind}:${worker}`, maxAttempts: s.maxAttempts ?? 3 })),
      );
      timer = setInterval(tick, pollMs);
      timer.unref();
      tick();
    },
    kick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await draining;
    },
  };
}
