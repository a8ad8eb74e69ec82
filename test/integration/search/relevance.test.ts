// Ranking quality on a judged query set, on every dialect: a generated corpus of about 2,100
// articles in en, fa and ar (test/fixtures/search-corpus.ts) with known topics, alias spellings
// across scripts, romanised names, typos, letter variants and near-duplicates, and over 120
// queries with their relevant articles. Reports nDCG@10 and recall@10 per language and fails
// below 0.85 and 0.90. docs/search.md records the figures and the method.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { rebuildSearchIndex, searchArticles } from '../../../src/domain/search/index.js';
import { CORPUS_LANGUAGES, generateSearchCorpus, ndcgAt, recallAt, type SearchCorpus } from '../../fixtures/search-corpus.js';
import { threeEditions } from '../../fixtures/factories.js';
import { eachDialect } from '../../support/database.js';

const K = 10;
const MIN_NDCG = 0.85;
const MIN_RECALL = 0.9;

eachDialect('search relevance', (h) => {
  let corpus: SearchCorpus;
  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    corpus = await generateSearchCorpus(ctx);
    await rebuildSearchIndex(ctx);
  });

  it('has a judged set of at least 90 queries over at least 2,000 articles, every query with answers', () => {
    assert.ok(corpus.articles >= 2000, `${corpus.articles} articles`);
    assert.ok(corpus.queries.length >= 90, `${corpus.queries.length} queries`);
    for (const lang of CORPUS_LANGUAGES) assert.ok(corpus.queries.filter((q) => q.edition === lang).length >= 30, lang);
    for (const q of corpus.queries) assert.ok(q.relevant.length >= 10, `${q.edition} "${q.q}" has ${q.relevant.length} relevant articles`);
  });

  it(`ranks the relevant articles first: nDCG@${K} ≥ ${MIN_NDCG} and recall@${K} ≥ ${MIN_RECALL} in every language`, async (t) => {
    const ctx = h().ctx();
    const report: string[] = [];
    const failures: string[] = [];
    for (const lang of CORPUS_LANGUAGES) {
      const queries = corpus.queries.filter((q) => q.edition === lang);
      let ndcg = 0;
      let recall = 0;
      const weak: string[] = [];
      for (const query of queries) {
        const result = await searchArticles(ctx, { edition: query.edition, q: query.q });
        const ranked = result.hits.map((hit) => hit.article.id);
        const relevant = new Set(query.relevant);
        const n = ndcgAt(K, ranked, relevant);
        const r = recallAt(K, ranked, relevant);
        ndcg += n;
        recall += r;
        if (n < 0.8 || r < 0.8) weak.push(`${query.kind} "${query.q}": nDCG ${n.toFixed(2)} recall ${r.toFixed(2)}`);
      }
      ndcg /= queries.length;
      recall /= queries.length;
      report.push(`${lang}: ${queries.length} queries, nDCG@${K} ${ndcg.toFixed(3)}, recall@${K} ${recall.toFixed(3)}${weak.length ? `; weakest: ${weak.join('; ')}` : ''}`);
      if (ndcg < MIN_NDCG || recall < MIN_RECALL) failures.push(lang);
    }
    for (const line of report) t.diagnostic(line);
    assert.deepEqual(failures, [], report.join('\n'));
  });
});
