// `dateline jobs list|retry`: the durable job queue, for an operator looking at failures.
import { countJobs, listJobs, retryJobs } from '../../storage/queue.js';
import type { JobState } from '../../storage/schema.js';
import { NothingDone, UsageError, integerOption, out, stringOption, type Noun } from '../command.js';
import { withDatabase } from '../storage.js';

const JOB_STATES: JobState[] = ['pending', 'running', 'done', 'dead'];

const jobs: Noun = {
  name: 'jobs',
  summary: 'The job queue',
  verbs: {
    list: {
      summary: 'Show the job queue: counts by state, then the latest jobs (failed ones with their error)',
      options: {
        state: { type: 'string', value: JOB_STATES.join('|'), help: 'Only jobs in this state' },
        limit: { type: 'string', value: 'N', help: 'How many jobs to show, 1-10000 (default 50)' },
      },
      async run(input) {
        const state = stringOption(input, 'state');
        if (state !== undefined && !JOB_STATES.includes(state as JobState)) throw new UsageError(`--state must be one of ${JOB_STATES.join(', ')}`);
        const limit = integerOption(input, 'limit', { min: 1, max: 10_000 }) ?? 50;
        const [counts, list] = await withDatabase(input.config(), (ctx) =>
          Promise.all([countJobs(ctx.db), listJobs(ctx.db, { ...(state ? { state: state as JobState } : {}), limit })]),
        );
        out(JOB_STATES.map((s) => `${s} ${counts[s]}`).join('  '));
        for (const j of list) {
          out(`${String(j.id).padStart(6)}  ${j.state.padEnd(7)}  ${j.kind.padEnd(18)}  attempts ${j.attempts}/${j.maxAttempts}  run at ${j.runAt}`);
          if (j.lastError && j.state !== 'done') out(`        last error: ${j.lastError}`);
        }
      },
    },
    retry: {
      summary: 'Put dead jobs back in the queue with a fresh set of attempts',
      options: {
        id: { type: 'string', value: 'N[,N…]', help: 'The jobs to retry, by number' },
        'all-dead': { type: 'boolean', help: 'Retry every dead job' },
      },
      notes: ['Give either --id or --all-dead. Exit 1 when no dead job matched.'],
      async run(input) {
        const all = input.options['all-dead'] === true;
        const raw = stringOption(input, 'id');
        if (all === (raw !== undefined)) throw new UsageError('give either --id or --all-dead');
        const ids = raw === undefined ? [] : raw.split(',').map((v) => Number(v.trim()));
        if (ids.some((id) => !Number.isInteger(id) || id < 1)) throw new UsageError('--id takes job numbers, e.g. --id 12 or --id 12,13');
        const retried = await withDatabase(input.config(), (ctx) => retryJobs(ctx.db, ctx.clock.now(), all ? 'all-dead' : ids));
        out(retried ? `Queued ${retried} job${retried === 1 ? '' : 's'} again; a running server picks them up within seconds.` : 'No dead job matched; nothing to retry.');
        if (!retried) throw new NothingDone();
      },
    },
  },
};
export default jobs;
