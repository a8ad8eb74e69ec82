// Related articles over a real database, on every dialect: the generated corpus of known clusters
// is published through the domain with refreshRelated after each publication (as the event
// listener does), then the stored lists are checked for precision, edition boundaries, updates
// on publish and unpublish, idempotence, and against a batch rebuild.
// The cases share the published corpus and run in order: later ones publish and unpublish.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  createArticle,
  createTranslation,
  listRelated,
  publishArticle,
  rebuildRelated,
  refreshRelated,
  unpublishArticle,
} from '../../../src/domain/articles/index.js';
import { createEntity, createTag } from '../../../src/domain/editions/index.js';
import type { DbCtx } from '../../../src/storage/database.js';
import { threeEditions } from '../../fixtures/factories.js';
import { CORPUS_START, corpusTime, relatedCorpus, type CorpusArticle } from '../../fixtures/related-corpus.js';
import { eachDialect } from '../../support/database.js';

const corpus = relatedCorpus();
const late = corpus.articles.find((a) => a.late) as CorpusArticle;

eachDialect('related articles', (h) => {
  const idOf = new Map<string, number>();
  const articleOf = new Map<number, CorpusArticle>();
  const tagIds = new Map<string, number>();
  const entityIds = new Map<string, number>();

  async function publish(article: CorpusArticle): Promise<{ id: number; changed: number[] }> {
    const ctx = h().ctx();
    h().clock.set(corpusTime(article));
    const ref = await createArticle(ctx, {
      edition: article.edition,
      headline: article.headline,
      dek: article.dek,
      body: article.body,
      tagIds: article.tags.map((slug) => tagIds.get(`${article.edition}:${slug}`) as number),
      entityIds: article.entities.map((key) => entityIds.get(key) as number),
    });
    h().clock.advance(60_000);
    await publishArticle(ctx, ref.id);
    const changed = await refreshRelated(ctx, ref.id);
    idOf.set(article.key, ref.id);
    articleOf.set(ref.id, article);
    return { id: ref.id, changed };
  }

  const published = () => [...idOf.values()];
  const clustered = () => published().filter((id) => articleOf.get(id)?.cluster);

  /** Mean fraction of each cluster member's top five that belongs to its cluster, overall and per edition. */
  async function precisionAt5(ctx: DbCtx): Promise<{ mean: number; byEdition: Record<string, number> }> {
    const sums: Record<string, { total: number; count: number }> = {};
    let total = 0;
    const ids = clustered();
    for (const id of ids) {
      const article = articleOf.get(id) as CorpusArticle;
      const top = await listRelated(ctx, id, 5);
      const precision = top.filter((s) => articleOf.get(s.id)?.cluster === article.cluster).length / 5;
      total += precision;
      const entry = (sums[article.edition] ??= { total: 0, count: 0 });
      entry.total += precision;
      entry.count += 1;
    }
    const byEdition = Object.fromEntries(Object.entries(sums).map(([edition, s]) => [edition, Number((s.total / s.count).toFixed(3))]));
    return { mean: total / ids.length, byEdition };
  }

  const holdersOf = async (ctx: DbCtx, id: number) =>
    (await ctx.db.selectFrom('related_articles').select('article_id').where('related_id', '=', id).execute()).map((r) => r.article_id).sort((a, b) => a - b);

  let incrementalPrecision = 0;

  before(async () => {
    const ctx = h().ctx();
    h().clock.set(new Date(Date.parse(CORPUS_START) - 86_400_000).toISOString());
    await threeEditions(ctx);
    for (const tag of corpus.tags) tagIds.set(`${tag.edition}:${tag.slug}`, await createTag(ctx, tag));
    for (const entity of corpus.entities) entityIds.set(entity.key, await createEntity(ctx, entity));
    for (const article of corpus.articles) if (!article.late) await publish(article);
  });

  it('ranks articles of the same cluster first (precision@5 ≥ 0.8 over cluster members)', async (t) => {
    const { mean, byEdition } = await precisionAt5(h().ctx());
    t.diagnostic(`precision@5 after incremental refreshes [${h().db.dialect}]: ${mean.toFixed(3)} ${JSON.stringify(byEdition)}`);
    incrementalPrecision = mean;
    assert.ok(mean >= 0.8, `precision@5 ${mean.toFixed(3)}`);
  });

  it('shows cluster members at least five related articles', async () => {
    const ctx = h().ctx();
    for (const id of clustered()) {
      const list = await listRelated(ctx, id);
      assert.ok(list.length >= 5, `${articleOf.get(id)?.key} has ${list.length}`);
      assert.ok(list.length <= 6);
    }
  });

  it('keeps lists within the edition, never lists an article itself, never a translation', async () => {
    const ctx = h().ctx();
    // The same text in another edition, linked to the same story: the closest possible match.
    const source = corpus.articles.find((a) => a.key === 'en-rates-0') as CorpusArticle;
    const sourceId = idOf.get(source.key) as number;
    const translation = await createTranslation(ctx, sourceId, { edition: 'fa', headline: source.headline, dek: source.dek, body: source.body });
    await publishArticle(ctx, translation.id);
    await refreshRelated(ctx, translation.id);
    await refreshRelated(ctx, sourceId);

    for (const id of [...published(), translation.id]) {
      const list = await listRelated(ctx, id, 10);
      const edition = id === translation.id ? 'fa' : articleOf.get(id)?.edition;
      for (const item of list) {
        assert.equal(item.edition, edition);
        assert.notEqual(item.id, id);
      }
    }
    assert.ok(!(await listRelated(ctx, sourceId, 10)).some((s) => s.id === translation.id));
    assert.deepEqual(await holdersOf(ctx, translation.id), []);
    const crossEdition = await ctx.db
      .selectFrom('related_articles')
      .innerJoin('articles as a', 'a.id', 'related_articles.article_id')
      .innerJoin('articles as b', 'b.id', 'related_articles.related_id')
      .select('related_articles.article_id')
      .where((eb) => eb.or([eb('a.edition_code', '!=', eb.ref('b.edition_code')), eb('a.id', '=', eb.ref('b.id'))]))
      .execute();
    assert.deepEqual(crossEdition, []);

    await unpublishArticle(ctx, translation.id);
    await refreshRelated(ctx, translation.id);
  });

  it("adds a newly published close sibling to older articles' lists and reports them", async () => {
    const ctx = h().ctx();
    const { id, changed } = await publish(late);
    const holders = await holdersOf(ctx, id);
    const siblings = holders.filter((holder) => articleOf.get(holder)?.cluster === late.cluster);
    assert.ok(siblings.length >= 3, `only ${siblings.length} older siblings list the new article`);
    for (const holder of holders) assert.ok(changed.includes(holder), `list of ${holder} changed but was not reported`);
    assert.ok(changed.includes(id));
    const own = await listRelated(ctx, id, 5);
    assert.ok(own.filter((s) => articleOf.get(s.id)?.cluster === late.cluster).length >= 4);
    // The same ids are in the outbox, committed with the lists, for every server's cache.
    const last = await ctx.db.selectFrom('events').select(['name', 'payload']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    assert.equal(last.name, 'related.changed');
    assert.deepEqual((JSON.parse(last.payload) as { articleIds: number[] }).articleIds, changed);
  });

  it('is idempotent: a second refresh changes nothing', async () => {
    const ctx = h().ctx();
    assert.deepEqual(await refreshRelated(ctx, idOf.get(late.key) as number), [], late.key);
    // Refreshed long after publication, an article sees idf from a larger corpus, so the first
    // refresh may reorder lists; the second must not.
    for (const key of ['en-metro-3', 'fa-quake-2', 'ar-dates-1']) {
      const id = idOf.get(key) as number;
      await refreshRelated(ctx, id);
      const lists = await Promise.all(published().map((other) => listRelated(ctx, other, 10)));
      assert.deepEqual(await refreshRelated(ctx, id), [], key);
      assert.deepEqual(await Promise.all(published().map((other) => listRelated(ctx, other, 10))), lists);
    }
  });

  it('gives drafts no terms and no list', async () => {
    const ctx = h().ctx();
    const draft = await createArticle(ctx, { edition: 'en', headline: 'Measles vaccine clinics extend hours', body: 'Measles outbreak vaccine clinics.' });
    assert.deepEqual(await refreshRelated(ctx, draft.id), []);
    assert.deepEqual(await listRelated(ctx, draft.id), []);
    assert.deepEqual(await holdersOf(ctx, draft.id), []);
    const terms = await ctx.db.selectFrom('article_terms').select('term').where('article_id', '=', draft.id).execute();
    assert.deepEqual(terms, []);
  });

  it('removes an unpublished article from every list, refills those lists and reports them', async () => {
    const ctx = h().ctx();
    const clusterIds = clustered();
    let target = clusterIds[0] as number;
    let holders: number[] = [];
    for (const id of clusterIds) {
      const current = await holdersOf(ctx, id);
      if (current.length > holders.length) [target, holders] = [id, current];
    }
    assert.ok(holders.length >= 3);

    await unpublishArticle(ctx, target);
    const changed = await refreshRelated(ctx, target);
    assert.deepEqual(changed, [...new Set([target, ...holders])].sort((a, b) => a - b));
    assert.deepEqual(await holdersOf(ctx, target), []);
    assert.deepEqual(await listRelated(ctx, target), []);
    const terms = await ctx.db.selectFrom('article_terms').select('term').where('article_id', '=', target).execute();
    assert.deepEqual(terms, []);
    for (const holder of holders) {
      const list = await listRelated(ctx, holder);
      assert.ok(list.length >= 5, `${articleOf.get(holder)?.key} was left with ${list.length}`);
      assert.ok(!list.some((s) => s.id === target));
    }
    assert.deepEqual(await refreshRelated(ctx, target), [], 'a second refresh of a withdrawn article changes nothing');

    // Back online, it finds its way into its siblings' lists again.
    await publishArticle(ctx, target);
    const back = await refreshRelated(ctx, target);
    const again = await holdersOf(ctx, target);
    assert.ok(again.length >= 3);
    for (const holder of again) assert.ok(back.includes(holder));
  });

  it('loses no update when refreshes start together, as the listeners start them', async () => {
    const ctx = h().ctx();
    // Three more measles stories (from another draw of the same templates), published at once.
    const more = relatedCorpus(7)
      .articles.filter((a) => a.cluster === 'en-measles')
      .slice(0, 3)
      .map((a, i) => ({ ...a, key: `${a.key}-more-${i}`, day: late.day + 1 + i }));
    const ids: number[] = [];
    for (const article of more) {
      h().clock.set(corpusTime(article));
      const ref = await createArticle(ctx, { edition: 'en', headline: article.headline, dek: article.dek, body: article.body });
      await publishArticle(ctx, ref.id);
      idOf.set(article.key, ref.id);
      articleOf.set(ref.id, article);
      ids.push(ref.id);
    }
    const changed = await Promise.all(ids.map((id) => refreshRelated(ctx, id)));
    // The first refreshed found the others unindexed; the others' refreshes merged themselves
    // into its list. Had its own refresh written over those merges, they would be missing here.
    for (const [i, id] of ids.entries()) {
      assert.ok(changed[i]?.includes(id));
      const holders = await holdersOf(ctx, id);
      for (const other of ids) if (other !== id) assert.ok(holders.includes(other), `article ${i} is missing from the list of ${ids.indexOf(other)}`);
    }
  });

  it('rebuilds every list in one batch with the same precision', async (t) => {
    const ctx = h().ctx();
    const publishedCount = (
      await ctx.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow()
    ).n;
    const result = await rebuildRelated(ctx);
    assert.equal(result.articles, Number(publishedCount));
    const { mean, byEdition } = await precisionAt5(ctx);
    t.diagnostic(`precision@5 after rebuild [${h().db.dialect}]: ${mean.toFixed(3)} ${JSON.stringify(byEdition)} (incremental ${incrementalPrecision.toFixed(3)})`);
    assert.ok(mean >= 0.8, `precision@5 ${mean.toFixed(3)}`);
    assert.ok(Math.abs(mean - incrementalPrecision) <= 0.05, `rebuild ${mean.toFixed(3)} vs incremental ${incrementalPrecision.toFixed(3)}`);
    for (const id of clustered()) assert.ok((await listRelated(ctx, id)).length >= 5);

    const fa = await rebuildRelated(ctx, 'fa');
    assert.equal(fa.articles, corpus.articles.filter((a) => a.edition === 'fa').length);
  });
});
