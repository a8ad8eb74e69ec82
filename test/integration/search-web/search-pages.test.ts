// The reader search page and the public search API over a real database on every dialect:
// results in LTR and RTL editions, highlighting, noindex, hostile queries escaped, bad filters
// refused with 400, the header search form on every page type, and the API agreeing with the page.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { publishArticle } from '../../../src/domain/articles/index.js';
import { createEntity } from '../../../src/domain/editions/index.js';
import { reindexArticle } from '../../../src/domain/search/index.js';
import { buildTestApp } from '../../support/app.js';
import { eachDialect } from '../../support/database.js';
import { aSectionAndTag, anArticle, threeEditions } from '../../fixtures/factories.js';

const EN_WORD = 'lighthouse';
/** In more articles than one results page holds. */
const MANY_WORD = 'regatta';
const FA_WORD = 'فانوس';

/** Ids of the hits on a results page, in order (hits are the only `card hit` articles). */
const hitIds = (body: string) => [...body.matchAll(/<article class="card hit"><h2 class="card-title"><a href="\/[a-z]+\/news\/(\d+)\//g)].map((m) => Number(m[1]));
const inputValue = (body: string) => /<input id="search-q"[^>]*value="([^"]*)"/.exec(body)?.[1];
const countLine = (body: string) => /<p id="search-count"[^>]*>([^<]*)<\/p>/.exec(body)?.[1];

eachDialect('search pages and API', (h) => {
  let app: FastifyInstance;
  let en: { id: number; slug: string };
  let fa: { id: number; slug: string };
  let sectionSlug: string;
  let many: number[];

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    const { sectionId } = await aSectionAndTag(ctx);
    const section = await h().db.storage.db.selectFrom('sections').select('slug').where('id', '=', sectionId).executeTakeFirstOrThrow();
    sectionSlug = section.slug;
    en = await anArticle(ctx, { headline: `The old ${EN_WORD} on the northern cape is restored`, sectionId, body: `Volunteers repainted the ${EN_WORD} tower over the summer.` });
    fa = await anArticle(ctx, { edition: 'fa', headline: `${FA_WORD} قدیمی بندر بازسازی شد`, body: `داوطلبان ${FA_WORD} را در تابستان رنگ کردند.` });
    await publishArticle(ctx, en.id);
    await publishArticle(ctx, fa.id);
    const entityId = await createEntity(ctx, { key: 'cape-harbour', kind: 'place', names: { en: { name: 'Cape Harbour' } } });
    const withEntity = await anArticle(ctx, { headline: 'Cape Harbour welcomes the tall ships', entityIds: [entityId] });
    await publishArticle(ctx, withEntity.id);
    many = [];
    for (let i = 0; i < 12; i++) {
      const a = await anArticle(ctx, { headline: `Crews race in the ${MANY_WORD} heat ${i + 1}`, body: `The ${MANY_WORD} drew crowds to the quay.` });
      await publishArticle(ctx, a.id);
      many.push(a.id);
    }
    for (const id of [withEntity.id, ...many]) await reindexArticle(ctx, id);
    // Indexing is a job; running it here keeps the suite independent of the runner's timing.
    await reindexArticle(ctx, en.id);
    await reindexArticle(ctx, fa.id);
    await h().events.idle();
    app = await buildTestApp(h());
  });
  after(() => app?.close());

  it('finds a published English article, marks the match and asks robots not to index', async () => {
    const page = await app.inject(`/en/search?q=${EN_WORD}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /^<!doctype html><html lang="en" dir="ltr">/);
    assert.ok(hitIds(page.body).includes(en.id));
    assert.match(page.body, /<mark>[^<]*lighthouse[^<]*<\/mark>/i);
    assert.match(page.body, /<p class="snippet" dir="auto">/);
    assert.match(page.body, /<meta name="robots" content="noindex"\/>/);
    assert.equal(page.headers['x-robots-tag'], 'noindex');
    assert.match(String(page.headers['cache-control']), /^public, max-age=\d+$/);
    assert.match(countLine(page.body) ?? '', /1/);
    assert.equal(inputValue(page.body), EN_WORD);
  });

  it('finds a published Persian article in the right-to-left edition, with Persian digits', async () => {
    const page = await app.inject(`/fa/search?q=${encodeURIComponent(FA_WORD)}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<html lang="fa" dir="rtl">/);
    assert.deepEqual(hitIds(page.body), [fa.id]);
    assert.match(page.body, new RegExp(`<mark>[^<]*${FA_WORD}`));
    assert.match(countLine(page.body) ?? '', /۱/);
    assert.doesNotMatch(countLine(page.body) ?? '', /[0-9]/);
  });

  it('shows only the form for an empty query', async () => {
    for (const url of ['/en/search', '/en/search?q=', '/en/search?q=%20%20']) {
      const page = await app.inject(url);
      assert.equal(page.statusCode, 200, url);
      assert.match(page.body, /<input id="search-q"/);
      assert.equal(countLine(page.body), undefined, url);
      assert.deepEqual(hitIds(page.body), []);
    }
  });

  it('answers hostile queries with a page and escapes them everywhere', async () => {
    const hostile = ['"unbalanced', 'AND OR NOT *', 'x'.repeat(1000), '\u202Eevil\u202C', '<script>alert(1)</script>', 'a:b (c) -d ^e ~f "g'];
    for (const q of hostile) {
      const page = await app.inject(`/en/search?q=${encodeURIComponent(q)}`);
      assert.equal(page.statusCode, 200, JSON.stringify(q));
      assert.ok(!page.body.includes('<script>alert'), 'no raw script');
      const value = inputValue(page.body) ?? '';
      assert.doesNotMatch(value, /[<"]/, 'value attribute escaped');
      const count = countLine(page.body);
      assert.ok(count !== undefined, 'count line shown');
      assert.doesNotMatch(count, /</);
      // The query sits in an isolate, so its own direction controls cannot reorder the sentence.
      assert.match(count, /\u2068[^]*\u2069/);
    }
    const script = await app.inject(`/en/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    assert.match(inputValue(script.body) ?? '', /^&lt;script>alert\(1\)&lt;\/script>$/);
  });

  it('shows suggestions and the latest articles when nothing matches', async () => {
    const page = await app.inject('/en/search?q=qzxwvbnmpl');
    assert.equal(page.statusCode, 200);
    assert.deepEqual(hitIds(page.body), []);
    assert.ok(countLine(page.body), 'the count line says nothing matched');
    assert.match(page.body, /<h2 class="label">[^<]+<\/h2><ol class="article-list"><li><article class="card"><h3 class="card-title"><a href="\/en\/news\/\d+\//, 'latest articles listed');
  });

  it('filters by section and refuses an unknown one with 400', async () => {
    const inSection = await app.inject(`/en/search?q=${EN_WORD}&section=${sectionSlug}&sort=date`);
    assert.equal(inSection.statusCode, 200);
    assert.deepEqual(hitIds(inSection.body), [en.id]);
    assert.match(inSection.body, new RegExp(`<option value="${sectionSlug}" selected`));
    const unknown = await app.inject(`/en/search?q=${EN_WORD}&section=no-such-section`);
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /<html lang="en" dir="ltr">/);
  });

  it('ignores unknown parameters and empty filters, as a GET form sends them', async () => {
    const page = await app.inject(`/en/search?q=${EN_WORD}&section=&from=&to=&utm_source=x`);
    assert.equal(page.statusCode, 200);
    assert.ok(hitIds(page.body).includes(en.id));
  });

  it('refuses bad dates, pages and sorts with a localized 400 page', async () => {
    for (const query of ['from=2026-13-45', 'from=yesterday', 'to=2026-02-31', 'page=0', 'page=51', 'page=abc', 'sort=random']) {
      const page = await app.inject(`/fa/search?q=${encodeURIComponent(FA_WORD)}&${query}`);
      assert.equal(page.statusCode, 400, query);
      assert.match(page.body, /<html lang="fa" dir="rtl">/, query);
      assert.ok(!/at .*\.ts:\d+/.test(page.body), 'no stack trace');
    }
  });

  it('links the topic page of a recognised name', async () => {
    const page = await app.inject('/en/search?q=Cape%20Harbour');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<p class="search-entity"><a href="\/en\/entity\/cape-harbour">/);
  });

  it('reads a misspelt word as the close word the index holds, and says which', async () => {
    const page = await app.inject('/en/search?q=lighthuose');
    assert.equal(page.statusCode, 200);
    assert.ok(hitIds(page.body).includes(en.id), 'the misspelt query finds the article');
    assert.match(page.body, /<p class="search-notice">[^<]*lighthouse/);
    const api = await app.inject('/api/v1/search?edition=en&q=lighthuose');
    assert.equal(api.json().corrected, 'lighthouse');
    assert.ok((api.json().hits as Array<{ id: number }>).some((hit) => hit.id === en.id));
  });

  it('pages through results with rel=prev/next, keeping the filters', async () => {
    const first = await app.inject(`/en/search?q=${MANY_WORD}&sort=date`);
    assert.equal(first.statusCode, 200);
    const next = /<a rel="next" href="([^"]+)"/.exec(first.body)?.[1]?.replace(/&amp;/g, '&');
    assert.equal(next, `/en/search?q=${MANY_WORD}&sort=date&page=2`);
    assert.match(first.body, /<link rel="next" href="https:\/\/news\.example\.org\/en\/search\?q=regatta&amp;sort=date&amp;page=2"\/>/);
    assert.doesNotMatch(first.body, /<a rel="prev"/);
    const second = await app.inject(next);
    assert.equal(second.statusCode, 200);
    assert.match(second.body, /<a rel="prev" href="\/en\/search\?q=regatta&amp;sort=date"/);
    assert.doesNotMatch(second.body, /<a rel="next"/);
    const shown = [...hitIds(first.body), ...hitIds(second.body)];
    assert.deepEqual([...shown].sort((a, b) => a - b), [...many].sort((a, b) => a - b), 'every article once');
  });

  it('keeps search pages out of the page cache', async () => {
    for (let i = 0; i < 2; i++) {
      const page = await app.inject(`/en/search?q=${EN_WORD}`);
      assert.equal(page.headers['x-cache'], undefined);
      assert.equal(page.headers['cache-control'], 'public, max-age=30');
    }
  });

  it('answers 404 for an unknown edition', async () => {
    assert.equal((await app.inject(`/xx/search?q=${EN_WORD}`)).statusCode, 404);
  });

  it('puts a search form in the header of home, article, listing and search pages', async () => {
    const urls = ['/en/', `/en/news/${en.id}/${en.slug}`, `/en/section/${sectionSlug}`, `/fa/`, `/fa/news/${fa.id}/${encodeURIComponent(fa.slug)}`, `/en/search?q=${EN_WORD}`];
    for (const url of urls) {
      const page = await app.inject(url);
      assert.equal(page.statusCode, 200, url);
      const lang = url.split('/')[1];
      const form = /<form role="search" class="site-search" action="([^"]+)" method="get" aria-label="[^"]+">/.exec(page.body);
      assert.equal(form?.[1], `/${lang}/search`, url);
      assert.match(page.body, /<label class="visually-hidden" for="site-search-q">[^<]+<\/label><input id="site-search-q" type="search" name="q"/, url);
    }
  });

  it('returns the same hits as JSON, without a token', async () => {
    const page = await app.inject(`/en/search?q=${EN_WORD}`);
    const response = await app.inject(`/api/v1/search?q=${EN_WORD}&edition=en`);
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/json/);
    const body = response.json() as { query: string; total: number; page: number; pages: number; hits: Array<Record<string, unknown>>; suggestions: unknown[] };
    assert.deepEqual(body.hits.map((hit) => hit.id), hitIds(page.body));
    const hit = body.hits.find((x) => x.id === en.id);
    assert.ok(hit);
    assert.deepEqual(Object.keys(hit).sort(), ['edition', 'headline', 'id', 'publishedAt', 'section', 'snippet', 'url']);
    assert.equal(hit.url, `https://news.example.org/en/news/${en.id}/${en.slug}`);
    assert.ok(Array.isArray(hit.snippet) && (hit.snippet as Array<{ match: boolean }>).some((s) => s.match));
    assert.equal(typeof body.total, 'number');
    assert.ok(Array.isArray(body.suggestions));
    const persian = (await app.inject(`/api/v1/search?q=${encodeURIComponent(FA_WORD)}&edition=fa`)).json() as { hits: Array<{ id: number }> };
    assert.deepEqual(persian.hits.map((x) => x.id), [fa.id]);
  });

  it('answers bad API parameters with 400 JSON and an unknown edition with 404 JSON', async () => {
    const bad = ['page=0', 'from=2026-13-45', 'sort=random', 'section=no-such-section'].map((p) => `q=${EN_WORD}&edition=en&${p}`);
    for (const query of [...bad, `edition=en&q=${'x'.repeat(1001)}`]) {
      const response = await app.inject(`/api/v1/search?${query}`);
      assert.equal(response.statusCode, 400, query);
      const body = response.json() as { errors: Array<{ code: string; message: string; field?: string }> };
      assert.ok(body.errors.length > 0);
      assert.equal(typeof body.errors[0]?.code, 'string');
      assert.equal(typeof body.errors[0]?.message, 'string');
    }
    const unknown = await app.inject(`/api/v1/search?q=${EN_WORD}&edition=xx`);
    assert.equal(unknown.statusCode, 404);
    assert.equal((unknown.json() as { errors: Array<{ code: string }> }).errors[0]?.code, 'EDITION_NOT_FOUND');
  });

  it('limits the searches one address runs past the result cache with 429 and Retry-After, counting no repeat', async () => {
    // The suite's jobs done first: a job's event starts a new generation, and a repeat would run again.
    for (let waited = 0; waited < 10_000; waited += 50) {
      const busy = await h().db.storage.db.selectFrom('jobs').select((eb) => eb.fn.countAll().as('n')).where('state', 'in', ['pending', 'running']).executeTakeFirst();
      if (Number(busy?.n ?? 0) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const limited = await buildTestApp(h(), { env: { SEARCH_RATE_LIMIT: '3' }, runJobs: false });
    try {
      const ask = (q: string, api = false) => limited.inject(api ? `/api/v1/search?edition=en&q=${q}` : `/en/search?q=${q}`);
      for (const q of ['quay', 'crews', 'crowds']) assert.equal((await ask(q)).statusCode, 200, q);
      // Repeats are answered by the cache: they cost the index nothing and count for nothing.
      for (let i = 0; i < 5; i++) assert.equal((await ask('quay')).statusCode, 200);
      const page = await ask('tower');
      assert.equal(page.statusCode, 429);
      assert.match(String(page.headers['retry-after']), /^\d+$/);
      assert.match(String(page.headers['content-type']), /^text\/html/);
      const json = await ask('summer', true);
      assert.equal(json.statusCode, 429);
      assert.equal((json.json() as { errors: Array<{ code: string }> }).errors[0]?.code, 'RATE_LIMITED');
      assert.equal((await ask('crews', true)).statusCode, 200, 'a cached search is still answered');
    } finally {
      await limited.close();
    }
    // Off with 0: as many searches as a benchmark sends.
    const open = await buildTestApp(h(), { env: { SEARCH_RATE_LIMIT: '0', SEARCH_CACHE_SECONDS: '0' } });
    try {
      for (let i = 0; i < 6; i++) assert.equal((await open.inject(`/en/search?q=quay`)).statusCode, 200);
    } finally {
      await open.close();
    }
  });
});
