// A separate process for the cross-process refresh test: opens the database named in the
// environment, waits for the agreed start time, runs refreshRelated for one article as a durable
// job would, and prints the ids it reports as changed.
import { silentLogger, systemActor } from '../../../src/core/context.js';
import { createEventBus } from '../../../src/core/events.js';
import { refreshRelated } from '../../../src/domain/articles/index.js';
import { createDatabase } from '../../../src/storage/database.js';

const { WORKER_DATABASE_URL, WORKER_SQLITE_PATH, WORKER_ARTICLE, WORKER_START_AT, WORKER_NOW } = process.env;
const storage = await createDatabase({ databaseUrl: WORKER_DATABASE_URL || undefined, sqlitePath: WORKER_SQLITE_PATH ?? '' });
const now = new Date(WORKER_NOW ?? '');
const ctx = {
  db: storage.db,
  adapter: storage.adapter,
  clock: { now: () => new Date(now) },
  actor: systemActor('test worker'),
  log: silentLogger,
  events: createEventBus(() => {}),
};
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(WORKER_START_AT) - Date.now())));
try {
  const changed = await refreshRelated(ctx, Number(WORKER_ARTICLE));
  process.stdout.write(JSON.stringify(changed));
} finally {
  await storage.close();
}
