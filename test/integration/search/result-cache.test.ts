// The search result cache on every dialect: a repeated search is answered from it; any committed
// change (an event, from any server) or the end of an entry's life makes the next one run again;
// identical searches arriving together run once; a zero life turns it off.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { createArticle, publishArticle, updateArticle } from '../../../src/domain/articles/index.js';
import { reindexArticle, SearchCache } from '../../../src/domain/search/index.js';
import { articleInput, threeEditions } from '../../fixtures/factories.js';
import { eachDialect } from '../../support/database.js';

eachDialect('search result cache', (h) => {
  let first: number;
  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    first = (await createArticle(ctx, articleInput({ headline: 'Lighthouse keepers return to the cape', body: 'The keepers came back.' }))).id;
    await publishArticle(ctx, first);
    await reindexArticle(ctx, first);
  });

  const ids = (result: { hits: { article: { id: number } }[] }) => result.hits.map((hit) => hit.article.id);

  it('answers a repeated search from the cache, the same query however it is spaced', async () => {
    const cache = new SearchCache();
    const once = await cache.search(h().ctx(), { edition: 'en', q: 'lighthouse' });
    const again = await cache.search(h().ctx(), { edition: 'en', q: '  lighthouse ' });
    assert.deepEqual(ids(once), [first]);
    assert.equal(again, once, 'the second answer is the stored result');
    assert.deepEqual(cache.stats(), { entries: 1, hits: 1, misses: 1 });
    // Another filter, page or edition is another search.
    await cache.search(h().ctx(), { edition: 'en', q: 'lighthouse', sort: 'date' });
    await cache.search(h().ctx(), { edition: 'fa', q: 'lighthouse' });
    assert.equal(cache.stats().misses, 3);
  });

  it('runs again after any committed change, so a published article is found at once', async () => {
    const cache = new SearchCache();
    const ctx = h().ctx();
    assert.deepEqual(ids(await cache.search(ctx, { edition: 'en', q: 'cape' })), [first]);
    const second = (await createArticle(ctx, articleInput({ headline: 'A second cape gets its lamp', body: 'Lit at dusk.' }))).id;
    await publishArticle(ctx, second);
    await reindexArticle(ctx, second);
    assert.deepEqual(new Set(ids(await cache.search(ctx, { edition: 'en', q: 'cape' }))), new Set([first, second]));
    assert.deepEqual(ids(await cache.search(ctx, { edition: 'en', q: 'headland' })), []);
    await updateArticle(ctx, second, { headline: 'A second headland gets its lamp' });
    await reindexArticle(ctx, second);
    assert.deepEqual(ids(await cache.search(ctx, { edition: 'en', q: 'headland' })), [second]);
    assert.equal(cache.stats().hits, 0);
  });

  it('runs again when an entry has lived its life, and not before', async () => {
    const cache = new SearchCache({ ttlMs: 30_000 });
    const start = h().clock.now().getTime();
    await cache.search(h().ctx(), { edition: 'en', q: 'keepers' });
    h().clock.set(new Date(start + 29_000).toISOString());
    await cache.search(h().ctx(), { edition: 'en', q: 'keepers' });
    assert.equal(cache.stats().hits, 1);
    h().clock.set(new Date(start + 31_000).toISOString());
    await cache.search(h().ctx(), { edition: 'en', q: 'keepers' });
    assert.deepEqual(cache.stats(), { entries: 1, hits: 1, misses: 2 });
  });

  it('runs identical searches arriving together once, keeps at most its bound, and is off with a zero life', async () => {
    const cache = new SearchCache({ maxEntries: 2 });
    const together = await Promise.all([1, 2, 3].map(() => cache.search(h().ctx(), { edition: 'en', q: 'lamp' })));
    assert.ok(together.every((r) => r === together[0]), 'one search served all three');
    for (const q of ['keepers', 'dusk', 'cape']) await cache.search(h().ctx(), { edition: 'en', q });
    assert.equal(cache.stats().entries, 2);

    const off = new SearchCache({ ttlMs: 0 });
    const a = await off.search(h().ctx(), { edition: 'en', q: 'keepers' });
    const b = await off.search(h().ctx(), { edition: 'en', q: 'keepers' });
    assert.notEqual(a, b);
    assert.deepEqual(ids(a), ids(b));
    assert.deepEqual(off.stats(), { entries: 0, hits: 0, misses: 0 });
  });

  it('stores no refusal: an invalid search fails every time', async () => {
    const cache = new SearchCache();
    for (let i = 0; i < 2; i++) await assert.rejects(cache.search(h().ctx(), { edition: 'en', q: 'cape', page: 0 }), { code: 'SEARCH_INVALID' });
    assert.equal(cache.stats().entries, 0);
  });
});
