// Reader pages over a real database on every dialect: lang/dir, canonical URLs, 404/410,
// localized error pages, escaping and security headers.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createTranslation, publishArticle, removeArticle, unpublishArticle } from '../../../src/domain/articles/index.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { aSectionAndTag, anArticle, articleInput, threeEditions } from '../../fixtures/factories.js';

eachDialect('public pages', (h) => {
  let app: FastifyInstance;
  let en: { id: number; slug: string };
  let fa: { id: number; slug: string };

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    en = await anArticle(ctx, { headline: 'Ferry <b>terminal</b> opens & "sails"', body: 'Text with <script>alert(1)</script> inside.' });
    fa = await createTranslation(ctx, en.id, articleInput({ edition: 'fa', headline: 'پایانه تازهٔ کشتی‌ها گشایش یافت' }));
    await publishArticle(ctx, en.id);
    await publishArticle(ctx, fa.id);
    app = await buildTestApp(h());
  });
  after(() => app?.close());

  it('serves each edition front with its own lang and dir', async () => {
    const enPage = await app.inject('/en/');
    assert.equal(enPage.statusCode, 200);
    assert.match(enPage.body, /^<!doctype html><html lang="en" dir="ltr">/);
    assert.ok(enPage.body.includes(`href="/en/news/${en.id}/${en.slug}"`));
    const faPage = await app.inject('/fa/');
    assert.match(faPage.body, /<html lang="fa" dir="rtl">/);
    assert.match(faPage.body, /تازه‌ترین خبرها/);
    const arPage = await app.inject('/ar/');
    assert.match(arPage.body, /<html lang="ar" dir="rtl">/);
    assert.match(arPage.body, /لم يُنشر شيء هنا بعد/);
  });

  it('redirects / by Accept-Language and falls back to the default edition', async () => {
    const persian = await app.inject({ url: '/', headers: { 'accept-language': 'fa-IR,fa;q=0.9,en;q=0.5' } });
    assert.equal(persian.statusCode, 302);
    assert.equal(persian.headers.location, '/fa/');
    const unknown = await app.inject({ url: '/', headers: { 'accept-language': 'de' } });
    assert.equal(unknown.headers.location, '/en/');
    assert.equal((await app.inject('/fa')).headers.location, '/fa/');
  });

  it('renders the article with escaped text and the sanitized body', async () => {
    const page = await app.inject(`/en/news/${en.id}/${en.slug}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('<h1>Ferry &lt;b>terminal&lt;/b> opens &amp; &quot;sails&quot;</h1>'));
    assert.ok(!page.body.includes('<script>alert(1)</script>'));
    assert.ok(page.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(page.body.includes(`<link rel="canonical" href="https://news.example.org/en/news/${en.id}/${en.slug}"/>`));
    assert.ok(page.body.includes(`hreflang="fa"`), 'links to the Persian translation');
  });

  it('serves a Persian article at its percent-encoded slug', async () => {
    const page = await app.inject(`/fa/news/${fa.id}/${encodeURIComponent(fa.slug)}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<html lang="fa" dir="rtl">/);
    assert.match(page.body, /۲۱:۳۰|۱۵:۳۰/, 'time shown with Persian digits in Tehran time');
    assert.match(page.body, /۱۴۰۵/, 'Persian solar year');
    // The English headline under "read in" keeps its own direction inside the RTL page.
    assert.match(page.body, /<li lang="en" dir="ltr"><a href="\/en\/news\//);
    assert.match(page.body, /<li dir="ltr"><a href="\/en\/" lang="en"/);
    assert.match(String(page.headers.link), /^<\/assets\/site\.[0-9a-f]{12}\.css>; rel=preload; as=style$/);
  });

  it('301s a wrong or missing slug to the canonical URL', async () => {
    const wrong = await app.inject(`/en/news/${en.id}/old-slug`);
    assert.equal(wrong.statusCode, 301);
    assert.equal(wrong.headers.location, `/en/news/${en.id}/${en.slug}`);
    const missing = await app.inject(`/fa/news/${fa.id}`);
    assert.equal(missing.statusCode, 301);
    assert.equal(missing.headers.location, `/fa/news/${fa.id}/${encodeURIComponent(fa.slug)}`);
  });

  it('answers 404 for unknown editions, ids in another edition, drafts and bad ids', async () => {
    for (const url of ['/xx/', '/en/news/999999/x', `/ar/news/${en.id}/${en.slug}`, '/en/news/0/x', '/en/news/abc/x']) {
      const response = await app.inject(url);
      assert.ok([404, 400].includes(response.statusCode), `${url} → ${response.statusCode}`);
      assert.ok(!/at .*\.ts:\d+/.test(response.body), 'no stack trace');
    }
    const draft = await anArticle(h().ctx());
    assert.equal((await app.inject(`/en/news/${draft.id}/${draft.slug}`)).statusCode, 404);
  });

  it('answers 404 for unpublished and 410 for removed articles, localized', async () => {
    const ctx = h().ctx();
    const gone = await anArticle(ctx, { edition: 'fa', headline: 'خبری که حذف می‌شود' });
    await publishArticle(ctx, gone.id);
    await unpublishArticle(ctx, gone.id);
    const hidden = await app.inject(`/fa/news/${gone.id}/x`);
    assert.equal(hidden.statusCode, 404);
    assert.match(hidden.body, /<html lang="fa" dir="rtl">/);
    assert.match(hidden.body, /صفحه پیدا نشد/);
    await removeArticle(ctx, gone.id);
    const removed = await app.inject(`/fa/news/${gone.id}/x`);
    assert.equal(removed.statusCode, 410);
    assert.match(removed.body, /این خبر حذف شده است/);
  });

  it('explains a bad page cursor with 400, as when its characters are refused, instead of failing', async () => {
    const { sectionId } = await aSectionAndTag(h().ctx());
    const section = await h().db.storage.db.selectFrom('sections').select('slug').where('id', '=', sectionId).executeTakeFirstOrThrow();
    const response = await app.inject(`/en/section/${section.slug}?before=bm90LWEtY3Vyc29y`);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /The page link is not valid/);
    assert.equal((await app.inject(`/en/section/${section.slug}?before=zz!z`)).statusCode, 400);
  });

  it('sends a strict CSP and the other security headers', async () => {
    const response = await app.inject('/en/');
    const csp = String(response.headers['content-security-policy']);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['x-frame-options'], 'DENY');
    assert.match(String(response.headers['strict-transport-security']), /max-age=/);
  });

  it('serves the stylesheet under a content hash, immutable', async () => {
    const page = await app.inject('/en/');
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(page.body)?.[1];
    assert.match(href ?? '', /^\/assets\/site\.[0-9a-f]{12}\.css$/);
    const css = await app.inject(href ?? '');
    assert.equal(css.statusCode, 200);
    assert.match(String(css.headers['cache-control']), /immutable/);
    assert.match(css.body, /inset-inline-start/);
  });
});
