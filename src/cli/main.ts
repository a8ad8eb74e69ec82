// `dateline <command>`: the operator's entry point. Calls the domain exactly as the web does,
// acting as an explicit system actor. Exit codes: 0 success, 1 failure, 2 usage error.
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CONFIG_VARIABLES, ConfigError, loadConfig, type Config } from '../config.js';
import { silentLogger, systemActor, systemClock } from '../core/context.js';
import { isDomainError } from '../core/errors.js';
import { createEventBus } from '../core/events.js';
import { rebuildRelated } from '../domain/articles/index.js';
import { listEditions } from '../domain/editions/index.js';
import { rebuildSearchIndex } from '../domain/search/index.js';
import { createApiToken, createUser, listUsers } from '../domain/users/index.js';
import { countJobs, listJobs, retryJobs } from '../storage/queue.js';
import type { JobState } from '../storage/schema.js';
import { StartupError, closeOnSignals, start } from '../main.js';
import { createFileBlobStore } from '../storage/blobs/fs-store.js';
import { StorageUnavailableError, createDatabase, type DbCtx, type Storage } from '../storage/database.js';
import { migrateToLatest } from '../storage/migrate.js';
import { transact } from '../storage/outbox.js';
import { seedDemo, seedDemoIfEmpty } from './demo/seed.js';

class UsageError extends Error {}
/** The command ran but found nothing to act on: exit 1 without another message. */
class NothingDone extends Error {}

const JOB_STATES: JobState[] = ['pending', 'running', 'done', 'dead'];

type Options = NonNullable<ParseArgsConfig['options']>;

interface Command {
  summary: string;
  usage: string;
  options: Options;
  run(values: Record<string, string | boolean | undefined>, config: () => Config): Promise<void>;
}

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function withStorage<T>(config: Config, work: (ctx: DbCtx, storage: Storage) => Promise<T>): Promise<T> {
  const storage = await createDatabase(config);
  try {
    await migrateToLatest(storage.db, storage.adapter.name);
    const ctx: DbCtx = {
      db: storage.db,
      adapter: storage.adapter,
      clock: systemClock,
      actor: systemActor('cli'),
      log: silentLogger,
      events: createEventBus(() => {}),
    };
    return await work(ctx, storage);
  } finally {
    await storage.close();
  }
}

/** An --edition option names an edition of this database, or the command stops with the list. */
async function assertEdition(ctx: DbCtx, edition: string | undefined): Promise<void> {
  if (edition === undefined) return;
  const codes = (await listEditions(ctx.db)).map((e) => e.code);
  if (!codes.includes(edition)) throw new StartupError(`EDITION_NOT_FOUND: no edition "${edition}"; the editions are: ${codes.join(', ') || '(none)'}.`);
}

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || !value.trim()) throw new UsageError(`--${name} is required`);
  return value;
}

async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    // Piped: the first line of standard input is the password.
    const rl = readline.createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    throw new UsageError('no password given: pass --password or type it on standard input');
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      const mutable = rl as unknown as { _writeToOutput: (s: string) => void };
      process.stdout.write(prompt);
      mutable._writeToOutput = () => {};
      rl.question('', (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Password: ');
  const second = await ask('Repeat password: ');
  if (first !== second) throw new UsageError('the passwords do not match');
  return first;
}

const commands: Record<string, Command> = {
  serve: {
    summary: 'Start the web server (migrates, and seeds the demo into an empty database)',
    usage: 'dateline serve',
    options: {},
    async run(_values, config) {
      const running = await start(config(), {
        seed: async (ctx, blobs) => {
          const seeded = await seedDemoIfEmpty(ctx, blobs);
          if (!seeded) return [];
          return [
            `Seeded the demo newsroom: ${seeded.articles} articles in ${seeded.editions} editions.`,
            `Admin sign-in: ${seeded.adminEmail} / ${seeded.adminPassword}  (shown once; change it)`,
          ];
        },
      });
      out(`Dateline is serving ${running.url}/ (${running.storage.adapter.name}). Press Ctrl+C to stop.`);
      closeOnSignals(running, out);
      await new Promise(() => {});
    },
  },
  migrate: {
    summary: 'Apply pending database migrations',
    usage: 'dateline migrate',
    options: {},
    async run(_values, config) {
      const applied = await withStorage(config(), async (_ctx, storage) => migrateToLatest(storage.db, storage.adapter.name));
      out(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    },
  },
  'seed-demo': {
    summary: 'Fill an empty database with the demo newsroom',
    usage: 'dateline seed-demo',
    options: {},
    async run(_values, config) {
      const cfg = config();
      await withStorage(cfg, async (ctx) => {
        if ((await listEditions(ctx.db)).length) throw new StartupError('The database already has editions; the demo is seeded only into an empty database.');
        const result = await seedDemo(ctx, createFileBlobStore(path.join(cfg.dataDir, 'media')));
        out(`Seeded ${result.articles} articles in ${result.editions} editions.`);
        out(`Admin sign-in: ${result.adminEmail} / ${result.adminPassword}  (shown once; change it)`);
      });
    },
  },
  'user create': {
    summary: 'Create a newsroom account',
    usage: 'dateline user create --email EMAIL --name NAME --role admin|editor|reporter|translator|moderator [--password PASSWORD]\n  Without --password, asks for it (or reads one line from standard input).',
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } },
    async run(values, config) {
      const email = required(values, 'email');
      const name = required(values, 'name');
      const role = required(values, 'role');
      const password = typeof values.password === 'string' ? values.password : await askPassword();
      const user = await withStorage(config(), (ctx) => createUser(ctx, { email, name, role, password }));
      out(`Created ${user.role} #${user.id} ${user.email}`);
    },
  },
  'user list': {
    summary: 'List newsroom accounts',
    usage: 'dateline user list',
    options: {},
    async run(_values, config) {
      const users = await withStorage(config(), (ctx) => listUsers(ctx));
      if (!users.length) return out('No users.');
      for (const u of users) out(`${String(u.id).padStart(4)}  ${u.role.padEnd(10)}  ${u.email}  ${u.name}${u.disabled ? '  (disabled)' : ''}`);
    },
  },
  'related rebuild': {
    summary: 'Recompute every related-articles list (after an import, or a change to the scoring)',
    usage: 'dateline related rebuild [--edition CODE]',
    options: { edition: { type: 'string' } },
    async run(values, config) {
      const edition = typeof values.edition === 'string' ? values.edition : undefined;
      const result = await withStorage(config(), async (ctx, storage) => {
        await assertEdition(ctx, edition);
        const rebuilt = await rebuildRelated(ctx, edition);
        await storage.adapter.analyze(storage.db, ['article_terms', 'related_articles']);
        // Running servers read this from the outbox and drop the pages showing the old lists.
        await transact(ctx, (_trx, record) => record('related.rebuilt', {}));
        return rebuilt;
      });
      out(`Rebuilt related articles for ${result.articles} published articles${edition ? ` in ${edition}` : ''}.`);
    },
  },
  'search reindex': {
    summary: 'Rebuild the search index from the articles (after an import, or a change to how text is read)',
    usage: 'dateline search reindex [--edition CODE]',
    options: { edition: { type: 'string' } },
    async run(values, config) {
      const edition = typeof values.edition === 'string' ? values.edition : undefined;
      const result = await withStorage(config(), async (ctx, storage) => {
        await assertEdition(ctx, edition);
        const rebuilt = await rebuildSearchIndex(ctx, edition);
        await storage.adapter.analyze(storage.db, ['search_documents', 'search_terms']);
        return rebuilt;
      });
      // Search pages are cached briefly by the web side, so no purge is recorded for running servers.
      out(`Reindexed ${result.articles} published articles for search${edition ? ` in ${edition}` : ''}.`);
    },
  },
  'jobs list': {
    summary: 'Show the job queue: counts by state, then the latest jobs (failed ones with their error)',
    usage: 'dateline jobs list [--state pending|running|done|dead] [--limit N]',
    options: { state: { type: 'string' }, limit: { type: 'string' } },
    async run(values, config) {
      const state = typeof values.state === 'string' ? values.state : undefined;
      if (state !== undefined && !JOB_STATES.includes(state as JobState)) throw new UsageError(`--state must be one of ${JOB_STATES.join(', ')}`);
      const limit = values.limit === undefined ? 50 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new UsageError('--limit must be a whole number from 1 to 10000');
      const [counts, jobs] = await withStorage(config(), (ctx) =>
        Promise.all([countJobs(ctx.db), listJobs(ctx.db, { ...(state ? { state: state as JobState } : {}), limit })]),
      );
      out(JOB_STATES.map((s) => `${s} ${counts[s]}`).join('  '));
      for (const j of jobs) {
        out(`${String(j.id).padStart(6)}  ${j.state.padEnd(7)}  ${j.kind.padEnd(18)}  attempts ${j.attempts}/${j.maxAttempts}  run at ${j.runAt}`);
        if (j.lastError && j.state !== 'done') out(`        last error: ${j.lastError}`);
      }
    },
  },
  'jobs retry': {
    summary: 'Put dead jobs back in the queue with a fresh set of attempts',
    usage: 'dateline jobs retry --id N[,N…] | --all-dead',
    options: { id: { type: 'string' }, 'all-dead': { type: 'boolean' } },
    async run(values, config) {
      const all = values['all-dead'] === true;
      const raw = typeof values.id === 'string' ? values.id : undefined;
      if (all === (raw !== undefined)) throw new UsageError('give either --id or --all-dead');
      const ids = raw === undefined ? [] : raw.split(',').map((v) => Number(v.trim()));
      if (ids.some((id) => !Number.isInteger(id) || id < 1)) throw new UsageError('--id takes job numbers, e.g. --id 12 or --id 12,13');
      const retried = await withStorage(config(), (ctx) => retryJobs(ctx.db, ctx.clock.now(), all ? 'all-dead' : ids));
      out(retried ? `Queued ${retried} job${retried === 1 ? '' : 's'} again; a running server picks them up within seconds.` : 'No dead job matched; nothing to retry.');
      if (!retried) throw new NothingDone();
    },
  },
  'token create': {
    summary: 'Issue an Admin API token for a user (printed once)',
    usage: 'dateline token create --email EMAIL [--name LABEL]',
    options: { email: { type: 'string' }, name: { type: 'string' } },
    async run(values, config) {
      const email = required(values, 'email');
      const token = await withStorage(config(), (ctx) => createApiToken(ctx, { email, name: typeof values.name === 'string' ? values.name : 'cli' }));
      out(token);
    },
  },
};

function help(): string {
  const width = Math.max(...Object.keys(commands).map((k) => k.length));
  return [
    'Usage: dateline <command> [options]',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `dateline <command> --help` for its options.',
    '',
    'Environment:',
    ...CONFIG_VARIABLES.map((v) => `  ${v.name.padEnd(13)} ${v.meaning} (default: ${v.fallback})`),
  ].join('\n');
}

function describeError(error: unknown): string {
  if (error instanceof ConfigError) return `Configuration error: ${error.message}`;
  if (error instanceof StorageUnavailableError || error instanceof StartupError) return error.message;
  if (isDomainError(error)) {
    const fields = error.fields.map((f) => `${f.field} (${f.key.split('.').pop()}${f.params ? ` ${Object.values(f.params).join(', ')}` : ''})`);
    return `${error.code}${fields.length ? `: ${fields.join('; ')}` : ''}`;
  }
  return `Failed: ${error instanceof Error ? error.message : String(error)}`;
}

export async function main(argv: string[]): Promise<number> {
  const [first, second] = argv;
  if (!first || first === '--help' || first === '-h' || first === 'help') {
    out(help());
    return first ? 0 : 2;
  }
  const name = commands[`${first} ${second ?? ''}`] ? `${first} ${second}` : first;
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${[first, second].filter(Boolean).join(' ')}".\n\n${help()}\n`);
    return 2;
  }
  const rest = argv.slice(name.split(' ').length);
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }).values as Record<
      string,
      string | boolean | undefined
    >;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\nUsage: ${command.usage}\n`);
    return 2;
  }
  if (values.help) {
    out(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  try {
    await command.run(values, () => loadConfig());
    return 0;
  } catch (error) {
    if (error instanceof NothingDone) return 1;
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\nUsage: ${command.usage}\n`);
      return 2;
    }
    process.stderr.write(`${describeError(error)}\n`);
    return 1;
  }
}
