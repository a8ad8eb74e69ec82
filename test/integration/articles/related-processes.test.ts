// refreshRelated from several processes at once, on every dialect, as durable job runners on
// several servers will run it: the in-process queue cannot order them, so only the database can.
// Each process refreshes one of a few close siblings published together; none may lose another's
// place in its list, and refreshes afterwards must settle as they do after serial ones.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { before, it } from 'node:test';
import { createArticle, publishArticle, refreshRelated } from '../../../src/domain/articles/index.js';
import type { DbCtx } from '../../../src/storage/database.js';
import { threeEditions } from '../../fixtures/factories.js';
import { corpusTime, relatedCorpus } from '../../fixtures/related-corpus.js';
import { eachDialect, type Harness } from '../../support/database.js';
import { repoRoot } from '../../support/server.js';

const WORKER = path.join(path.dirname(new URL(import.meta.url).pathname), 'refresh-worker.ts');
const SIBLINGS = 4;

function runWorker(h: Harness, articleId: number, startAt: number): Promise<number[]> {
  const location = h.db.location;
  const env = {
    ...process.env,
    WORKER_ARTICLE: String(articleId),
    WORKER_START_AT: String(startAt),
    WORKER_NOW: h.clock.now().toISOString(),
    ...(h.db.dialect === 'postgres' ? { WORKER_DATABASE_URL: location } : { WORKER_SQLITE_PATH: location }),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER], { env, cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(`worker exited with ${code}: ${err}`))));
  });
}

eachDialect('related articles refreshed by several processes', (h) => {
  const siblings: number[] = [];
  const holdersOf = async (ctx: DbCtx, id: number) =>
    (await ctx.db.selectFrom('related_articles').select('article_id').where('related_id', '=', id).execute()).map((r) => r.article_id);

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    const english = relatedCorpus().articles.filter((a) => a.edition === 'en');
    for (const article of english) {
      h().clock.set(corpusTime(article));
      const ref = await createArticle(ctx, { edition: 'en', headline: article.headline, dek: article.dek, body: article.body });
      await publishArticle(ctx, ref.id);
      await refreshRelated(ctx, ref.id);
    }
    // Close siblings from another draw of one cluster's templates, published but not yet refreshed.
    const last = english[english.length - 1]?.day ?? 0;
    const more = relatedCorpus(11)
      .articles.filter((a) => a.cluster === 'en-measles')
      .slice(0, SIBLINGS);
    for (const [i, article] of more.entries()) {
      h().clock.set(corpusTime({ ...article, day: last + 1 + i }));
      const ref = await createArticle(ctx, { edition: 'en', headline: article.headline, dek: article.dek, body: article.body });
      await publishArticle(ctx, ref.id);
      siblings.push(ref.id);
    }
  });

  it('loses no list merge when each sibling is refreshed by its own process at the same moment', { timeout: 120_000 }, async () => {
    const startAt = Date.now() + 4000;
    const changed = await Promise.all(siblings.map((id) => runWorker(h(), id, startAt)));
    const ctx = h().ctx();
    for (const [i, id] of siblings.entries()) {
      assert.ok(changed[i]?.includes(id), `sibling ${i} reported no change to its own list`);
      const holders = await holdersOf(ctx, id);
      for (const [j, other] of siblings.entries()) {
        if (other !== id) assert.ok(holders.includes(other), `sibling ${i} is missing from the list of sibling ${j}`);
      }
    }
    // The siblings' vectors were weighed before the others' terms were stored, so a refresh now
    // may reweigh and reorder; a second one must not (as after serial refreshes).
    for (const id of siblings) {
      await refreshRelated(ctx, id);
      assert.deepEqual(await refreshRelated(ctx, id), [], `a second refresh of ${id} changed lists`);
    }
  });
});
