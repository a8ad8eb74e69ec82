// `dateline search reindex` as an operator runs it: the whole index, one edition, and a clear
// one-line refusal (exit 1) for an edition that does not exist.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { systemActor, silentLogger, systemClock } from '../../../src/core/context.js';
import { createEventBus } from '../../../src/core/events.js';
import { createArticle, publishArticle } from '../../../src/domain/articles/index.js';
import { searchArticles } from '../../../src/domain/search/index.js';
import { createDatabase, type DbCtx, type Storage } from '../../../src/storage/database.js';
import { migrateToLatest } from '../../../src/storage/migrate.js';
import { articleInput, threeEditions } from '../../fixtures/factories.js';
import { runCli as run } from '../../support/cli.js';
import { tempDir } from '../../support/database.js';

describe('dateline search reindex', () => {
  const dataDir = tempDir();
  const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
  let storage: Storage | undefined;
  let ctx: DbCtx;

  before(async () => {
    const migrated = await run(['migrate'], env);
    assert.equal(migrated.code, 0, migrated.stderr);
    const dbFile = path.join(dataDir, 'dateline.sqlite');
    storage = await createDatabase({ databaseUrl: undefined, sqlitePath: dbFile });
    await migrateToLatest(storage.db, 'sqlite');
    ctx = { db: storage.db, adapter: storage.adapter, clock: systemClock, actor: systemActor('test'), log: silentLogger, events: createEventBus(() => {}) };
    await threeEditions(ctx);
    const ref = await createArticle(ctx, articleInput({ headline: 'Cormorants return to the estuary' }));
    await publishArticle(ctx, ref.id);
  });
  after(() => storage?.close());

  it('indexes the published articles, for every edition or one', async () => {
    assert.equal((await searchArticles(ctx, { edition: 'en', q: 'cormorants' })).total, 0, 'no job runner here: not indexed yet');
    const all = await run(['search', 'reindex'], env);
    assert.equal(all.code, 0, all.stderr);
    assert.match(all.stdout, /Reindexed 1 published articles/);
    assert.equal((await searchArticles(ctx, { edition: 'en', q: 'cormorants' })).total, 1);
    const one = await run(['search', 'reindex', '--edition', 'fa'], env);
    assert.equal(one.code, 0, one.stderr);
    assert.match(one.stdout, /Reindexed 0 published articles for search in fa/);
    assert.equal((await searchArticles(ctx, { edition: 'en', q: 'cormorants' })).total, 1, 'other editions are left alone');
  });

  it('refuses an unknown edition with exit 1 and one line', async () => {
    const unknown = await run(['search', 'reindex', '--edition', 'xx'], env);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /^[^\n]*\ben, fa, ar\. \(EDITION_NOT_FOUND\)\n$/, 'a sentence, the editions there are, then the code');
  });
});
