// The job runner on a real database: retries with backoff, parks a job that keeps failing, puts it
// back on `retry`, takes over a job whose runner died, and (PostgreSQL) runs each job once when two
// servers share the queue.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { silentLogger } from '../../../src/core/context.js';
import { createJobRunner, type JobHandler, type RunnerOptions } from '../../../src/jobs/runner.js';
import { createDatabase, type Storage } from '../../../src/storage/database.js';
import { transact } from '../../../src/storage/outbox.js';
import { claimJobs, dispatchEvents, enqueueJobs, listJobs, pruneQueue, retryJobs } from '../../../src/storage/queue.js';
import { createTestDatabase, eachDialect, makeHarness, postgresUrl, type Harness } from '../../support/database.js';

function runnerOn(h: Harness, handlers: Record<string, JobHandler>, options: Partial<RunnerOptions> = {}) {
  return createJobRunner({
    db: h.db.storage.db,
    adapter: h.db.storage.adapter,
    clock: h.clock,
    log: silentLogger,
    handlers,
    reactions: () => [],
    pollMs: 60_000,
    ...options,
  });
}

const jobOf = async (h: Harness, kind: string) => (await listJobs(h.db.storage.db, { limit: 1000 })).find((j) => j.kind === kind);

eachDialect('job runner', (harness) => {
  it('retries a failing job with growing delays, then parks it as dead', async () => {
    const h = harness();
    let calls = 0;
    const runner = runnerOn(
      h,
      {
        'test.flaky': async () => {
          calls++;
          throw new Error('the upstream is down');
        },
      },
      { backoffMs: (attempt) => attempt * 10_000 },
    );
    await enqueueJobs(h.db.storage.db, h.clock.now(), [{ kind: 'test.flaky', payload: {}, maxAttempts: 3 }]);

    await runner.kick();
    let job = await jobOf(h, 'test.flaky');
    assert.equal(job?.state, 'pending');
    assert.equal(job?.attempts, 1);
    assert.equal(new Date(job?.runAt ?? 0).getTime() - h.clock.now().getTime(), 10_000, 'first retry after the first delay');
    assert.match(job?.lastError ?? '', /upstream is down/);

    await runner.kick();
    assert.equal(calls, 1, 'not run again before its time');

    h.clock.advance(10_000);
    await runner.kick();
    job = await jobOf(h, 'test.flaky');
    assert.equal(job?.attempts, 2);
    assert.equal(new Date(job?.runAt ?? 0).getTime() - h.clock.now().getTime(), 20_000, 'the second delay is longer');

    h.clock.advance(20_000);
    await runner.kick();
    job = await jobOf(h, 'test.flaky');
    assert.equal(job?.state, 'dead', 'parked after its last attempt');
    assert.equal(calls, 3);

    h.clock.advance(3_600_000);
    await runner.kick();
    assert.equal(calls, 3, 'a dead job is never picked up by itself');
    await runner.stop();
  });

  it('runs a dead job again after retry, and marks it done', async () => {
    const h = harness();
    let healthy = false;
    const runner = runnerOn(h, {
      'test.recovering': async () => {
        if (!healthy) throw new Error('not yet');
      },
    });
    await enqueueJobs(h.db.storage.db, h.clock.now(), [{ kind: 'test.recovering', payload: {}, maxAttempts: 1 }]);
    await runner.kick();
    const dead = await jobOf(h, 'test.recovering');
    assert.equal(dead?.state, 'dead');
    healthy = true;
    assert.equal(await retryJobs(h.db.storage.db, h.clock.now(), [dead?.id ?? 0]), 1);
    await runner.kick();
    const done = await jobOf(h, 'test.recovering');
    assert.equal(done?.state, 'done');
    assert.equal(done?.attempts, 1, 'retry starts a fresh set of attempts');
    await runner.stop();
  });

  it('parks a job nobody can run instead of retrying it forever', async () => {
    const h = harness();
    const runner = runnerOn(h, {});
    await enqueueJobs(h.db.storage.db, h.clock.now(), [{ kind: 'test.unknown', payload: {} }]);
    await runner.kick();
    const job = await jobOf(h, 'test.unknown');
    assert.equal(job?.state, 'dead');
    assert.equal(job?.attempts, 1);
    await runner.stop();
  });

  it('takes over a job whose runner died once its lease has run out', async () => {
    const h = harness();
    const ran: number[] = [];
    await enqueueJobs(h.db.storage.db, h.clock.now(), [{ kind: 'test.orphan', payload: { n: 7 } }]);
    // A runner that claims the job and is never heard of again.
    const claimed = await claimJobs(h.db.storage.db, h.db.storage.adapter, 'ghost', h.clock.now(), 30_000, 10);
    assert.equal(claimed.length, 1);
    const runner = runnerOn(h, { 'test.orphan': async (payload) => void ran.push((payload as { n: number }).n) });
    await runner.kick();
    assert.deepEqual(ran, [], 'not while the lease holds');
    h.clock.advance(30_001);
    await runner.kick();
    assert.deepEqual(ran, [7]);
    assert.equal((await jobOf(h, 'test.orphan'))?.state, 'done');
    await runner.stop();
  });

  it('enqueues a scheduled job once per period, however often it ticks', async () => {
    const h = harness();
    let runs = 0;
    const runner = runnerOn(h, { 'test.tick': async () => void runs++ }, { schedules: [{ kind: 'test.tick', everyMs: 15_000 }], pollMs: 20 });
    await runner.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await runner.kick();
    assert.equal(runs, 1, 'one run in one period');
    h.clock.advance(15_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await runner.kick();
    assert.equal(runs, 2);
    await runner.stop();
  });

  it('runs an at-start schedule once at each start, even within one period', async () => {
    const h = harness();
    let runs = 0;
    const schedules = [{ kind: 'test.boot', everyMs: 3_600_000, atStart: true }];
    for (const worker of ['first', 'second']) {
      const runner = runnerOn(h, { 'test.boot': async () => void runs++ }, { schedules, worker, pollMs: 60_000 });
      await runner.start();
      await runner.kick();
      await runner.stop();
    }
    // Each start ran it once; the period's own job ran once, for both.
    assert.equal(runs, 3);
  });

  it('prunes finished jobs and dispatched events older than the cut-off, and nothing still owed', async () => {
    const h = harness();
    const db = h.db.storage.db;
    await transact(h.ctx(), (_trx, record) => record('media.changed', { id: 900 }));
    await dispatchEvents(db, h.db.storage.adapter, h.clock.now(), () => []);
    await enqueueJobs(db, h.clock.now(), [{ kind: 'test.old-done', payload: {} }, { kind: 'test.old-pending', payload: {} }]);
    const runner = runnerOn(h, { 'test.old-done': async () => {} }, { batch: 1 });
    await runner.kick();
    await runner.stop();
    h.clock.advance(1000);
    await transact(h.ctx(), (_trx, record) => record('media.changed', { id: 901 }));
    const before = (await db.selectFrom('events').select('id').execute()).length;

    const pruned = await pruneQueue(db, new Date(h.clock.now().getTime() - 500));
    assert.equal(pruned.jobs >= 1, true, 'the old finished job went');
    assert.equal(pruned.events >= 1, true, 'the old dispatched event went');
    const left = await listJobs(db, { limit: 1000 });
    assert.ok(!left.some((j) => j.kind === 'test.old-done'));
    assert.equal(left.find((j) => j.kind === 'test.old-pending')?.state, 'dead', 'a parked job stays for an operator');
    const events = await db.selectFrom('events').select(['payload', 'dispatched_at']).execute();
    assert.ok(events.some((e) => e.payload.includes('901') && e.dispatched_at === null), 'an undispatched event stays');
    assert.ok(events.length < before);
    // Leave no event owed to the next test's reactions.
    await dispatchEvents(db, h.db.storage.adapter, h.clock.now(), () => []);
  });

  it('turns each recorded event into its jobs exactly once', async () => {
    const h = harness();
    const seen: number[] = [];
    const runner = runnerOn(
      h,
      { 'test.react': async (payload) => void seen.push((payload as { id: number }).id) },
      { reactions: (event) => (event.name === 'media.changed' ? [{ kind: 'test.react', payload: event.payload }] : []) },
    );
    for (const id of [101, 102, 103]) await transact(h.ctx(), (_trx, record) => record('media.changed', { id }));
    await runner.kick();
    await runner.kick();
    assert.deepEqual(seen.sort(), [101, 102, 103]);
    await runner.stop();
  });
});

describe('two job runners on one PostgreSQL database', { skip: postgresUrl ? false : 'PostgreSQL not available' }, () => {
  let h: Harness;
  let second: Storage;
  before(async () => {
    h = makeHarness(await createTestDatabase('postgres'));
    second = await createDatabase({ databaseUrl: h.db.location, sqlitePath: '' });
  });
  after(async () => {
    await second?.close();
    await h?.db.drop();
  });

  it('runs every job once, each taken by one of them', async () => {
    const runs = new Map<number, string[]>();
    const handler =
      (worker: string): JobHandler =>
      async (payload) => {
        const n = (payload as { n: number }).n;
        runs.set(n, [...(runs.get(n) ?? []), worker]);
        await new Promise((resolve) => setTimeout(resolve, 3));
      };
    const common = { clock: h.clock, log: silentLogger, reactions: () => [], pollMs: 60_000, batch: 2 } as const;
    const a = createJobRunner({ ...common, db: h.db.storage.db, adapter: h.db.storage.adapter, handlers: { 'test.once': handler('a') }, worker: 'a' });
    const b = createJobRunner({ ...common, db: second.db, adapter: second.adapter, handlers: { 'test.once': handler('b') }, worker: 'b' });
    const jobs = Array.from({ length: 120 }, (_, n) => ({ kind: 'test.once', payload: { n } }));
    await enqueueJobs(h.db.storage.db, h.clock.now(), jobs);
    await Promise.all([a.kick(), b.kick(), a.kick(), b.kick()]);

    assert.equal(runs.size, 120, 'every job ran');
    const twice = [...runs].filter(([, workers]) => workers.length !== 1);
    assert.deepEqual(twice, [], 'no job ran twice');
    const byWorker = [...runs.values()].flat();
    assert.ok(byWorker.includes('a') && byWorker.includes('b'), 'both servers took a share');
    const left = (await listJobs(h.db.storage.db, { limit: 1000 })).filter((j) => j.state !== 'done');
    assert.deepEqual(left, []);
    await a.stop();
    await b.stop();
  });

  it('dispatches each event once when both read the outbox at the same time', async () => {
    const seen: number[] = [];
    const reactions: RunnerOptions['reactions'] = (event) => (event.name === 'media.changed' ? [{ kind: 'test.event', payload: event.payload }] : []);
    const handlers = { 'test.event': async (payload: unknown) => void seen.push((payload as { id: number }).id) };
    const common = { clock: h.clock, log: silentLogger, reactions, handlers, pollMs: 60_000 } as const;
    const a = createJobRunner({ ...common, db: h.db.storage.db, adapter: h.db.storage.adapter, worker: 'a' });
    const b = createJobRunner({ ...common, db: second.db, adapter: second.adapter, worker: 'b' });
    const ids = Array.from({ length: 40 }, (_, i) => 500 + i);
    await Promise.all(ids.map((id) => transact(h.ctx(), (_trx, record) => record('media.changed', { id }))));
    await Promise.all([a.kick(), b.kick()]);
    await Promise.all([a.kick(), b.kick()]);
    assert.deepEqual(seen.sort((x, y) => x - y), ids);
    await a.stop();
    await b.stop();
  });
});
