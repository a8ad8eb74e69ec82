// Page cache (ETag/304, compression, precise invalidation on domain events), search-engine
// metadata (hreflang reciprocity, JSON-LD, OpenGraph) and keyset pagination through the web.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createTranslation, publishArticle, unpublishArticle, updateArticle } from '../../../src/domain/articles/index.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { aSectionAndTag, anArticle, articleInput, threeEditions } from '../../fixtures/factories.js';

const alternatesOf = (html: string) =>
  [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`).sort();

eachDialect('page cache and metadata', (h) => {
  let app: FastifyInstance;
  const story: Record<string, { id: number; slug: string }> = {};
  const url = (lang: string) => `/${lang}/news/${story[lang]?.id}/${encodeURIComponent(story[lang]?.slug ?? '')}`;

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    const { sectionId, tagId } = await aSectionAndTag(ctx);
    const en = await anArticle(ctx, { headline: 'Tram line reaches the old port', sectionId, tagIds: [tagId] });
    const fa = await createTranslation(ctx, en.id, articleInput({ edition: 'fa', headline: 'خط تراموا به بندر قدیمی رسید' }));
    const ar = await createTranslation(ctx, en.id, articleInput({ edition: 'ar', headline: 'خط الترام يصل إلى الميناء القديم' }));
    for (const ref of [en, fa, ar]) await publishArticle(ctx, ref.id);
    Object.assign(story, { en, fa, ar });
    app = await buildTestApp(h());
  });
  after(() => app?.close());

  it('serves the second request from the cache and answers If-None-Match with 304', async () => {
    const first = await app.inject(url('en'));
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['x-cache'], 'miss');
    const etag = String(first.headers.etag);
    assert.match(etag, /^"[A-Za-z0-9_-]{22}"$/);
    assert.match(String(first.headers['cache-control']), /s-maxage=\d+.*stale-while-revalidate=\d+/);
    assert.match(String(first.headers['surrogate-key']), new RegExp(`(^| )article:${story.en?.id}( |$)`));
    const second = await app.inject(url('en'));
    assert.equal(second.headers['x-cache'], 'hit');
    assert.equal(second.body, first.body);
    const revalidated = await app.inject({ url: url('en'), headers: { 'if-none-match': etag } });
    assert.equal(revalidated.statusCode, 304);
    assert.equal(revalidated.body, '');
    const stale = await app.inject({ url: url('en'), headers: { 'if-none-match': '"something-else"' } });
    assert.equal(stale.statusCode, 200);
  });

  it('serves brotli and gzip forms of a cached page by Accept-Encoding', async () => {
    await app.inject(url('fa'));
    await new Promise((resolve) => setTimeout(resolve, 200)); // compression runs off the main thread
    const br = await app.inject({ url: url('fa'), headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
    assert.match(brotliDecompressSync(br.rawPayload).toString(), /<html lang="fa" dir="rtl">/);
    const gz = await app.inject({ url: url('fa'), headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.match(gunzipSync(gz.rawPayload).toString(), /<html lang="fa" dir="rtl">/);
    const plain = await app.inject({ url: url('fa'), headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(String(plain.headers.vary), 'accept-encoding');
  });

  it('shows a published change on the very next request', async () => {
    await app.inject('/en/');
    assert.equal((await app.inject('/en/')).headers['x-cache'], 'hit');
    const ctx = h().ctx();
    const fresh = await anArticle(ctx, { headline: 'Night ferry timetable extended' });
    await publishArticle(ctx, fresh.id);
    const home = await app.inject('/en/');
    assert.equal(home.headers['x-cache'], 'miss');
    assert.match(home.body, /Night ferry timetable extended/);

    await app.inject(url('en'));
    await updateArticle(ctx, story.en?.id ?? 0, { headline: 'Tram line reaches the old port at last' });
    const page = await app.inject(url('en'));
    assert.match(page.body, /Tram line reaches the old port at last/);
    // The translations show the English headline under "Read in": they were dropped too.
    assert.match((await app.inject(url('fa'))).body, /Tram line reaches the old port at last/);

    await unpublishArticle(ctx, fresh.id);
    assert.doesNotMatch((await app.inject('/en/')).body, /Night ferry timetable extended/);
    assert.equal((await app.inject(`/en/news/${fresh.id}/${fresh.slug}`)).statusCode, 404);
  });

  it('ignores query parameters that do not change the page', async () => {
    await app.inject(url('ar'));
    const tracked = await app.inject(`${url('ar')}?utm_source=newsletter&fbclid=x`);
    assert.equal(tracked.headers['x-cache'], 'hit');
    assert.equal(tracked.statusCode, 200);
  });

  it('never caches errors or redirects', async () => {
    assert.equal((await app.inject('/en/news/999999/x')).headers['x-cache'], undefined);
    assert.equal((await app.inject(`/en/news/${story.en?.id}/wrong`)).statusCode, 301);
    assert.equal((await app.inject(`/en/news/${story.en?.id}/wrong`)).headers['x-cache'], undefined);
  });

  it('gives every translation the same reciprocal hreflang set with x-default', async () => {
    const sets = await Promise.all(['en', 'fa', 'ar'].map(async (lang) => alternatesOf((await app.inject(url(lang))).body)));
    assert.equal(sets[0]?.length, 4);
    assert.deepEqual(sets[1], sets[0]);
    assert.deepEqual(sets[2], sets[0]);
    const xDefault = sets[0]?.find((s) => s.startsWith('x-default '));
    assert.equal(xDefault, `x-default https://news.example.org${url('en')}`);
    const home = alternatesOf((await app.inject('/fa/')).body);
    assert.deepEqual(home, ['ar https://news.example.org/ar/', 'en https://news.example.org/en/', 'fa https://news.example.org/fa/', 'x-default https://news.example.org/']);
  });

  it('describes the article with JSON-LD NewsArticle, OpenGraph and Twitter tags', async () => {
    const html = (await app.inject(url('fa'))).body;
    const json = /<script type="application\/ld\+json">([^<]+)<\/script>/.exec(html)?.[1];
    assert.ok(json, 'a JSON-LD block');
    const data = JSON.parse(json) as Record<string, unknown>;
    assert.equal(data['@type'], 'NewsArticle');
    assert.equal(data.headline, 'خط تراموا به بندر قدیمی رسید');
    assert.equal(data.inLanguage, 'fa');
    assert.ok(data.datePublished && data.dateModified);
    assert.deepEqual((data.mainEntityOfPage as { '@id': string })['@id'], `https://news.example.org${url('fa')}`);
    assert.match(String((data.publisher as { logo: { url: string } }).logo.url), /^https:\/\/news\.example\.org\/assets\/logo\.[0-9a-f]{12}\.png$/);
    assert.match(html, /<meta property="og:type" content="article"\/>/);
    assert.match(html, /<meta property="og:locale" content="fa_IR"\/>/);
    assert.match(html, /<meta property="og:locale:alternate" content="en_GB"\/>/);
    assert.match(html, /<meta name="twitter:card" content="summary_large_image"\/>/);
    const logo = await app.inject(String((data.publisher as { logo: { url: string } }).logo.url).replace('https://news.example.org', ''));
    assert.equal(logo.headers['content-type'], 'image/png');
  });

  it('paginates a section with stable keyset pages and rel=prev/next while articles are published', async () => {
    const harness = h();
    const ctx = harness.ctx();
    const { sectionId } = await aSectionAndTag(ctx);
    const ids: number[] = [];
    for (let i = 0; i < 25; i++) {
      harness.clock.advance(60_000);
      const ref = await anArticle(ctx, { sectionId, headline: `Paged item number ${i}` });
      await publishArticle(ctx, ref.id);
      ids.push(ref.id);
    }
    const slug = (await h().db.storage.db.selectFrom('sections').select('slug').where('id', '=', sectionId).executeTakeFirstOrThrow()).slug;
    const first = await app.inject(`/en/section/${slug}`);
    const idsOn = (html: string) => [...html.matchAll(/href="\/en\/news\/(\d+)\/paged-item/g)].map((m) => Number(m[1]));
    assert.deepEqual(idsOn(first.body), ids.slice(5).reverse());
    const next = /<link rel="next" href="https:\/\/news\.example\.org([^"]+)"\/>/.exec(first.body)?.[1]?.replace(/&amp;/g, '&');
    assert.ok(next);
    assert.doesNotMatch(first.body, /<link rel="prev"/);

    harness.clock.advance(60_000);
    const newer = await anArticle(ctx, { sectionId, headline: 'Paged item arriving late' });
    await publishArticle(ctx, newer.id);

    const second = await app.inject(next);
    assert.equal(second.statusCode, 200);
    assert.deepEqual(idsOn(second.body), ids.slice(0, 5).reverse(), 'page two neither repeats nor skips');
    assert.doesNotMatch(second.body, /<link rel="next"/);
    const prev = /<link rel="prev" href="https:\/\/news\.example\.org([^"]+)"\/>/.exec(second.body)?.[1]?.replace(/&amp;/g, '&');
    assert.ok(prev);
    const back = await app.inject(prev);
    assert.deepEqual(idsOn(back.body), ids.slice(5).reverse(), 'the newer page is the old first page, without the late arrival');
    assert.equal((await app.inject(`/en/section/${slug}`)).body.includes('Paged item arriving late'), true);
    harness.clock.set('2026-11-24T12:00:00.000Z');
  });
});
