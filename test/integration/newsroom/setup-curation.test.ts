// The curation screen on every dialect: who may curate which edition (reporter 403, an editor of
// another edition 403, in the domain too), adding, editing, moving and removing blocks with the
// public front page changing after each POST on a page-cache-enabled app, positions dense and
// unique under a double submit, bad input answered 422 with the field marked (never stored), CSRF
// refusal, and the breaking-news bar: escaped, isolated, gone once it expires (test clock) even
// from the page cache.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { publishArticle } from '../../../src/domain/articles/index.js';
import { addBlock, listBlocks, moveBlock } from '../../../src/domain/curation/index.js';
import { createUser, updateAccess } from '../../../src/domain/users/index.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { Browser } from '../../support/newsroom.js';
import { anArticle, threeEditions } from '../../fixtures/factories.js';

const PASSWORD = 'correct horse battery staple';
const FROM = { from: '/admin/curation?edition=en' };

eachDialect('curation screen', (h) => {
  let app: FastifyInstance;
  const as = async (email: string) => {
    const b = new Browser(app);
    await b.signIn(email, PASSWORD);
    return b;
  };
  const published = async (edition = 'en', headline?: string) => {
    const ctx = h().ctx();
    const a = await anArticle(ctx, { edition, ...(headline ? { headline } : {}) });
    await publishArticle(ctx, a.id);
    return a;
  };
  const sidebar = async (edition = 'en') => (await listBlocks(h().ctx(), edition)).filter((b) => b.slot === 'sidebar');
  const front = (edition = 'en') => app.inject({ url: `/${edition}/`, headers: { accept: 'text/html' } });
  /** The front page is in the page cache (a hit), so a later change must have purged it. */
  const cachedFront = async (edition = 'en') => {
    await front(edition);
    const hit = await front(edition);
    assert.equal(hit.headers['x-cache'], 'hit');
    return hit;
  };
  const count = async () => Number((await h().db.storage.db.selectFrom('curated_blocks').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    for (const [email, role] of [
      ['admin@example.org', 'admin'],
      ['ed@example.org', 'editor'],
      ['rep@example.org', 'reporter'],
      ['fa-editor@example.org', 'editor'],
    ] as const) {
      await createUser(ctx, { email, name: role, role, password: PASSWORD });
    }
    const ed = await h().db.storage.db.selectFrom('users').select('id').where('email', '=', 'fa-editor@example.org').executeTakeFirstOrThrow();
    await updateAccess(ctx, Number(ed.id), { role: 'editor', editions: ['fa'] });
    app = await buildTestApp(h(), { runJobs: false });
  });
  after(() => app?.close());

  it('pins a lead story from the screen and the cached front page shows it after the POST', async () => {
    const lead = await published('en', 'Lighthouse keepers return to the northern cape');
    await published('en');
    const before = await cachedFront();
    assert.ok(!before.body.includes('class="lead"') || !before.body.includes('Lighthouse keepers return'));
    const ed = await as('ed@example.org');
    const page = await ed.get('/admin/curation?edition=en');
    assert.equal(page.statusCode, 200);
    const res = await ed.post('/admin/curation/blocks', { edition: 'en', slot: 'lead', kind: 'article', articleId: String(lead.id), startsAt: '', endsAt: '' }, FROM);
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /^\/admin\/curation\?edition=en&done/);
    const after = await front();
    assert.notEqual(after.headers['x-cache'], 'hit');
    const leadBlock = /<article[^>]*class="[^"]*lead[^"]*"[\s\S]*?<\/article>/.exec(after.body)?.[0] ?? '';
    assert.ok(leadBlock.includes('Lighthouse keepers return'), 'the pinned story is the lead');
    // The screen lists it with its headline.
    assert.ok((await ed.get('/admin/curation?edition=en')).body.includes('Lighthouse keepers return'));
  });

  it('adds, edits, moves and removes sidebar blocks; the front page follows each change', async () => {
    const admin = await as('admin@example.org');
    for (const quote of ['First quote of the harbour', 'Second quote of the harbour', 'Third quote of the harbour']) {
      const res = await admin.post('/admin/curation/blocks', { edition: 'en', slot: 'sidebar', kind: 'statement', body: quote, attribution: 'Harbour master' }, FROM);
      assert.equal(res.statusCode, 303);
    }
    const blocks = await sidebar();
    assert.deepEqual(
      blocks.map((b) => b.position),
      [0, 1, 2],
    );
    const third = blocks[2]!;
    await cachedFront();
    // Move the third to the top, twice (a double submit): the same order, positions dense and unique.
    for (let i = 0; i < 2; i++) {
      const res = await admin.post(`/admin/curation/blocks/${third.id}/move`, { position: '0' }, FROM);
      assert.equal(res.statusCode, 303);
    }
    const moved = await sidebar();
    assert.deepEqual(
      moved.map((b) => b.position),
      [0, 1, 2],
    );
    assert.equal(moved[0]!.id, third.id);
    const page = (await front()).body;
    assert.ok(page.indexOf('Third quote') < page.indexOf('First quote'), 'the public sidebar shows the new order');
    // Two moves at once (two servers, or two tabs) still leave dense, unique positions.
    await Promise.all([moveBlock(h().ctx(), moved[2]!.id, 0), moveBlock(h().ctx(), moved[1]!.id, 2)]);
    const raced = await sidebar();
    assert.deepEqual(
      raced.map((b) => b.position),
      [0, 1, 2],
    );
    assert.equal(new Set(raced.map((b) => b.id)).size, 3);
    // Two first blocks of an empty slot at once (a double submit reaching two servers) still get 0 and 1.
    await Promise.all([addBlock(h().ctx(), { edition: 'ar', slot: 'sidebar', kind: 'most_recent' }), addBlock(h().ctx(), { edition: 'ar', slot: 'sidebar', kind: 'most_recent' })]);
    assert.deepEqual(
      (await sidebar('ar')).map((b) => b.position),
      [0, 1],
    );
    // Past the end clamps to the end.
    assert.equal((await admin.post(`/admin/curation/blocks/${raced[0]!.id}/move`, { position: '99' }, FROM)).statusCode, 303);
    assert.equal((await sidebar())[2]!.id, raced[0]!.id);

    // Edit: the new text is on the public page.
    const target = (await sidebar())[0]!;
    assert.equal((await admin.get(`/admin/curation/blocks/${target.id}`)).statusCode, 200);
    await cachedFront();
    const edited = await admin.post(`/admin/curation/blocks/${target.id}`, { body: 'An edited quote about the tides', attribution: 'Harbour master' }, { from: `/admin/curation/blocks/${target.id}` });
    assert.equal(edited.statusCode, 303);
    assert.ok((await front()).body.includes('An edited quote about the tides'));

    // Remove: gone from the page, the rest renumbered.
    await cachedFront();
    assert.equal((await admin.post(`/admin/curation/blocks/${target.id}/remove`, {}, FROM)).statusCode, 303);
    assert.ok(!(await front()).body.includes('An edited quote about the tides'));
    assert.deepEqual(
      (await sidebar()).map((b) => b.position),
      [0, 1],
    );
    assert.equal((await admin.post(`/admin/curation/blocks/${target.id}/remove`, {}, FROM)).statusCode, 404, 'a second remove finds nothing');
  });

  it('refuses a reporter, and an editor of another edition (in the domain as well)', async () => {
    const id = await addBlock(h().ctx(), { edition: 'en', slot: 'sidebar', kind: 'most_recent' });
    const before = await count();
    const rep = await as('rep@example.org');
    assert.equal((await rep.get('/admin/curation')).statusCode, 403);
    assert.equal((await rep.post('/admin/curation/blocks', { edition: 'en', slot: 'sidebar', kind: 'most_recent' }, { csrf: 'x' })).statusCode, 403);
    const fa = await as('fa-editor@example.org');
    assert.equal((await fa.get('/admin/curation')).statusCode, 200, 'their own edition');
    assert.equal((await fa.get('/admin/curation?edition=en')).statusCode, 403);
    const from = { from: '/admin/curation?edition=fa' };
    assert.equal((await fa.post('/admin/curation/blocks', { edition: 'en', slot: 'sidebar', kind: 'most_recent' }, from)).statusCode, 403);
    assert.equal((await fa.post('/admin/curation/blocks', { edition: 'en', slot: 'sidebar', kind: 'statement', body: '' }, from)).statusCode, 403, 'refused before the form is judged');
    assert.equal((await fa.get(`/admin/curation/blocks/${id}`)).statusCode, 403);
    assert.equal((await fa.post(`/admin/curation/blocks/${id}`, { startsAt: '' }, from)).statusCode, 403);
    assert.equal((await fa.post(`/admin/editions/en/sections`, { name: 'x' }, from)).statusCode, 403);
    assert.equal((await fa.post(`/admin/curation/blocks/${id}/move`, { position: '0' }, from)).statusCode, 403);
    assert.equal((await fa.post(`/admin/curation/blocks/${id}/remove`, {}, from)).statusCode, 403);
    assert.equal((await fa.post('/admin/curation/breaking', { edition: 'en', text: 'Not yours', expiresAt: '2026-11-24T13:00' }, from)).statusCode, 403);
    assert.equal(await count(), before);
    const limited = { kind: 'user' as const, id: 999, role: 'editor' as const, name: 'x', editions: ['fa'] };
    await assert.rejects(addBlock(h().ctx(limited), { edition: 'en', slot: 'sidebar', kind: 'most_recent' }), { code: 'EDITION_FORBIDDEN' });
    await assert.rejects(moveBlock(h().ctx(limited), id, 0), { code: 'EDITION_FORBIDDEN' });
  });

  it('answers bad input with 422 and the field marked, stores nothing, and refuses a post without CSRF', async () => {
    const admin = await as('admin@example.org');
    const before = await count();
    const fa = await published('fa');
    const bad: Array<[Record<string, string>, string]> = [
      [{ slot: 'sidebar', kind: 'statement', body: '' }, 'body'],
      [{ slot: 'sidebar', kind: 'statement', body: 'x'.repeat(10_000) }, 'body'],
      [{ slot: 'sidebar', kind: 'banner', title: 'Donate', linkUrl: 'javascript:alert(1)' }, 'linkUrl'],
      [{ slot: 'sidebar', kind: 'banner', title: 'Donate', linkUrl: '/\\evil.example' }, 'linkUrl'],
      [{ slot: 'sidebar', kind: 'banner', title: 'Donate', linkUrl: '//evil.example' }, 'linkUrl'],
      [{ slot: 'sidebar', kind: 'banner', title: '', linkUrl: 'https://example.org/' }, 'title'],
      [{ slot: 'sidebar', kind: 'most_recent', startsAt: 'tomorrow' }, 'startsAt'],
      [{ slot: 'sidebar', kind: 'most_recent', startsAt: '2026-12-02T10:00', endsAt: '2026-12-01T10:00' }, 'endsAt'],
      [{ slot: 'lead', kind: 'article', articleId: '' }, 'articleId'],
      [{ slot: 'lead', kind: 'article', articleId: 'abc' }, 'articleId'],
      [{ slot: 'lead', kind: 'article', articleId: String(fa.id) }, 'articleId'],
      [{ slot: 'sidebar', kind: 'cartoon', mediaId: '' }, 'mediaId'],
    ];
    for (const [fields, field] of bad) {
      const res = await admin.post('/admin/curation/blocks', { edition: 'en', ...fields }, FROM);
      assert.equal(res.statusCode, 422, JSON.stringify(fields).slice(0, 80));
      assert.ok(res.body.includes('role="alert"'));
      assert.match(res.body, new RegExp(`name="${field}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*name="${field}"|id="add-[a-z_-]+-${field}"[^>]*aria-invalid="true"`), field);
      assert.ok(!res.body.includes('javascript:alert(1)"') || !/href="javascript:/.test(res.body));
      assert.ok(!res.body.includes('x'.repeat(3000)), 'a long paste is not echoed whole');
    }
    assert.equal((await admin.post('/admin/curation/blocks', { edition: 'en', slot: 'lead', kind: 'statement', body: 'x' }, FROM)).statusCode, 400, 'a kind the slot does not take');
    assert.equal((await admin.post('/admin/curation/blocks', { edition: 'zz', slot: 'sidebar', kind: 'most_recent' }, FROM)).statusCode, 404);
    assert.equal((await admin.post('/admin/curation/blocks/abc/move', { position: '0' }, FROM)).statusCode, 400);
    assert.equal((await admin.post('/admin/curation/blocks/1/move', { position: '-1' }, FROM)).statusCode, 400);
    assert.equal((await admin.post('/admin/curation/blocks/999999/move', { position: '0' }, FROM)).statusCode, 404);
    assert.equal((await admin.get('/admin/curation?edition=zz')).statusCode, 404);
    const noCsrf = await admin.post('/admin/curation/blocks', { edition: 'en', slot: 'sidebar', kind: 'most_recent' }, { csrf: null });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(await count(), before);
  });

  it('shows the breaking-news bar on every public page of the edition, escaped and isolated, until it expires', async () => {
    const article = await published('en');
    const articleUrl = `/en/news/${article.id}/${encodeURIComponent(article.slug)}`;
    await cachedFront();
    await app.inject(articleUrl);
    const ed = await as('ed@example.org');
    const now = h().clock.now();
    const inTenMinutes = new Date(now.getTime() + 10 * 60_000).toISOString().slice(0, 16);
    const res = await ed.post('/admin/curation/breaking', { edition: 'en', text: 'Storm closes the port <script>alert(1)</script>', linkUrl: '/en/', expiresAt: inTenMinutes }, FROM);
    assert.equal(res.statusCode, 303);
    await app.refreshSite();
    for (const url of ['/en/', articleUrl]) {
      const page = await app.inject(url);
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes('class="breaking-bar"'), url);
      assert.ok(page.body.includes('Storm closes the port &lt;script>'), 'escaped');
      assert.ok(!page.body.includes('<script>alert(1)'));
      assert.match(page.body, /<a href="\/en\/" dir="auto" class="breaking-text">/);
      // No shared cache may keep the page past the bar's expiry.
      const sMaxAge = Number(/s-maxage=(\d+)/.exec(String(page.headers['cache-control']))?.[1]);
      assert.ok(sMaxAge <= 60);
      assert.ok(!/stale-while-revalidate/.test(String(page.headers['cache-control'])));
    }
    assert.ok(!(await app.inject('/fa/')).body.includes('class="breaking-bar"'), 'another edition has none');
    // Cached now; near the expiry the cache entry ends with the bar, not a full minute later.
    assert.equal((await front()).headers['x-cache'], 'hit');
    h().clock.advance(9 * 60_000 + 30_000);
    const late = await front();
    assert.ok(late.body.includes('class="breaking-bar"'));
    assert.match(String(late.headers['cache-control']), /s-maxage=(30|29)\b/);
    h().clock.advance(31_000);
    for (const url of ['/en/', articleUrl]) {
      const page = await app.inject(url);
      assert.ok(!page.body.includes('class="breaking-bar"'), `${url}: the bar is gone after its expiry`);
    }
    assert.ok(!(await ed.get('/admin/curation?edition=en')).body.includes('setup-breaking-now'));
  });

  it('refuses a bad breaking-news bar with 422 and clears one', async () => {
    const ed = await as('ed@example.org');
    const soon = new Date(h().clock.now().getTime() + 60 * 60_000).toISOString().slice(0, 16);
    const past = new Date(h().clock.now().getTime() - 60_000).toISOString().slice(0, 16);
    const far = new Date(h().clock.now().getTime() + 30 * 86_400_000).toISOString().slice(0, 16);
    for (const [fields, field] of [
      [{ text: '', expiresAt: soon }, 'text'],
      [{ text: '   ', expiresAt: soon }, 'text'],
      [{ text: 'x'.repeat(10_000), expiresAt: soon }, 'text'],
      [{ text: 'Storm', linkUrl: 'javascript:alert(1)', expiresAt: soon }, 'linkUrl'],
      [{ text: 'Storm', linkUrl: '/\\evil.example', expiresAt: soon }, 'linkUrl'],
      [{ text: 'Storm', expiresAt: past }, 'expiresAt'],
      [{ text: 'Storm', expiresAt: far }, 'expiresAt'],
      [{ text: 'Storm', expiresAt: 'soon' }, 'expiresAt'],
      [{ text: 'Storm', expiresAt: '' }, 'expiresAt'],
    ] as Array<[Record<string, string>, string]>) {
      const res = await ed.post('/admin/curation/breaking', { edition: 'en', ...fields }, FROM);
      assert.equal(res.statusCode, 422, `${field} ${JSON.stringify(fields).slice(0, 60)}`);
      assert.match(res.body, new RegExp(`name="${field}"[^>]*aria-invalid="true"`), field);
    }
    assert.equal((await h().db.storage.db.selectFrom('breaking_news').selectAll().execute()).filter((r) => r.expires_at > h().clock.now().toISOString()).length, 0);
    assert.equal((await ed.post('/admin/curation/breaking', { edition: 'en', text: 'Ferry service resumes', expiresAt: soon }, FROM)).statusCode, 303);
    await app.refreshSite();
    assert.ok((await front()).body.includes('Ferry service resumes'));
    assert.equal((await ed.post('/admin/curation/breaking', { edition: 'en', clear: '1' }, FROM)).statusCode, 303);
    await app.refreshSite();
    assert.ok(!(await front()).body.includes('Ferry service resumes'));
    assert.equal((await ed.post('/admin/curation/breaking', { edition: 'en', text: 'x', expiresAt: soon }, { csrf: null })).statusCode, 403);
  });
});
