// The article editor on every dialect: create → edit → save (the version moves on, one revision a
// save), a conflict between two sessions answered 409 with both texts and a deliberate overwrite,
// a double submit refused, bad input answered 422 with the fields kept, roles (the domain
// decides), workflow buttons and scheduling in the edition's time zone, autosave, preview, and the
// form's direction following the article's edition.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { importImage } from '../../../src/domain/media/index.js';
import { createUser, updateAccess } from '../../../src/domain/users/index.js';
import { createFileBlobStore } from '../../../src/storage/blobs/fs-store.js';
import { eachDialect, tempDir } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { Browser, ORIGIN, csrfOf } from '../../support/newsroom.js';
import { anArticle, threeEditions } from '../../fixtures/factories.js';

const PASSWORD = 'correct horse battery staple';

eachDialect('article editor', (h) => {
  let app: FastifyInstance;
  const db = () => h().db.storage.db;
  const as = async (email: string, language?: string) => {
    const b = new Browser(app, language ? { language } : {});
    await b.signIn(email, PASSWORD);
    return b;
  };
  const row = (id: number) => db().selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const revisions = async (id: number) => Number((await db().selectFrom('article_revisions').select((eb) => eb.fn.countAll().as('n')).where('article_id', '=', id).executeTakeFirstOrThrow()).n);
  const versionIn = (html: string) => Number(/name="expected_version" value="(\d+)"/.exec(html)?.[1]);

  /** Creates a draft through the screen and answers its id. */
  async function create(b: Browser, edition = 'en', headline = 'Tide tables move online', body = 'First paragraph.') {
    const res = await b.post('/admin/articles', { edition, headline, body }, { from: '/admin/articles/new' });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const id = Number(/^\/admin\/articles\/(\d+)\/edit/.exec(String(res.headers.location))?.[1]);
    assert.ok(id > 0);
    return id;
  }

  /** Posts the edit form as loaded at `page` with some fields changed. */
  async function save(b: Browser, id: number, fields: Record<string, string | string[]>, page?: string) {
    const html = page ?? (await b.get(`/admin/articles/${id}/edit`)).body;
    const base = { headline: 'Tide tables move online', dek: '', body: 'First paragraph.', expected_version: String(versionIn(html)), slug: '', slug_was: '', comments: 'open' };
    return b.post(`/admin/articles/${id}`, { ...base, ...fields }, { csrf: csrfOf(html) });
  }

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    for (const [email, role] of [
      ['ed@example.org', 'editor'],
      ['ed2@example.org', 'editor'],
      ['rep@example.org', 'reporter'],
      ['rep2@example.org', 'reporter'],
      ['mod@example.org', 'moderator'],
      ['tr@example.org', 'translator'],
      ['en-editor@example.org', 'editor'],
    ] as const) {
      await createUser(ctx, { email, name: `The ${role} ${email[0]}`, role, password: PASSWORD });
    }
    const limited = await db().selectFrom('users').select('id').where('email', '=', 'en-editor@example.org').executeTakeFirstOrThrow();
    await updateAccess(ctx, Number(limited.id), { role: 'editor', editions: ['en'] });
    app = await buildTestApp(h(), { runJobs: false });
  });
  after(() => app?.close());

  it('creates a draft (303 to its edit screen), saves it, and each save moves the version on by one with one revision', async () => {
    const ed = await as('ed@example.org');
    const id = await create(ed);
    const page = await ed.get(`/admin/articles/${id}/edit`);
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.ok(page.body.includes('Tide tables move online'));
    assert.equal(versionIn(page.body), 1);
    const res = await save(ed, id, { headline: 'Tide tables now online', body: '## Why\n\nBecause **paper** ran out.\n\n- one\n- two', note: 'tightened' }, page.body);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/admin/articles/${id}/edit?saved`);
    const stored = await row(id);
    assert.equal(stored.version, 2);
    assert.equal(stored.headline, 'Tide tables now online');
    assert.deepEqual(
      (JSON.parse(stored.body_doc) as { content: Array<{ type: string }> }).content.map((b) => b.type),
      ['heading', 'paragraph', 'list'],
    );
    assert.match(stored.body_html, /<strong>paper<\/strong>/);
    assert.equal(await revisions(id), 2);
    const again = await ed.get(`/admin/articles/${id}/edit?saved`);
    assert.equal(versionIn(again.body), 2);
    assert.ok(again.body.includes('Because **paper** ran out.'), 'the textarea shows the text form');
    assert.ok(again.body.includes('tightened'), 'the history shows the note');
  });

  it('answers a stale save with 409, both texts on the page, and overwrites only when resubmitted with the new version', async () => {
    const a = await as('ed@example.org');
    const b = await as('ed2@example.org');
    const id = await create(a);
    const pageA = (await a.get(`/admin/articles/${id}/edit`)).body;
    const pageB = (await b.get(`/admin/articles/${id}/edit`)).body;
    assert.equal((await save(a, id, { headline: 'Version of A', body: 'Text written by A.' }, pageA)).statusCode, 303);
    const conflict = await save(b, id, { headline: 'Version of B', body: 'Text written by B.' }, pageB);
    assert.equal(conflict.statusCode, 409);
    assert.ok(conflict.body.includes('Text written by A.'), 'theirs is shown');
    assert.ok(conflict.body.includes('The editor e'), 'with who saved it');
    assert.ok(conflict.body.includes('Text written by B.'), 'yours is kept in the form');
    assert.ok(conflict.body.includes('value="Version of B"'));
    assert.equal(versionIn(conflict.body), 2, 'the form now carries the stored version');
    assert.equal((await row(id)).headline, 'Version of A', 'nothing was overwritten');
    const overwrite = await save(b, id, { headline: 'Version of B', body: 'Text written by B.' }, conflict.body);
    assert.equal(overwrite.statusCode, 303);
    const stored = await row(id);
    assert.equal(stored.headline, 'Version of B');
    assert.equal(stored.version, 3);
  });

  it('refuses a double submit of the same version with 409 and records one revision, not two', async () => {
    const ed = await as('ed@example.org');
    const id = await create(ed);
    const page = (await ed.get(`/admin/articles/${id}/edit`)).body;
    const before = await revisions(id);
    const first = await save(ed, id, { body: 'Submitted twice.' }, page);
    const second = await save(ed, id, { body: 'Submitted twice.' }, page);
    assert.equal(first.statusCode, 303);
    assert.equal(second.statusCode, 409);
    assert.equal(await revisions(id), before + 1);
    assert.equal((await row(id)).version, 2);
  });

  it('answers bad input with 422 and keeps what was typed, without echoing markup raw', async () => {
    const ed = await as('ed@example.org');
    const id = await create(ed);
    const page = (await ed.get(`/admin/articles/${id}/edit`)).body;
    const empty = await save(ed, id, { headline: '', body: 'Kept <script>alert(1)</script> text.' }, page);
    assert.equal(empty.statusCode, 422);
    assert.ok(empty.body.includes('Kept &lt;script>alert(1)&lt;/script> text.'), 'the body text is kept, escaped');
    assert.ok(!empty.body.includes('<script>alert(1)'));
    assert.ok(empty.body.includes('id="ed-headline-error"'));
    const long = await save(ed, id, { headline: 'x'.repeat(301) }, page);
    assert.equal(long.statusCode, 422);
    const link = await save(ed, id, { body: 'A [trap](javascript:alert(1)) link.' }, page);
    assert.equal(link.statusCode, 422);
    assert.ok(link.body.includes('id="ed-body-error"'));
    assert.ok(link.body.includes('A [trap](javascript:alert(1)) link.'), 'the body text is kept');
    const unsafe = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Typed in the rich editor', marks: [{ type: 'link', href: 'javascript:alert(1)' }] }] }] };
    const rich = await save(ed, id, { body: 'stale textarea', body_json: JSON.stringify(unsafe) }, page);
    assert.equal(rich.statusCode, 422);
    assert.ok(rich.body.includes('Typed in the rich editor'), 'what was typed in the rich editor is shown again');
    const json = await save(ed, id, { body_json: '{"type":"doc","content":[' }, page);
    assert.equal(json.statusCode, 422);
    const deep = await save(ed, id, { body_json: '['.repeat(5000) + ']'.repeat(5000) }, page);
    assert.equal(deep.statusCode, 422);
    const section = await save(ed, id, { section: '999999' }, page);
    assert.equal(section.statusCode, 422);
    const notNumber = await save(ed, id, { featured_media: 'abc' }, page);
    assert.equal(notNumber.statusCode, 422);
    const noVersion = await ed.post(`/admin/articles/${id}`, { headline: 'x', body: 'y' }, { csrf: csrfOf(page) });
    assert.equal(noVersion.statusCode, 400);
    assert.equal((await row(id)).version, 1, 'nothing was saved');
    const emptyNew = await ed.post('/admin/articles', { edition: 'en', headline: '', body: 'Body kept here.' }, { from: '/admin/articles/new' });
    assert.equal(emptyNew.statusCode, 422);
    assert.ok(emptyNew.body.includes('Body kept here.'));
    const noEdition = await ed.post('/admin/articles', { edition: 'xx', headline: 'H', body: 'B' }, { from: '/admin/articles/new' });
    assert.equal(noEdition.statusCode, 422);
  });

  it('prefers the rich editor’s body_json to the textarea and keeps its marks', async () => {
    const ed = await as('ed@example.org');
    const id = await create(ed);
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Rich ' }, { type: 'text', text: 'bold', marks: [{ type: 'bold' }] }] }] };
    const res = await save(ed, id, { body: 'ignored textarea text', body_json: JSON.stringify(doc) });
    assert.equal(res.statusCode, 303);
    assert.deepEqual(JSON.parse((await row(id)).body_doc), doc);
  });

  it('lets the domain decide: a moderator is refused, a reporter edits only their own work and cannot publish', async () => {
    const ed = await as('ed@example.org');
    const others = await create(ed);
    const mod = await as('mod@example.org');
    assert.equal((await mod.get('/admin/articles/new')).statusCode, 403);
    assert.equal((await mod.get(`/admin/articles/${others}/edit`)).statusCode, 403);
    assert.equal((await mod.post(`/admin/articles/${others}`, { headline: 'x', expected_version: '1' })).statusCode, 403);

    const rep = await as('rep@example.org');
    assert.equal((await rep.get(`/admin/articles/${others}/edit`)).statusCode, 403);
    assert.equal((await rep.post(`/admin/articles/${others}`, { headline: 'Hijack', body: 'x', expected_version: '1' })).statusCode, 403);
    assert.equal((await rep.post(`/admin/articles/${others}/workflow`, { to: 'published' })).statusCode, 403);
    assert.equal((await row(others)).headline, 'Tide tables move online');

    const own = await create(rep, 'en', 'A reporter’s own story');
    const page = (await rep.get(`/admin/articles/${own}/edit`)).body;
    assert.ok(page.includes('value="in_review"'), 'submit is offered');
    assert.ok(!page.includes('value="published"'), 'publish is not offered to a reporter');
    assert.equal((await save(rep, own, { headline: 'A reporter’s own story, revised' }, page)).statusCode, 303);
    const publish = await rep.post(`/admin/articles/${own}/workflow`, { to: 'published' }, { from: `/admin/articles/${own}/edit` });
    assert.equal(publish.statusCode, 403);
    assert.equal((await row(own)).status, 'draft');
    assert.equal((await rep.post(`/admin/articles/${own}/workflow`, { to: 'in_review' }, { from: `/admin/articles/${own}/edit` })).statusCode, 303);
    assert.equal((await row(own)).status, 'in_review');
    assert.equal((await rep2Get(own)).statusCode, 403, 'another reporter cannot open it');
  });

  it('keeps an edition-limited editor to their editions: no choice of another edition, 403 on its articles', async () => {
    const ed = await as('en-editor@example.org');
    const form = await ed.get('/admin/articles/new');
    assert.ok(form.body.includes('value="en"'));
    assert.ok(!form.body.includes('value="fa"'), 'only the account’s editions are offered');
    const other = await ed.post('/admin/articles', { edition: 'fa', headline: 'خبر', body: 'متن' }, { from: '/admin/articles/new' });
    assert.equal(other.statusCode, 422);
    const fa = await anArticle(h().ctx(), { edition: 'fa', headline: 'خبر ویرایش دیگر', body: 'متن.' });
    assert.equal((await ed.get(`/admin/articles/${fa.id}/edit`)).statusCode, 403);
    assert.equal((await ed.post(`/admin/articles/${fa.id}`, { headline: 'x', body: 'y', expected_version: '1' })).statusCode, 403);
    assert.equal((await ed.get(`/admin/articles/${fa.id}/preview`)).statusCode, 403);
    assert.equal((await row(fa.id)).headline, 'خبر ویرایش دیگر');
  });

  async function rep2Get(id: number) {
    const rep2 = await as('rep2@example.org');
    return rep2.get(`/admin/articles/${id}/edit`);
  }

  it('publishes, unpublishes and schedules in the edition’s time zone; a past time is 422; a stale button is 409', async () => {
    const ed = await as('ed@example.org');
    const id = await create(ed, 'fa', 'خبر زمان‌بندی');
    const page = (await ed.get(`/admin/articles/${id}/edit`)).body;
    assert.ok(page.includes('Asia/Tehran'));
    const past = await ed.post(`/admin/articles/${id}/workflow`, { to: 'scheduled', scheduled_at: '2000-01-01T09:00' }, { csrf: csrfOf(page) });
    assert.equal(past.statusCode, 422);
    const bad = await ed.post(`/admin/articles/${id}/workflow`, { to: 'scheduled', scheduled_at: 'tomorrow' }, { csrf: csrfOf(page) });
    assert.equal(bad.statusCode, 422);
    const year = new Date().getUTCFullYear() + 1;
    const ok = await ed.post(`/admin/articles/${id}/workflow`, { to: 'scheduled', scheduled_at: `${year}-06-01T09:30` }, { csrf: csrfOf(page) });
    assert.equal(ok.statusCode, 303);
    const stored = await row(id);
    assert.equal(stored.status, 'scheduled');
    // Tehran is UTC+3:30 all year (no daylight saving since 2022).
    assert.equal(stored.scheduled_at, `${year}-06-01T06:00:00.000Z`);
    const stale = await ed.post(`/admin/articles/${id}/workflow`, { to: 'published', expected_version: '1' }, { csrf: csrfOf(page) });
    assert.equal(stale.statusCode, 409);
    assert.equal((await row(id)).status, 'scheduled');
    assert.equal((await ed.post(`/admin/articles/${id}/workflow`, { to: 'published' }, { csrf: csrfOf(page) })).statusCode, 303);
    assert.equal((await row(id)).status, 'published');
    const illegal = await ed.post(`/admin/articles/${id}/workflow`, { to: 'in_review' }, { csrf: csrfOf(page) });
    assert.equal(illegal.statusCode, 409);
    assert.equal((await ed.post(`/admin/articles/${id}/workflow`, { to: 'unpublished' }, { csrf: csrfOf(page) })).statusCode, 303);
    assert.equal((await row(id)).status, 'unpublished');
    assert.equal((await ed.post(`/admin/articles/${id}/workflow`, { to: 'removed' }, { csrf: csrfOf(page) })).statusCode, 400);
  });

  it('autosaves JSON with the expected version, and a stale autosave is 409 without a new revision', async () => {
    const ed = await as('ed@example.org');
    const id = await create(ed);
    const page = (await ed.get(`/admin/articles/${id}/edit`)).body;
    const send = (payload: unknown, headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url: `/admin/articles/${id}/autosave`, headers: { cookie: ed.header(), origin: ORIGIN, 'content-type': 'application/json', 'x-csrf-token': csrfOf(page), ...headers }, payload: JSON.stringify(payload) });
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Autosaved text.' }] }] };
    const first = await send({ expectedVersion: 1, headline: 'Autosaved headline', body: doc });
    assert.equal(first.statusCode, 200);
    assert.equal(first.json().version, 2);
    const before = await revisions(id);
    const stale = await send({ expectedVersion: 1, headline: 'Stale', body: doc });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error, 'ARTICLE_VERSION_CONFLICT');
    assert.equal(await revisions(id), before);
    assert.equal((await send({ expectedVersion: 2, body: { type: 'doc', content: 'x' } })).statusCode, 422);
    assert.equal((await send({ headline: 'no version' })).statusCode, 400);
    assert.equal((await send({ expectedVersion: 2, headline: 'x' }, { 'x-csrf-token': 'wrong' })).statusCode, 403);
    assert.equal((await row(id)).headline, 'Autosaved headline');
  });

  it('previews a draft through the public template, noindex and no-store, while the public site still answers 404', async () => {
    const ed = await as('ed@example.org');
    const id = await create(ed, 'en', 'Unreleased ferry timetable', 'Only staff may read this yet.');
    const preview = await ed.get(`/admin/articles/${id}/preview`);
    assert.equal(preview.statusCode, 200);
    assert.equal(preview.headers['cache-control'], 'no-store');
    assert.ok(preview.body.includes('Only staff may read this yet.'));
    assert.ok(preview.body.includes('class="preview-bar"'));
    assert.match(preview.body, /<meta name="robots" content="noindex/);
    const stored = await row(id);
    const pub = await app.inject(`/en/news/${id}/${encodeURIComponent(stored.slug)}`);
    assert.equal(pub.statusCode, 404);
    assert.ok(!pub.body.includes('Only staff may read this yet.'));
    const rep = await as('rep@example.org');
    assert.equal((await rep.get(`/admin/articles/${id}/preview`)).statusCode, 403);
    const photo = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    const mediaId = await importImage(h().ctx(), createFileBlobStore(tempDir('dateline-editor-media-')), { data: photo, credit: 'Test', texts: { en: { alt: 'A blue harbour card' } } });
    assert.equal((await save(ed, id, { headline: 'Unreleased ferry timetable', body: 'Only staff may read this yet.', featured_media: String(mediaId) })).statusCode, 303);
    const withImage = await ed.get(`/admin/articles/${id}/preview`);
    assert.match(withImage.body, /<img[^>]*alt="A blue harbour card"/);
    assert.equal((await save(ed, id, { featured_media: '999999' })).statusCode, 422, 'an image that does not exist');
  });

  it('edits a Persian article right-to-left in Persian even with an English interface', async () => {
    const ed = await as('ed@example.org', 'en');
    const ctx = h().ctx();
    const a = await anArticle(ctx, { edition: 'fa', headline: 'بندر تازه گشایش یافت', body: 'متن خبر.' });
    const page = await ed.get(`/admin/articles/${a.id}/edit`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<html lang="en" dir="ltr"/);
    assert.match(page.body, /<form[^>]*id="editor-form"[^>]*data-lang="fa" data-dir="rtl"/);
    for (const id of ['ed-headline', 'ed-dek', 'ed-body', 'ed-dateline', 'ed-byline']) {
      assert.match(page.body, new RegExp(`id="${id}"[^>]*(lang="fa" dir="rtl"|dir="rtl"[^>]*lang="fa")`), `${id} is edited right-to-left in Persian`);
    }
    assert.ok(page.body.includes('بندر تازه گشایش یافت'));
    assert.match(page.body, /<script type="module" src="\/assets\/editor\.[0-9a-f]{12}\.js"><\/script>/);
    const src = /src="(\/assets\/editor\.[0-9a-f]{12}\.js)"/.exec(page.body)![1]!;
    const script = await app.inject(src);
    assert.equal(script.statusCode, 200);
    assert.match(String(script.headers['cache-control']), /immutable/);
    assert.match(String(script.headers['content-type']), /javascript/);
    // Compressed in the background after the first request; the identity form until then.
    let encoded = '';
    for (let i = 0; i < 100 && encoded !== 'br'; i++) {
      const again = await app.inject({ url: src, headers: { 'accept-encoding': 'br' } });
      encoded = String(again.headers['content-encoding'] ?? '');
      if (encoded !== 'br') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(encoded, 'br');
  });
});
