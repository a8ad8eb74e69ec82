// Invitations on every dialect: an admin creates one on the users screen (the link is shown) or
// with `dateline user invite` (the link is printed); the invitee sets name and password once; a
// spent or expired link is 410, an unknown one 404; the new account has the role and editions.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createInvitation, createUser, INVITATION_TTL_MS, listAccounts } from '../../../src/domain/users/index.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { runCli } from '../../support/cli.js';
import { Browser } from '../../support/newsroom.js';
import { threeEditions } from '../../fixtures/factories.js';

const PASSWORD = 'correct horse battery staple';

eachDialect('newsroom invitations', (h) => {
  let app: FastifyInstance;
  let admin: Browser;

  before(async () => {
    await threeEditions(h().ctx());
    await createUser(h().ctx(), { email: 'boss@example.org', name: 'Boss', role: 'admin', password: PASSWORD });
    app = await buildTestApp(h());
    admin = new Browser(app);
    await admin.signIn('boss@example.org', PASSWORD);
  });
  after(() => app?.close());

  it('shows a one-time link on the users screen; the invitee joins once with the role and editions chosen', async () => {
    const created = await admin.post('/admin/users/invite', { email: 'New.Reporter@example.org', role: 'reporter', editions: ['fa', 'ar'] }, { from: '/admin/users' });
    assert.equal(created.statusCode, 201);
    const link = /id="invite-link"[^>]*value="([^"]+)"/.exec(created.body)?.[1] ?? /value="(https:\/\/news\.example\.org\/admin\/invite\/[^"]+)"/.exec(created.body)?.[1];
    assert.ok(link?.startsWith('https://news.example.org/admin/invite/'), 'the link uses BASE_URL');
    const path = new URL(link!).pathname;
    const invitee = new Browser(app);
    const form = await invitee.get(path);
    assert.equal(form.statusCode, 200);
    assert.equal((await invitee.post(path, { name: 'Nadia', password: 'short' }, { from: path })).statusCode, 422);
    assert.equal((await invitee.post(path, { name: '', password: 'a good long passphrase' }, { from: path })).statusCode, 422);
    const joined = await invitee.post(path, { name: 'Nadia', password: 'a good long passphrase' }, { from: path });
    assert.equal(joined.statusCode, 201);
    const again = await new Browser(app).get(path);
    assert.equal(again.statusCode, 410, 'used once');
    const account = (await listAccounts(h().ctx())).find((a) => a.email === 'new.reporter@example.org')!;
    assert.deepEqual([account.role, account.editions, account.name], ['reporter', ['ar', 'fa'], 'Nadia']);
    const signIn = await new Browser(app).signIn('new.reporter@example.org', 'a good long passphrase');
    assert.equal(signIn.headers.location, '/admin', 'no forced change: the invitee chose the password');
  });

  it('refuses bad invitations: a taken email 409, an unknown role or edition 422, a non-admin 403', async () => {
    assert.equal((await admin.post('/admin/users/invite', { email: 'boss@example.org', role: 'editor' }, { from: '/admin/users' })).statusCode, 409);
    assert.equal((await admin.post('/admin/users/invite', { email: 'x@example.org', role: 'chief' }, { from: '/admin/users' })).statusCode, 422);
    assert.equal((await admin.post('/admin/users/invite', { email: 'x@example.org', role: 'editor', editions: 'zz' }, { from: '/admin/users' })).statusCode, 422);
    await createUser(h().ctx(), { email: 'ed@example.org', name: 'Ed', role: 'editor', password: PASSWORD });
    const editor = new Browser(app);
    await editor.signIn('ed@example.org', PASSWORD);
    assert.equal((await editor.post('/admin/users/invite', { email: 'y@example.org', role: 'admin' }, { from: '/admin' })).statusCode, 403);
  });

  it('an expired link is 410 and an unknown one 404; a second use racing the first loses', async () => {
    const expired = await createInvitation(h().ctx(), { email: 'late@example.org', role: 'editor' });
    h().clock.advance(INVITATION_TTL_MS + 1000);
    assert.equal((await new Browser(app).get(`/admin/invite/${expired.token}`)).statusCode, 410);
    assert.equal((await new Browser(app).get(`/admin/invite/${'A'.repeat(43)}`)).statusCode, 404);
    assert.equal((await new Browser(app).get('/admin/invite/short')).statusCode, 404);

    const twice = await createInvitation(h().ctx(), { email: 'twice@example.org', role: 'translator' });
    const path = `/admin/invite/${twice.token}`;
    const [a, b] = [new Browser(app), new Browser(app)];
    const [ta, tb] = [/name="_csrf" value="([^"]+)"/.exec((await a.get(path)).body)![1]!, /name="_csrf" value="([^"]+)"/.exec((await b.get(path)).body)![1]!];
    const results = await Promise.all([a.post(path, { name: 'A', password: 'a good long passphrase' }, { csrf: ta }), b.post(path, { name: 'B', password: 'another long passphrase' }, { csrf: tb })]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 410]);
  });

  it('`dateline user invite` prints the link; deactivate and reset-2fa act by email', async () => {
    const env = { ...h().db.env, BASE_URL: 'https://news.example.org' };
    const help = await runCli(['user', 'invite', '--help'], env);
    assert.equal(help.code, 0);
    const printed = await runCli(['user', 'invite', '--email', 'cli@example.org', '--role', 'editor', '--edition', 'en'], env);
    assert.equal(printed.code, 0, printed.stderr);
    const link = printed.stdout.trim().split('\n').pop()!;
    assert.match(link, /^https:\/\/news\.example\.org\/admin\/invite\/[A-Za-z0-9_-]{43}$/);
    h().clock.set(new Date().toISOString());
    assert.equal((await new Browser(app).get(new URL(link).pathname)).statusCode, 200);
    const bad = await runCli(['user', 'invite', '--email', 'cli2@example.org', '--role', 'editor', '--edition', 'zz'], env);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /--edition: .*\(USER_INVALID\)/);

    await createUser(h().ctx(), { email: 'leaver@example.org', name: 'Leaver', role: 'reporter', password: PASSWORD });
    const leaver = new Browser(app);
    await leaver.signIn('leaver@example.org', PASSWORD);
    assert.equal((await leaver.get('/admin')).statusCode, 200);
    const off = await runCli(['user', 'deactivate', '--email', 'Leaver@example.org'], env);
    assert.equal(off.code, 0, off.stderr);
    assert.equal((await leaver.get('/admin')).statusCode, 303, 'the session ended at once');
    assert.equal((await runCli(['user', 'deactivate', '--email', 'nobody@example.org'], env)).code, 1);
    assert.equal((await runCli(['user', 'reset-2fa', '--email', 'leaver@example.org'], env)).code, 0);
  });
});
