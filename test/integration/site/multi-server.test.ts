// Two servers on one PostgreSQL database: a change made through one drops the other's cached
// pages too (LISTEN/NOTIFY), not only its own.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { publishArticle, updateArticle } from '../../../src/domain/articles/index.js';
import { createDatabase } from '../../../src/storage/database.js';
import { buildTestApp } from '../../support/app.js';
import { createTestDatabase, makeHarness, postgresUrl, type Harness } from '../../support/database.js';
import { anArticle, threeEditions } from '../../fixtures/factories.js';

describe('cache purges across servers [postgres]', { skip: postgresUrl ? false : 'PostgreSQL not available' }, () => {
  let first: Harness;
  let second: Harness;
  let appA: FastifyInstance;
  let appB: FastifyInstance;

  before(async () => {
    first = makeHarness(await createTestDatabase('postgres'));
    // The second server: its own pool, notifier, event bus and cache, on the same database.
    const storage = await createDatabase({ databaseUrl: first.db.location, sqlitePath: '' });
    second = makeHarness({ ...first.db, storage, drop: () => storage.close() });
    await threeEditions(first.ctx());
    appA = await buildTestApp(first);
    appB = await buildTestApp(second);
  });
  after(async () => {
    await appA?.close();
    await appB?.close();
    await first?.events.idle();
    await second?.db.drop();
    await first?.db.drop();
  });

  it('drops the other server’s cached page when an article changes here', async () => {
    const ctx = first.ctx();
    const ref = await anArticle(ctx, { headline: 'Harbour cranes return' });
    await publishArticle(ctx, ref.id);
    await first.events.idle();
    const url = `/en/news/${ref.id}/${ref.slug}`;
    await appB.inject(url);
    assert.equal((await appB.inject(url)).headers['x-cache'], 'hit');

    await updateArticle(ctx, ref.id, { headline: 'Harbour cranes return after repairs' });
    await first.events.idle();
    let body = '';
    for (let i = 0; i < 50 && !body.includes('after repairs'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      body = (await appB.inject(url)).body;
    }
    assert.match(body, /Harbour cranes return after repairs/);
  });
});
