// Search over a real database, on every dialect: the index follows the workflow (directly and
// through the job queue), spellings and letter variants meet, ranking, sorting, filters, paging,
// hostile input, validation, repair, and the edition and draft boundaries.
// The cases share one newsroom and run in order; each builds the articles it asserts on.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { isDomainError } from '../../../src/core/errors.js';
import { createArticle, publishArticle, removeArticle, unpublishArticle, updateArticle } from '../../../src/domain/articles/index.js';
import { createEntity } from '../../../src/domain/editions/index.js';
import { rebuildSearchIndex, reindexArticle, reindexEntity, repairSearchIndex, searchArticles } from '../../../src/domain/search/index.js';
import { aSectionAndTag, articleInput, threeEditions } from '../../fixtures/factories.js';
import { buildTestApp } from '../../support/app.js';
import { eachDialect } from '../../support/database.js';

eachDialect('search', (h) => {
  before(async () => {
    await threeEditions(h().ctx());
  });

  /** Creates and publishes an article, then indexes it as the search.reindex job would. */
  async function published(overrides: Parameters<typeof articleInput>[0] = {}, at?: string): Promise<number> {
    const ctx = h().ctx();
    if (at) h().clock.set(at);
    const ref = await createArticle(ctx, articleInput(overrides));
    await publishArticle(ctx, ref.id);
    await reindexArticle(ctx, ref.id);
    return ref.id;
  }

  const ids = async (q: Parameters<typeof searchArticles>[1]) => (await searchArticles(h().ctx(), q)).hits.map((hit) => hit.article.id);

  it('indexes on publish, follows edits, and drops unpublished and removed articles', async () => {
    const ctx = h().ctx();
    const ref = await createArticle(ctx, articleInput({ headline: 'Quarantine lifted at the zeppelin works', body: 'Workers returned.' }));
    await reindexArticle(ctx, ref.id);
    assert.deepEqual(await ids({ edition: 'en', q: 'zeppelin' }), [], 'a draft is never indexed');
    await publishArticle(ctx, ref.id);
    await reindexArticle(ctx, ref.id);
    assert.deepEqual(await ids({ edition: 'en', q: 'zeppelin' }), [ref.id]);

    await updateArticle(ctx, ref.id, { headline: 'Quarantine lifted at the airship works' });
    await reindexArticle(ctx, ref.id);
    assert.deepEqual(await ids({ edition: 'en', q: 'zeppelin' }), []);
    assert.deepEqual(await ids({ edition: 'en', q: 'airship works' }), [ref.id]);

    await unpublishArticle(ctx, ref.id);
    await reindexArticle(ctx, ref.id);
    assert.deepEqual(await ids({ edition: 'en', q: 'airship' }), []);
    await publishArticle(ctx, ref.id);
    await reindexArticle(ctx, ref.id);
    assert.deepEqual(await ids({ edition: 'en', q: 'airship' }), [ref.id]);
    await removeArticle(ctx, ref.id);
    await reindexArticle(ctx, ref.id);
    assert.deepEqual(await ids({ edition: 'en', q: 'airship' }), []);
  });

  it('keeps the index current through the job queue', async () => {
    const app = await buildTestApp(h());
    try {
      const ctx = h().ctx();
      const ref = await createArticle(ctx, articleInput({ headline: 'Glassblowers guild elects its first woman master' }));
      await publishArticle(ctx, ref.id);
      await h().events.idle();
      assert.deepEqual(await ids({ edition: 'en', q: 'glassblowers' }), [ref.id]);
      await unpublishArticle(ctx, ref.id);
      await h().events.idle();
      assert.deepEqual(await ids({ edition: 'en', q: 'glassblowers' }), []);
    } finally {
      await app.close();
    }
  });

  it('finds one place under five spellings through its entity, and names the entity', async () => {
    const ctx = h().ctx();
    const entityId = await createEntity(ctx, {
      key: 'deir-ez-zor',
      kind: 'place',
      names: {
        ar: { name: 'دير الزور', aliases: ['Deir ez-Zor', 'Dayr az-Zawr'] },
        en: { name: 'Deir ez-Zor', aliases: ['Dayr az-Zawr', 'دير الزور'] },
      },
    });
    const id = await published({ edition: 'ar', headline: 'افتتاح جسر جديد فوق النهر', dek: '', body: 'عبر السكان النهر صباح الاثنين.', entityIds: [entityId] });
    for (const q of ['Deir ez-Zor', 'Deir Ezzor', 'Dayr az-Zawr', 'دير الزور', 'دیرالزور']) {
      const result = await searchArticles(ctx, { edition: 'ar', q });
      assert.deepEqual(result.hits.map((hit) => hit.article.id), [id], q);
      assert.deepEqual(result.entity, { key: 'deir-ez-zor', name: 'دير الزور' }, q);
    }
    // Another romanisation, one no alias spells: the same consonant skeleton finds the entity.
    const romanised = await searchArticles(ctx, { edition: 'ar', q: 'Deir ez-Zar' });
    assert.deepEqual(romanised.hits.map((hit) => hit.article.id), [id]);
    assert.equal(romanised.entity?.key, 'deir-ez-zor');
    // In an edition where nothing mentions it, a close name is offered instead of an empty page.
    const elsewhere = await searchArticles(ctx, { edition: 'en', q: 'Deir el-Zor' });
    assert.equal(elsewhere.total, 0);
    assert.equal(elsewhere.suggestions[0], 'Deir ez-Zor', JSON.stringify(elsewhere.suggestions));
  });

  it('matches Arabic and Persian letter variants, harakat, ZWNJ and Persian digits in plain text', async () => {
    const id = await published({ edition: 'fa', headline: 'كتابخانه مركزي شهر بازگشايي شد', dek: '', body: 'مدرسة ۱۴۰۳ و می‌روم' });
    for (const q of ['کتابخانه', 'كتابخانة', 'مرکزی', 'كِتابخانه', 'بازگشایی', 'میروم', 'مدرسه ۱۴۰۳']) {
      assert.deepEqual(await ids({ edition: 'fa', q }), [id], q);
    }
    const result = await searchArticles(h().ctx(), { edition: 'fa', q: 'میروم' });
    assert.ok(result.hits[0]?.snippet.some((s) => s.match && s.text === 'می‌روم'), JSON.stringify(result.hits[0]?.snippet));
  });

  it('folds each Arabic-script letter rule on both sides, one rule an article', async () => {
    // [edition, word as the article writes it, word as the reader types it]
    const rules: Array<[string, string, string]> = [
      ['fa', 'پيمانكار', 'پیمانکار'], // ي → ی, ك → ک
      ['ar', 'مكتبة', 'مكتبه'], // ة → ه
      ['ar', 'أطباء', 'اطباء'], // أ → ا
      ['ar', 'إسعاف', 'اسعاف'], // إ → ا
      ['ar', 'آبار', 'ابار'], // آ → ا
      ['ar', 'ٱستئناف', 'استئناف'], // ٱ → ا
      ['ar', 'مستشفى', 'مستشفي'], // ى → ي
      ['ar', 'مُهَنْدِسُون', 'مهندسون'], // harakat
      ['ar', 'قـــطار', 'قطار'], // tatweel
      ['fa', 'کتاب‌فروشی', 'کتابفروشی'], // ZWNJ
      ['fa', 'سال ۱۴۰۵', '1405'], // Persian digits
      ['ar', 'عام ٢٠٢٦', '2026'], // Arabic-Indic digits
      ['en', 'Café Zürich', 'cafe zurich'], // Latin diacritics
    ];
    for (const [edition, written, typed] of rules) {
      const marker = `ruleword${rules.findIndex((r) => r[1] === written)}`;
      const id = await published({ edition, headline: `${written} ${marker}`, dek: '', body: marker });
      assert.deepEqual(await ids({ edition, q: `${typed} ${marker}` }), [id], `${written} ~ ${typed}`);
      assert.deepEqual(await ids({ edition, q: `${written} ${marker}` }), [id], `${written} as written`);
    }
  });

  it('meets one word written as two and two as one, in plain text without an entity', async () => {
    const joined = await published({ edition: 'ar', headline: 'وصول قافلة إلى البوكمال', dek: '', body: 'وصلت القافلة صباحا.' });
    const split = await published({ edition: 'ar', headline: 'مدرسة جديدة في أبو حمام', dek: '', body: 'افتتحت المدرسة اليوم.' });
    assert.deepEqual(await ids({ edition: 'ar', q: 'البو كمال' }), [joined], 'two words, the index has one');
    assert.deepEqual(await ids({ edition: 'ar', q: 'أبوحمام' }), [split], 'one word, the index has two');
  });

  it('finds a romanised name under its other spellings in plain text', async () => {
    const a = await published({ headline: 'Nurbakhsh opens the water conference' });
    const b = await published({ headline: 'Minister Nourbakhsh visits the dam' });
    for (const q of ['Nurbakhsh', 'Nourbakhsh', 'Noorbakhsh']) assert.deepEqual(new Set(await ids({ edition: 'en', q })), new Set([a, b]), q);
  });

  it('falls back to articles with some of the words when none has them all, and says so', async () => {
    const id = await published({ headline: 'Beekeepers report a record honey season' });
    const result = await searchArticles(h().ctx(), { edition: 'en', q: 'beekeepers zanzibarian' });
    assert.equal(result.relaxed, true);
    assert.ok(result.hits.some((hit) => hit.article.id === id));
    assert.equal((await searchArticles(h().ctx(), { edition: 'en', q: 'beekeepers honey' })).relaxed, undefined);
  });

  it('reads date filters as the edition’s own days', async () => {
    // 21:30 UTC on 1 March is 01:00 on 2 March in Tehran.
    const id = await published({ edition: 'fa', headline: 'جشنواره انار در ساوه' }, '2026-03-01T21:30:00.000Z');
    h().clock.set('2026-11-24T12:00:00.000Z');
    assert.deepEqual(await ids({ edition: 'fa', q: 'انار', from: '2026-03-02', to: '2026-03-02' }), [id]);
    assert.deepEqual(await ids({ edition: 'fa', q: 'انار', to: '2026-03-01' }), []);
  });

  it('indexes linked entities’ names, and reindexes the articles of an entity whose names change', async () => {
    const ctx = h().ctx();
    const entityId = await createEntity(ctx, { key: 'kobani', kind: 'place', names: { en: { name: 'Kobani' } } });
    const id = await published({ headline: 'Wheat silos rebuilt', dek: '', body: 'Farmers returned.', entityIds: [entityId] });
    assert.deepEqual(await ids({ edition: 'en', q: 'Kobani silos' }), [id], 'the linked name with another word');
    await ctx.db.insertInto('entity_names').values({ entity_id: entityId, language: 'en', name: 'Ayn al-Arab', normalized: 'aynalarab', is_primary: 0 }).execute();
    // Before the reindex only "silos" is in the document: the relaxed pass, not a full match.
    assert.equal((await searchArticles(ctx, { edition: 'en', q: 'Ayn al-Arab silos' })).relaxed, true);
    assert.equal(await reindexEntity(ctx, entityId), 1);
    const after = await searchArticles(ctx, { edition: 'en', q: 'Ayn al-Arab silos' });
    assert.deepEqual([after.hits.map((hit) => hit.article.id), after.relaxed], [[id], undefined]);
  });

  it('ranks a headline match above a body match, and sorts by date on request', async () => {
    const body = await published({ headline: 'Council approves the harbour budget', dek: '', body: 'A debate about the lighthouse keeper took the morning.' }, '2026-11-20T10:00:00.000Z');
    const head = await published({ headline: 'Lighthouse keeper retires after forty years', dek: '', body: 'The council thanked him on Monday morning.' }, '2026-11-19T10:00:00.000Z');
    h().clock.set('2026-11-24T12:00:00.000Z');
    assert.deepEqual(await ids({ edition: 'en', q: 'lighthouse keeper' }), [head, body]);
    assert.deepEqual(await ids({ edition: 'en', q: 'lighthouse keeper', sort: 'date' }), [body, head]);
    const prefix = await searchArticles(h().ctx(), { edition: 'en', q: 'lighthou' });
    assert.equal(prefix.total, 2, 'the last token matches as a prefix');
    // The snippet is dek and body: only the article that mentions it there highlights it.
    assert.ok(prefix.hits.find((x) => x.article.id === body)?.snippet.some((s) => s.match && s.text === 'lighthouse'));
  });

  it('filters by section and by date, inclusive', async () => {
    const { sectionId } = await aSectionAndTag(h().ctx());
    const inSection = await published({ headline: 'Saffron harvest doubles', sectionId }, '2026-11-10T08:00:00.000Z');
    const outside = await published({ headline: 'Saffron prices fall' }, '2026-11-12T23:30:00.000Z');
    h().clock.set('2026-11-24T12:00:00.000Z');
    assert.deepEqual(await ids({ edition: 'en', q: 'saffron', sectionId }), [inSection]);
    assert.deepEqual(await ids({ edition: 'en', q: 'saffron', from: '2026-11-11', sort: 'date' }), [outside]);
    assert.deepEqual(await ids({ edition: 'en', q: 'saffron', to: '2026-11-10', sort: 'date' }), [inSection]);
    assert.deepEqual(await ids({ edition: 'en', q: 'saffron', from: '2026-11-10', to: '2026-11-12', sort: 'date' }), [outside, inSection]);
  });

  it('pages ten at a time', async () => {
    const made: number[] = [];
    for (let i = 0; i < 23; i++) made.push(await published({ headline: `Velodrome bulletin number ${i}` }, new Date(Date.UTC(2026, 10, 1, i)).toISOString()));
    h().clock.set('2026-11-24T12:00:00.000Z');
    const first = await searchArticles(h().ctx(), { edition: 'en', q: 'velodrome', sort: 'date' });
    assert.equal(first.total, 23);
    assert.equal(first.pages, 3);
    assert.equal(first.pageSize, 10);
    assert.deepEqual(first.hits.map((x) => x.article.id), made.slice(-10).reverse());
    const third = await searchArticles(h().ctx(), { edition: 'en', q: 'velodrome', sort: 'date', page: 3 });
    assert.deepEqual(third.hits.map((x) => x.article.id), made.slice(0, 3).reverse());
    const beyond = await searchArticles(h().ctx(), { edition: 'en', q: 'velodrome', page: 5 });
    assert.equal(beyond.total, 23);
    assert.deepEqual(beyond.hits, []);
  });

  it('answers hostile queries without an error', async () => {
    const hostile = ['', '   ', '"unbalanced', '"', 'AND OR NOT *', 'NEAR(', '*', '-', 'a'.repeat(1000), '\u202Eabc', '\u0000\u0001\u0007', "'; drop table articles; --", 'terms:x', '^ferry', '(ferry OR', 'ferry:*&!', "\\'"];
    for (const q of hostile) {
      const result = await searchArticles(h().ctx(), { edition: 'en', q });
      assert.ok(result.total >= 0, JSON.stringify(q));
      assert.ok(result.query.length <= 200);
    }
    assert.equal((await searchArticles(h().ctx(), { edition: 'en', q: '' })).total, 0);
    assert.equal((await searchArticles(h().ctx(), { edition: 'en', q: 'AND OR NOT *' })).total, 0);
    assert.equal((await searchArticles(h().ctx(), { edition: 'en', q: `\u200B${'x'.repeat(300)}` })).query.length, 200);
    assert.deepEqual(await ids({ edition: 'en', q: 'velodrome"' }), await ids({ edition: 'en', q: 'velodrome' }));
  });

  it('refuses an invalid page or date with SEARCH_INVALID', async () => {
    const bad = [{ page: 0 }, { page: 51 }, { page: 1.5 }, { from: '2026-13-01' }, { from: 'yesterday' }, { to: '2026-02-30' }];
    for (const extra of bad) {
      await assert.rejects(searchArticles(h().ctx(), { edition: 'en', q: 'ferry', ...extra }), (e: unknown) => isDomainError(e) && e.code === 'SEARCH_INVALID', JSON.stringify(extra));
    }
  });

  it('reads a misspelt word as the close word the index holds, and says so', async () => {
    const right = await ids({ edition: 'en', q: 'velodrome' });
    assert.ok(right.length > 0);
    const result = await searchArticles(h().ctx(), { edition: 'en', q: 'velodrone' });
    assert.deepEqual(result.hits.map((hit) => hit.article.id), right);
    // The word a reader would type, not its stem.
    assert.equal(result.corrected, 'velodrome');
    assert.equal((await searchArticles(h().ctx(), { edition: 'en', q: 'velodrome' })).corrected, undefined);
  });

  it('repairs an article whose index row was deleted behind its back', async () => {
    const id = await published({ headline: 'Tramway reopens after the flood' });
    await h().ctx().db.deleteFrom('search_documents').where('article_id', '=', id).execute();
    assert.deepEqual(await ids({ edition: 'en', q: 'tramway' }), []);
    assert.ok((await repairSearchIndex(h().ctx())) >= 1);
    assert.deepEqual(await ids({ edition: 'en', q: 'tramway' }), [id]);
    assert.equal(await repairSearchIndex(h().ctx()), 0, 'nothing left to repair');
  });

  it('never shows drafts or another edition, and a rebuild gives the same answers', async () => {
    const ctx = h().ctx();
    await createArticle(ctx, articleInput({ headline: 'Observatory draft about comets' }));
    const fa = await published({ edition: 'fa', headline: 'Observatory comets', body: 'comets' });
    const en = await published({ headline: 'Observatory tracks two comets' });
    assert.deepEqual(await ids({ edition: 'en', q: 'observatory comets' }), [en]);
    assert.deepEqual(await ids({ edition: 'fa', q: 'observatory comets' }), [fa]);
    const { articles } = await rebuildSearchIndex(ctx);
    assert.ok(articles > 30);
    assert.deepEqual(await ids({ edition: 'en', q: 'observatory comets' }), [en]);
    assert.deepEqual(await ids({ edition: 'en', q: 'lighthouse keeper' }).then((x) => x.length), 2);
  });
});
