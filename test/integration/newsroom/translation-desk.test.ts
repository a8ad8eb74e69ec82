// The translation desk on every dialect: a translator limited to Persian opens an English story,
// creates the Persian translation (linked to the story, with the source revision recorded),
// sees it flagged outdated once the source changes and cleared once the translation is updated;
// a double create and a stale update are 409; the edition limit holds (403 into Arabic); a bad
// `to` is 404 (unknown) or 422 (the source's own edition); invalid fields re-render with 422.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createTranslation, documentText, getArticle, publishArticle, updateArticle, type BodyDocument } from '../../../src/domain/articles/index.js';
import { createUser, updateAccess } from '../../../src/domain/users/index.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { Browser } from '../../support/newsroom.js';
import { anArticle, threeEditions } from '../../fixtures/factories.js';

const PASSWORD = 'correct horse battery staple';

eachDialect('translation desk', (h) => {
  let app: FastifyInstance;
  const as = async (email: string) => {
    const b = new Browser(app);
    await b.signIn(email, PASSWORD);
    return b;
  };
  const source = async () => {
    const ctx = h().ctx();
    const a = await anArticle(ctx, { headline: 'Harbour reopens after the storm', body: 'Boats returned on Monday.\n\nThe port authority thanked the crews.' });
    await publishArticle(ctx, a.id);
    return a;
  };
  const translationOf = (storyId: number, edition: string) =>
    h().db.storage.db.selectFrom('articles').selectAll().where('story_id', '=', storyId).where('edition_code', '=', edition).executeTakeFirst();

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    for (const [email, role] of [
      ['tr-fa@example.org', 'translator'],
      ['ed@example.org', 'editor'],
      ['rep@example.org', 'reporter'],
    ] as const) {
      await createUser(ctx, { email, name: role, role, password: PASSWORD });
    }
    const tr = await h().db.storage.db.selectFrom('users').select('id').where('email', '=', 'tr-fa@example.org').executeTakeFirstOrThrow();
    await updateAccess(ctx, Number(tr.id), { role: 'translator', editions: ['fa'] });
    app = await buildTestApp(h(), { runJobs: false });
  });
  after(() => app?.close());

  it('creates the translation, flags it outdated after the source changes, and clears the flag on update', async () => {
    const a = await source();
    const tr = await as('tr-fa@example.org');
    const desk = `/admin/articles/${a.id}/translate?to=fa`;
    const page = await tr.get(desk);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('Harbour reopens after the storm'), 'the source is shown');
    assert.match(page.body, /<article class="story-source" lang="en" dir="ltr"/);
    assert.match(page.body, /<input id="tr-headline" name="headline" type="text" lang="fa" dir="rtl"/);
    assert.ok(!page.body.includes('name="expectedVersion"'), 'a new translation has no version yet');
    assert.ok(!page.body.includes('?to=ar'), 'a translator limited to Persian is not offered Arabic');

    const created = await tr.post(desk, { headline: 'بندر پس از توفان بازگشایی شد', dek: '', body: 'قایق‌ها دوشنبه بازگشتند.\n\nسازمان بندر از خدمه قدردانی کرد.', sourceRevision: '1' }, { from: desk });
    assert.equal(created.statusCode, 303);
    assert.equal(created.headers.location, `${desk}&saved`);
    const row = await translationOf(a.storyId, 'fa');
    assert.ok(row, 'the translation is in the same story');
    assert.equal(row.source_article_id, a.id);
    assert.equal(row.source_revision, 1);
    assert.equal(row.status, 'draft');

    // A second create from the same form (double submit) must not overwrite: 409.
    const twice = await tr.post(desk, { headline: 'دوباره', body: 'متن دوم', sourceRevision: '1' }, { from: '/admin/account' });
    assert.equal(twice.statusCode, 409);
    assert.equal((await getArticle(h().ctx(), row.id)).headline, 'بندر پس از توفان بازگشایی شد');

    const listed = await tr.get(desk);
    assert.ok(listed.body.includes(`name="expectedVersion" value="${row.version}"`), 'the form now edits the translation');
    assert.ok(!listed.body.includes('story-flag-outdated'));

    // The source changes: the translation is outdated (on its desk and in the editions list).
    await updateArticle(h().ctx(), a.id, { body: 'Boats returned on Tuesday.\n\nThe port authority thanked the crews.' });
    const outdated = await tr.get(desk);
    assert.ok(outdated.body.includes('story-flag-outdated'));
    assert.ok(outdated.body.includes('name="sourceRevision" value="2"'));

    // A stale version is refused; the current one updates and clears the flag.
    const stale = await tr.post(desk, { headline: 'بندر بازگشایی شد', body: 'قایق‌ها سه‌شنبه بازگشتند.', expectedVersion: String(row.version + 5), sourceRevision: '2' }, { from: '/admin/account' });
    assert.equal(stale.statusCode, 409);
    const updated = await tr.post(desk, { headline: 'بندر پس از توفان بازگشایی شد', dek: '', body: 'قایق‌ها سه‌شنبه بازگشتند.\n\nسازمان بندر از خدمه قدردانی کرد.', expectedVersion: String(row.version), sourceRevision: '2' }, { from: '/admin/account' });
    assert.equal(updated.statusCode, 303);
    const after = await translationOf(a.storyId, 'fa');
    assert.equal(after?.source_revision, 2);
    assert.equal(after?.version, row.version + 1);
    assert.ok(!(await tr.get(desk)).body.includes('story-flag-outdated'));
  });

  it('keeps a translator to their editions (403 into Arabic), and refuses roles that do not translate', async () => {
    const a = await source();
    const tr = await as('tr-fa@example.org');
    assert.equal((await tr.get(`/admin/articles/${a.id}/translate?to=ar`)).statusCode, 403);
    const post = await tr.post(`/admin/articles/${a.id}/translate?to=ar`, { headline: 'عنوان', body: 'نص' }, { from: '/admin/account' });
    assert.equal(post.statusCode, 403);
    assert.equal(await translationOf(a.storyId, 'ar'), undefined);
    const rep = await as('rep@example.org');
    assert.equal((await rep.get(`/admin/articles/${a.id}/translate?to=fa`)).statusCode, 403);
    // An editor (no limit) may translate into Arabic.
    const ed = await as('ed@example.org');
    const ok = await ed.post(`/admin/articles/${a.id}/translate?to=ar`, { headline: 'عاد الميناء بعد العاصفة', body: 'عادت القوارب يوم الاثنين.' }, { from: '/admin/account' });
    assert.equal(ok.statusCode, 303);
    assert.equal((await translationOf(a.storyId, 'ar'))?.source_revision, 1);
  });

  it('answers a bad `to` with 404 or 422, and invalid fields with 422 and the input kept', async () => {
    const a = await source();
    const ed = await as('ed@example.org');
    assert.equal((await ed.get(`/admin/articles/${a.id}/translate?to=xx`)).statusCode, 404);
    assert.equal((await ed.get(`/admin/articles/${a.id}/translate?to=%3Cscript%3E`)).statusCode, 404);
    assert.equal((await ed.get(`/admin/articles/${a.id}/translate?to=en`)).statusCode, 422);
    assert.equal((await ed.get('/admin/articles/999999/translate?to=fa')).statusCode, 404);
    const chooser = await ed.get(`/admin/articles/${a.id}/translate`);
    assert.equal(chooser.statusCode, 200);
    assert.ok(chooser.body.includes(`/admin/articles/${a.id}/translate?to=fa`));
    assert.equal((await ed.post(`/admin/articles/${a.id}/translate`, { headline: 'x', body: 'y' }, { from: '/admin/account' })).statusCode, 400);
    const empty = await ed.post(`/admin/articles/${a.id}/translate?to=fa`, { headline: '', body: 'متن <b>نگه‌داشته</b>' }, { from: '/admin/account' });
    assert.equal(empty.statusCode, 422);
    assert.ok(empty.body.includes('role="alert"'));
    assert.ok(empty.body.includes('aria-invalid="true"'));
    assert.ok(empty.body.includes('متن &lt;b>نگه‌داشته&lt;/b>') || empty.body.includes('متن &lt;b&gt;نگه‌داشته&lt;/b&gt;'), 'the input is kept, escaped');
    assert.equal(await translationOf(a.storyId, 'fa'), undefined);
    const badVersion = await ed.post(`/admin/articles/${a.id}/translate?to=fa`, { headline: 'h', body: 'b', expectedVersion: 'abc' }, { from: '/admin/account' });
    assert.equal(badVersion.statusCode, 422);
    const futureRevision = await ed.post(`/admin/articles/${a.id}/translate?to=fa`, { headline: 'h', body: 'b', sourceRevision: '9' }, { from: '/admin/account' });
    assert.equal(futureRevision.statusCode, 422);
  });

  it('keeps a translation’s formatting when its body comes back unchanged from the text form', async () => {
    const a = await source();
    const doc: BodyDocument = {
      type: 'doc',
      content: [
        { type: 'heading', level: 2, content: [{ type: 'text', text: 'میان‌تیتر' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'بندی با ' }, { type: 'text', text: 'پیوند', marks: [{ type: 'link', href: 'https://example.org/' }] }] },
      ],
    };
    const existing = await createTranslation(h().ctx(), a.id, { edition: 'fa', headline: 'تیتر نخست', body: doc });
    const ed = await as('ed@example.org');
    const desk = `/admin/articles/${a.id}/translate?to=fa`;
    assert.ok((await ed.get(desk)).body.includes('aria-describedby="tr-body-hint"'));
    // Browsers send textarea lines as CRLF.
    const typed = documentText(doc).replace(/\n/g, '\r\n');
    const res = await ed.post(desk, { headline: 'تیتر تازه', dek: '', body: typed, expectedVersion: String(existing.version) }, { from: '/admin/account' });
    assert.equal(res.statusCode, 303);
    const now = await getArticle(h().ctx(), existing.id);
    assert.equal(now.headline, 'تیتر تازه');
    assert.deepEqual(now.body, doc);
  });
});
