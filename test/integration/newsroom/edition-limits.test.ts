// Accounts limited to editions, on every dialect: the limit is enforced in the domain for article
// reads (one and lists) and writes (create, edit, transitions, translations), for every role, and
// reaches the Admin API unchanged (bearer tokens carry the same actor). Set by an admin on the
// users screen; an unlimited account still works everywhere.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../../src/core/context.js';
import { isDomainError } from '../../../src/core/errors.js';
import { createTranslation, getArticle, listArticles, publishArticle, submitForReview, updateArticle } from '../../../src/domain/articles/index.js';
import { assertInEdition } from '../../../src/domain/editions/index.js';
import { createApiToken, createUser, findActorByToken, updateAccess } from '../../../src/domain/users/index.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { Browser } from '../../support/newsroom.js';
import { anArticle, articleInput, threeEditions } from '../../fixtures/factories.js';

const PASSWORD = 'correct horse battery staple';

const refusal = async (work: () => Promise<unknown>) => {
  try {
    await work();
    return 'allowed';
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
};

eachDialect('edition limits', (h) => {
  let app: FastifyInstance;
  let editor: Actor;
  let reporter: Actor;
  let token: string;

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    const ed = await createUser(ctx, { email: 'fa-editor@example.org', name: 'Farid', role: 'editor', password: PASSWORD });
    const rep = await createUser(ctx, { email: 'fa-reporter@example.org', name: 'Roya', role: 'reporter', password: PASSWORD });
    await createUser(ctx, { email: 'admin@example.org', name: 'Ada', role: 'admin', password: PASSWORD });
    await updateAccess(ctx, ed.id, { role: 'editor', editions: ['fa'] });
    await updateAccess(ctx, rep.id, { role: 'reporter', editions: ['fa'] });
    token = await createApiToken(ctx, { email: 'fa-editor@example.org', name: 'script' });
    editor = (await findActorByToken(ctx, token))!;
    reporter = { kind: 'user', id: rep.id, role: 'reporter', name: 'Roya', editions: ['fa'] };
    app = await buildTestApp(h());
  });
  after(() => app?.close());

  it('carries the limit on the actor of a token', () => {
    assert.deepEqual(editor.kind === 'user' && editor.editions, ['fa']);
  });

  it('refuses reads and writes outside the editions, in the domain, and allows them inside', async () => {
    const ctx = h().ctx();
    const english = await anArticle(ctx, { edition: 'en' });
    const persian = await anArticle(ctx, { edition: 'fa', headline: 'بندر تازه' });
    const as = (actor: Actor) => h().ctx(actor);
    const table: Array<[string, () => Promise<unknown>, string]> = [
      ['read en', () => getArticle(as(editor), english.id), 'ARTICLE_FORBIDDEN'],
      ['read fa', () => getArticle(as(editor), persian.id), 'allowed'],
      ['edit en', () => updateArticle(as(editor), english.id, { headline: 'Changed' }), 'ARTICLE_FORBIDDEN'],
      ['publish en', () => publishArticle(as(editor), english.id), 'ARTICLE_FORBIDDEN'],
      ['create en', () => anArticle(as(editor), { edition: 'en' }), 'ARTICLE_FORBIDDEN'],
      ['create ar', () => anArticle(as(reporter), { edition: 'ar' }), 'ARTICLE_FORBIDDEN'],
      ['translate fa → en', () => createTranslation(as(editor), persian.id, articleInput({ edition: 'en' })), 'ARTICLE_FORBIDDEN'],
      ['translate en → fa', () => createTranslation(as(editor), english.id, articleInput({ edition: 'fa', headline: 'ترجمه' })), 'allowed'],
    ];
    for (const [label, work, expected] of table) assert.equal(await refusal(work), expected, label);
    assert.equal(await refusal(() => publishArticle(as(editor), persian.id)), 'allowed', 'publish inside the limit');
    const own = await anArticle(as(reporter), { edition: 'fa', headline: 'گزارش من' });
    assert.equal(await refusal(() => submitForReview(as(reporter), own.id)), 'allowed');
    assert.equal(assertInEdition(editor, 'fa'), undefined);
    assert.throws(() => assertInEdition(editor, 'en'), (e: unknown) => isDomainError(e) && e.code === 'EDITION_FORBIDDEN' && e.kind === 'Forbidden');
  });

  it('keeps lists inside the limit (the condition is in the query)', async () => {
    const ctx = h().ctx();
    for (const edition of ['en', 'ar', 'fa']) await anArticle(ctx, { edition, headline: `Listed ${edition} بند` });
    const page = await listArticles(h().ctx(editor), { limit: 100 });
    assert.ok(page.items.length > 0);
    assert.deepEqual([...new Set(page.items.map((i) => i.edition))], ['fa']);
    const all = await listArticles(h().ctx(), { limit: 100 });
    assert.ok(new Set(all.items.map((i) => i.edition)).size === 3, 'the system sees every edition');
  });

  it('applies to the Admin API with the token unchanged', async () => {
    const english = await anArticle(h().ctx(), { edition: 'en' });
    const response = await app.inject({ url: `/api/admin/v1/articles/${english.id}`, headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.statusCode, 403);
    assert.deepEqual(JSON.parse(response.body).errors.map((e: { code: string }) => e.code), ['ARTICLE_FORBIDDEN']);
  });

  it('is set by an admin on the users screen; an empty choice means every edition', async () => {
    const admin = new Browser(app);
    await admin.signIn('admin@example.org', PASSWORD);
    const id = editor.kind === 'user' ? editor.id : 0;
    assert.equal((await admin.post(`/admin/users/${id}/access`, { role: 'editor', editions: ['fa', 'ar'] }, { from: '/admin/users' })).statusCode, 303);
    assert.deepEqual((await findActorByToken(h().ctx(), token))!.kind === 'user' && (await findActorByToken(h().ctx(), token) as { editions?: string[] }).editions, ['ar', 'fa']);
    assert.equal((await admin.post(`/admin/users/${id}/access`, { role: 'editor' }, { from: '/admin/users' })).statusCode, 303);
    assert.equal(((await findActorByToken(h().ctx(), token)) as { editions?: string[] }).editions, undefined);
    assert.equal((await admin.post(`/admin/users/${id}/access`, { role: 'chief' }, { from: '/admin/users' })).statusCode, 422);
    const self = (await h().db.storage.db.selectFrom('users').select('id').where('email', '=', 'admin@example.org').executeTakeFirstOrThrow()).id;
    assert.equal((await admin.post(`/admin/users/${self}/access`, { role: 'editor' }, { from: '/admin/users' })).statusCode, 409, 'no self-demotion');
    assert.equal((await admin.post(`/admin/users/${self}/deactivate`, {}, { from: '/admin/users' })).statusCode, 409, 'no self-deactivation');
    assert.equal((await admin.post('/admin/users/999999/deactivate', {}, { from: '/admin/users' })).statusCode, 404);
  });
});
