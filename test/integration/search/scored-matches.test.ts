// A query matching more articles than are scored (SCORED_MATCHES; here a small limit) ranks the
// newest of them, counts every one, pages through the scored ones, and sorts by date without
// scoring anything: on every dialect, through the adapter the search uses.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { insertPublishedArticle } from '../../../bench/corpus.js';
import { rebuildSearchIndex } from '../../../src/domain/search/index.js';
import { threeEditions } from '../../fixtures/factories.js';
import { eachDialect } from '../../support/database.js';

eachDialect('search: scored matches', (h) => {
  const ids: number[] = [];
  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    await ctx.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 30; i++) {
        // The older half mentions the word more often, so bm25 alone would rank it first.
        const often = i < 15 ? ' harbour harbour harbour' : '';
        const when = new Date(Date.UTC(2026, 0, 1 + i)).toISOString();
        ids.push(
          await insertPublishedArticle(trx, {
            edition: 'en', slug: `harbour-${i}`, headline: `Harbour report ${i}`, dek: `Boats in the harbour${often}`, dateline: 'Port', creditLine: 'Agency',
            byline: 'Desk', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Ships and cranes ${i}.` }] }] }, sectionId: null, when,
          }),
        );
      }
      // Another edition's matches never take the edition's places.
      await insertPublishedArticle(trx, {
        edition: 'fa', slug: 'harbour-fa', headline: 'Harbour harbour', dek: 'harbour', dateline: 'Port', creditLine: 'Agence', byline: 'Desk',
        body: { type: 'doc', content: [] }, sectionId: null, when: '2026-03-01T00:00:00.000Z',
      });
    });
    await rebuildSearchIndex(ctx);
  });

  const match = (overrides: Record<string, unknown> = {}) =>
    h().db.storage.adapter.searchMatch(h().db.storage.db, {
      edition: 'en', groups: [[['harbour']]], prefixLast: false, entityIds: [], now: '2027-01-01T00:00:00.000Z', sort: 'relevance', limit: 10, offset: 0, ...overrides,
    });

  it('scores every match under the limit, and only the newest over it, counting all', async () => {
    const all = await match({ scoredMatches: 100 });
    assert.equal(all.total, 30);
    assert.ok(all.hits.slice(0, 10).every((hit) => ids.indexOf(hit.articleId) < 15), 'uncapped, the articles that say it most come first');

    const capped = await match({ scoredMatches: 12 });
    assert.equal(capped.total, 30, 'the count is of every match');
    const newest = new Set(ids.slice(-12));
    assert.equal(capped.hits.length, 10);
    assert.ok(capped.hits.every((hit) => newest.has(hit.articleId)), 'only the newest twelve were scored');
    const second = await match({ scoredMatches: 12, offset: 10 });
    assert.equal(second.total, 30);
    assert.deepEqual(new Set([...capped.hits, ...second.hits].map((x) => x.articleId)), newest, 'paging reaches every scored match once');
  });

  it('sorts by date over every match, capped or not', async () => {
    const byDate = await match({ sort: 'date', scoredMatches: 5 });
    assert.equal(byDate.total, 30);
    assert.deepEqual(byDate.hits.map((x) => x.articleId), ids.slice(-10).reverse());
  });
});
