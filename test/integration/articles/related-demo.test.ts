// Related-article quality per language on the demo newsroom, on every dialect: the demo is seeded
// (its rebuild computes every list), then every list is refreshed one article at a time as the
// jobs do, and after each the lists pages show are judged against test/fixtures/related-judgements.ts.
// Precision@5 counts what a reader sees (a list padded with unrelated stories loses), recall@5
// and nDCG@5 guard against lists that reach precision by showing nothing. docs/related-articles.md
// records the figures and the method.
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, it } from 'node:test';
import { stories, type Lang } from '../../../src/cli/demo/content.js';
import { seedDemo } from '../../../src/cli/demo/seed.js';
import { listRelated, refreshRelated } from '../../../src/domain/articles/index.js';
import { createFileBlobStore } from '../../../src/storage/blobs/fs-store.js';
import { DEMO_TOPICS, ndcgAt, precisionAt, recallAt, relevantTo, topicOfStory } from '../../fixtures/related-judgements.js';
import { eachDialect, type Harness } from '../../support/database.js';

const K = 5;
const LANGS: Lang[] = ['en', 'fa', 'ar'];
/** fa and ar may trail English by this much: one unrelated story in the top five of about one list in three. */
const MARGIN = 0.075;
/** Absolute floors: on average fewer than one unrelated story in ten shown, and the related ones found. */
const MIN_PRECISION = 0.9;
const MIN_RECALL = 0.95;
const MIN_NDCG = 0.95;

interface Figures {
  stories: number;
  precision: number;
  recall: number;
  ndcg: number;
  worst: string[];
}

eachDialect('related articles of the demo newsroom, per language', (h) => {
  const keyOf = new Map<number, string>();
  const articles: Array<{ id: number; lang: Lang; key: string }> = [];

  before(async () => {
    const ctx = h().ctx();
    await seedDemo(ctx, createFileBlobStore(path.join(h().db.env.DATA_DIR ?? '', 'media')));
    const rows = await ctx.db.selectFrom('articles').select(['id', 'edition_code', 'headline']).where('status', '=', 'published').orderBy('id').execute();
    for (const row of rows) {
      const lang = row.edition_code as Lang;
      const story = stories.find((s) => s.versions[lang]?.headline === row.headline);
      assert.ok(story, `no demo story for article ${row.id}`);
      keyOf.set(row.id, story.key);
      articles.push({ id: row.id, lang, key: story.key });
    }
  });

  async function measure(harness: Harness, lang: Lang): Promise<Figures> {
    const ctx = harness.ctx();
    const figures: Figures = { stories: 0, precision: 0, recall: 0, ndcg: 0, worst: [] };
    for (const article of articles.filter((a) => a.lang === lang)) {
      const relevant = new Set(relevantTo(article.key, lang));
      if (!relevant.size) continue; // nothing in its edition is about it: no list can be judged
      const shown = (await listRelated(ctx, article.id)).map((s) => keyOf.get(s.id) ?? `#${s.id}`);
      const p = precisionAt(K, shown, relevant);
      figures.stories += 1;
      figures.precision += p;
      figures.recall += recallAt(K, shown, relevant);
      figures.ndcg += ndcgAt(K, shown, relevant);
      if (p < 1) figures.worst.push(`${article.key} → ${shown.slice(0, K).filter((k) => !relevant.has(k)).join(', ')}`);
    }
    for (const measureName of ['precision', 'recall', 'ndcg'] as const) figures[measureName] /= figures.stories;
    return figures;
  }

  async function judge(t: { diagnostic(message: string): void }, when: string) {
    const byLang = new Map<Lang, Figures>();
    for (const lang of LANGS) byLang.set(lang, await measure(h(), lang));
    const en = byLang.get('en') as Figures;
    const failures: string[] = [];
    for (const [lang, f] of byLang) {
      t.diagnostic(
        `${when} [${h().db.dialect}] ${lang}: ${f.stories} stories, precision@${K} ${f.precision.toFixed(3)}, recall@${K} ${f.recall.toFixed(3)}, nDCG@${K} ${f.ndcg.toFixed(3)}` +
          (f.worst.length ? `; unrelated shown: ${f.worst.join('; ')}` : ''),
      );
      if (f.precision < MIN_PRECISION || f.recall < MIN_RECALL || f.ndcg < MIN_NDCG) failures.push(`${lang} below the floors`);
      if (lang !== 'en' && f.precision < en.precision - MARGIN) failures.push(`${lang} precision ${f.precision.toFixed(3)} trails English ${en.precision.toFixed(3)}`);
    }
    assert.deepEqual(failures, []);
  }

  it('has a judgement for every demo story and enough judged stories in every edition', () => {
    const judged = Object.values(DEMO_TOPICS).flat();
    assert.equal(new Set(judged).size, judged.length, 'a story is in one topic only');
    assert.deepEqual([...judged].sort(), stories.map((s) => s.key).sort());
    assert.equal(articles.length, stories.reduce((n, s) => n + Object.keys(s.versions).length, 0));
    for (const lang of LANGS) {
      const judgedHere = articles.filter((a) => a.lang === lang && relevantTo(a.key, lang).length);
      assert.ok(judgedHere.length >= 15, `${lang}: ${judgedHere.length} judged stories`);
    }
  });

  it(`keeps Persian and Arabic lists on topic as English ones are, after the seed's rebuild (precision@${K})`, async (t) => {
    await judge(t, 'after the rebuild');
  });

  it('lists only metro stories beside the metro stories in Persian and Arabic, none of football or blood donation', async () => {
    const ctx = h().ctx();
    for (const article of articles.filter((a) => a.lang !== 'en' && topicOfStory(a.key) === 'tabriz-metro')) {
      const shown = (await listRelated(ctx, article.id)).map((s) => keyOf.get(s.id) ?? '');
      assert.ok(shown.length >= 1, `${article.lang} ${article.key} lists its sibling`);
      assert.deepEqual(shown.filter((key) => topicOfStory(key) !== 'tabriz-metro'), [], `${article.lang} ${article.key}`);
    }
  });

  it(`stays at that level when every list is refreshed one article at a time, as the jobs do`, async (t) => {
    const ctx = h().ctx();
    for (const article of articles) await refreshRelated(ctx, article.id);
    for (const article of articles) assert.deepEqual(await refreshRelated(ctx, article.id), [], `${article.lang} ${article.key} is settled`);
    await judge(t, 'after refreshes');
  });
});
