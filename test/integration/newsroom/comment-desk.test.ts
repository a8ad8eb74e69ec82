// The comment moderation desk on every dialect: who may open it, what a moderator sees (emails),
// bulk moves (and the article page showing an approved comment: the cache is purged), the edition
// limit (enforced in the domain), CSRF refusal, and bad input answered 400/422, never 500.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { publishArticle } from '../../../src/domain/articles/index.js';
import { setCommentSettings } from '../../../src/domain/comments/index.js';
import { createUser, updateAccess } from '../../../src/domain/users/index.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { commentPoster } from '../../support/comments.js';
import { Browser } from '../../support/newsroom.js';
import { anArticle, threeEditions } from '../../fixtures/factories.js';
import { catalogs } from '../../../src/i18n/index.js';

const PASSWORD = 'correct horse battery staple';

eachDialect('comment desk', (h) => {
  let app: FastifyInstance;
  let post: ReturnType<typeof commentPoster>;
  const as = async (email: string) => {
    const b = new Browser(app);
    await b.signIn(email, PASSWORD);
    return b;
  };
  const fresh = async (edition = 'en') => {
    const ctx = h().ctx();
    const a = await anArticle(ctx, { edition });
    await publishArticle(ctx, a.id);
    return a;
  };
  const status = async (id: number) => (await h().db.storage.db.selectFrom('comments').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
  const lastId = async () => Number((await h().db.storage.db.selectFrom('comments').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id);

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    for (const [email, role] of [
      ['mod@example.org', 'moderator'],
      ['rep@example.org', 'reporter'],
      ['tr@example.org', 'translator'],
      ['fa-editor@example.org', 'editor'],
    ] as const) {
      await createUser(ctx, { email, name: role, role, password: PASSWORD });
    }
    const ed = await h().db.storage.db.selectFrom('users').select('id').where('email', '=', 'fa-editor@example.org').executeTakeFirstOrThrow();
    await updateAccess(ctx, Number(ed.id), { role: 'editor', editions: ['fa'] });
    app = await buildTestApp(h(), { runJobs: false });
    post = commentPoster(app, h);
    for (const edition of ['en', 'fa']) await setCommentSettings(ctx, edition, { policy: 'hold_all' });
  });
  after(() => app?.close());

  it('shows a moderator the pending comment with its email; reporter and translator get 403', async () => {
    const a = await fresh();
    const { response } = await post('en', a, { email: 'secret-reader@example.org', comment: 'A pending remark about the tides.' });
    assert.equal(response.statusCode, 303);
    const id = await lastId();
    assert.equal(await status(id), 'pending');
    const mod = await as('mod@example.org');
    const page = await mod.get('/admin/comments?state=pending');
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('secret-reader@example.org'));
    assert.ok(page.body.includes(`value="${id}"`));
    for (const email of ['rep@example.org', 'tr@example.org']) {
      const b = await as(email);
      assert.equal((await b.get('/admin/comments')).statusCode, 403, email);
      assert.equal((await b.post('/admin/comments?state=pending', { to: 'approved', ids: String(id) })).statusCode, 403, email);
    }
    assert.equal(await status(id), 'pending');
  });

  it('approves in bulk, answers 303 back to the filter, and the article page then shows the comment', async () => {
    const a = await fresh();
    const url = `/en/news/${a.id}/${encodeURIComponent(a.slug)}`;
    await app.inject(url); // cached before approval
    await post('en', a, { comment: 'Harbour lights were lovely tonight.' });
    const id = await lastId();
    const mod = await as('mod@example.org');
    const res = await mod.post('/admin/comments?state=pending&edition=en', { to: 'approved', ids: [String(id)] }, { from: '/admin/comments' });
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /^\/admin\/comments\?state=pending&edition=en/);
    assert.equal(await status(id), 'approved');
    const again = await mod.post('/admin/comments?state=pending&edition=en', { to: 'approved', ids: [String(id)] }, { from: '/admin/comments' });
    assert.equal(again.statusCode, 303, 'a double submit is harmless');
    assert.ok((await app.inject(url)).body.includes('Harbour lights were lovely tonight.'));
  });

  it('keeps an edition-limited editor to their editions, in the domain', async () => {
    const en = await fresh('en');
    await post('en', en, { comment: 'An English remark for the English desk.' });
    const enId = await lastId();
    const ed = await as('fa-editor@example.org');
    const page = await ed.get('/admin/comments?state=pending');
    assert.equal(page.statusCode, 200);
    assert.ok(!page.body.includes(`value="${enId}"`));
    assert.ok(!page.body.includes('An English remark'));
    const res = await ed.post('/admin/comments?state=pending', { to: 'spam', ids: String(enId) }, { from: '/admin/comments' });
    assert.equal(res.statusCode, 404);
    assert.equal(await status(enId), 'pending');
  });

  it('refuses a post without the CSRF token, and bad input with 400/422', async () => {
    const a = await fresh();
    await post('en', a);
    const id = await lastId();
    const mod = await as('mod@example.org');
    const noCsrf = await mod.post('/admin/comments?state=pending', { to: 'approved', ids: String(id) }, { csrf: null });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(await status(id), 'pending');
    assert.equal((await mod.get('/admin/comments?state=bogus')).statusCode, 400);
    assert.equal((await mod.get('/admin/comments?before=abc')).statusCode, 400);
    assert.equal((await mod.post('/admin/comments?state=bogus', { to: 'approved', ids: String(id) }, { from: '/admin/comments' })).statusCode, 400);
    assert.equal((await mod.post('/admin/comments?state=pending', { to: 'approved', ids: 'x1' }, { from: '/admin/comments' })).statusCode, 400);
    assert.equal((await mod.post('/admin/comments?state=pending', { to: 'publish', ids: String(id) }, { from: '/admin/comments' })).statusCode, 400);
    const empty = await mod.post('/admin/comments?state=pending', { to: 'approved' }, { from: '/admin/comments' });
    assert.equal(empty.statusCode, 422);
    assert.ok(empty.body.includes('role="alert"'));
    assert.equal(await status(id), 'pending');
  });
  it('says why a comment was held, restores a trashed one to pending, and offers every other state as a move', async () => {
    const a = await fresh();
    await post('en', a, { comment: 'Cheap pills at https://spam.example/one and https://spam.example/two today.' });
    const id = await lastId();
    const mod = await as('mod@example.org');
    const en = catalogs.en!;
    const pending = await mod.get('/admin/comments?state=pending');
    const card = pending.body.slice(pending.body.indexOf(`id="comment-${id}"`));
    const item = card.slice(0, card.indexOf('</li>'));
    assert.ok(item.includes('class="desk-why"'), 'the held comment shows why');
    assert.ok(item.includes(en['desk.reason.links'] as string), 'the links reason is named');
    assert.ok(!item.includes(en['desk.reason.policy'] as string), 'a comment held for its links is not said to be held by the rules alone');
    const moves = (html: string) => [...html.matchAll(/<button type="submit" name="to" value="([a-z]+)"/g)].map((m) => m[1]);
    assert.deepEqual(moves(pending.body), ['approved', 'spam', 'trash']);

    assert.equal((await mod.post('/admin/comments?state=pending', { to: 'trash', ids: String(id) }, { from: '/admin/comments' })).statusCode, 303);
    assert.equal(await status(id), 'trash');
    const trash = await mod.get('/admin/comments?state=trash');
    assert.deepEqual(moves(trash.body), ['pending', 'approved', 'spam']);
    assert.ok(trash.body.includes('data-key="p"'), 'the keyboard enhancement finds its buttons');
    assert.match(trash.body, /<script type="module" src="\/assets\/desk\.[0-9a-f]{12}\.js"><\/script>/);
    const back = await mod.post('/admin/comments?state=trash', { to: 'pending', ids: String(id) }, { from: '/admin/comments' });
    assert.equal(back.statusCode, 303);
    assert.equal(await status(id), 'pending');
    const script = await app.inject(String(/src="(\/assets\/desk\.[0-9a-f]{12}\.js)"/.exec(trash.body)?.[1]));
    assert.equal(script.statusCode, 200);
    assert.match(String(script.headers['content-type']), /javascript/);
  });
  it('counts pending comments in the menu, within the moderator\'s editions, and not for other roles', async () => {
    await post('en', await fresh('en'));
    await post('fa', await fresh('fa'));
    const pendingIn = async (editions: string[]) =>
      Number(
        (
          await h()
            .db.storage.db.selectFrom('comments')
            .innerJoin('articles', 'articles.id', 'comments.article_id')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('comments.status', '=', 'pending')
            .where('articles.edition_code', 'in', editions)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const badge = (html: string) => /<span class="newsroom-badge" aria-hidden="true">([^<]*)<\/span>/.exec(html)?.[1];
    const mod = await as('mod@example.org');
    assert.equal(badge((await mod.get('/admin')).body), String(await pendingIn(['en', 'fa', 'ar'])));
    const faEditor = await as('fa-editor@example.org');
    const faCount = await pendingIn(['fa']);
    assert.ok(faCount > 0 && faCount < (await pendingIn(['en', 'fa', 'ar'])));
    assert.equal(badge((await faEditor.get('/admin/account')).body), new Intl.NumberFormat('en').format(faCount));
    const rep = await as('rep@example.org');
    assert.equal(badge((await rep.get('/admin')).body), undefined, 'a reporter has no desk and no count');
  });
  it('exports a reader\'s data as a file and erases it only when confirmed, within the moderator\'s editions', async () => {
    const enArticle = await fresh('en');
    const faArticle = await fresh('fa');
    const email = 'leaving-reader@example.org';
    await post('en', enArticle, { email, comment: 'My English remark.' });
    const enId = await lastId();
    await post('fa', faArticle, { email, comment: 'نظر فارسی من' });
    const faId = await lastId();
    const mod = await as('mod@example.org');
    const from = { from: '/admin/comments' };

    const file = await mod.post('/admin/comments/privacy', { email: 'Leaving-Reader@Example.org', action: 'export' }, from);
    assert.equal(file.statusCode, 200);
    assert.match(String(file.headers['content-disposition']), /^attachment; filename="commenter-data\.json"$/);
    const data = file.json() as { email: string; comments: Array<{ id: number; email: string }> };
    assert.deepEqual(data.comments.map((c) => c.id).sort(), [enId, faId].sort());
    assert.equal(data.email, email);

    const faEditor = await as('fa-editor@example.org');
    const faOnly = (await faEditor.post('/admin/comments/privacy', { email, action: 'export' }, from)).json() as { comments: Array<{ id: number }> };
    assert.deepEqual(faOnly.comments.map((c) => c.id), [faId], 'an fa editor exports the fa comments only');

    assert.equal((await mod.post('/admin/comments/privacy', { email: 'not an address', action: 'export' }, from)).statusCode, 422);
    assert.equal((await mod.post('/admin/comments/privacy', { email, action: 'shred' }, from)).statusCode, 400);
    const unconfirmed = await mod.post('/admin/comments/privacy', { email, action: 'erase' }, from);
    assert.equal(unconfirmed.statusCode, 422);
    assert.ok(unconfirmed.body.includes('aria-invalid="true"'));
    const rep = await as('rep@example.org');
    assert.equal((await rep.post('/admin/comments/privacy', { email, action: 'export' }, { from: '/admin/account' })).statusCode, 403);
    assert.equal((await mod.post('/admin/comments/privacy', { email, action: 'erase', confirm: 'yes' }, { ...from, csrf: null })).statusCode, 403);
    const erasedAt = async (id: number) => (await h().db.storage.db.selectFrom('comments').select('erased_at').where('id', '=', id).executeTakeFirstOrThrow()).erased_at;
    assert.equal(await erasedAt(enId), null);

    const faErase = await faEditor.post('/admin/comments/privacy', { email, action: 'erase', confirm: 'yes' }, from);
    assert.equal(faErase.statusCode, 303);
    assert.notEqual(await erasedAt(faId), null);
    assert.equal(await erasedAt(enId), null, 'the fa editor cannot erase the en comment');
    const erase = await mod.post('/admin/comments/privacy', { email, action: 'erase', confirm: 'yes' }, from);
    assert.equal(erase.statusCode, 303);
    assert.match(String(erase.headers.location), /erased=1$/);
    assert.notEqual(await erasedAt(enId), null);
    const again = await mod.post('/admin/comments/privacy', { email, action: 'export' }, from);
    assert.equal(again.statusCode, 200);
    assert.match(String(again.headers['content-type']), /text\/html/, 'nothing left to export');
  });
});
