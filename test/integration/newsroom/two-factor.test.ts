// TOTP two-factor through the screens on every dialect: enrolment with a QR code and a confirmed
// code, recovery codes shown once, sign-in asking for the code after the password (the half
// session can do nothing else), a code not accepted twice, a recovery code used once, turning it
// off with the password, and an admin's reset.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createUser, resetTotp, totpCode } from '../../../src/domain/users/index.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { Browser } from '../../support/newsroom.js';
import { threeEditions } from '../../fixtures/factories.js';

const PASSWORD = 'correct horse battery staple';

eachDialect('newsroom two-factor', (h) => {
  let app: FastifyInstance;
  let n = 0;

  before(async () => {
    await threeEditions(h().ctx());
    app = await buildTestApp(h());
  });
  after(() => app?.close());

  async function enrolled() {
    const email = `totp${++n}@example.org`;
    const user = await createUser(h().ctx(), { email, name: `T ${n}`, role: 'editor', password: PASSWORD });
    const browser = new Browser(app);
    await browser.signIn(email, PASSWORD);
    assert.equal((await browser.post('/admin/account/2fa', {})).statusCode, 303);
    const setup = await browser.get('/admin/account');
    assert.match(setup.body, /<img class="newsroom-qr" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/, 'the QR code is a data: image the CSP allows');
    const secret = /<code dir="ltr">([A-Z2-7]+)<\/code>/.exec(setup.body)![1]!;
    assert.equal((await browser.post('/admin/account/2fa/confirm', { code: '000000' === totpCode(secret, h().clock.now()) ? '111111' : '000000' })).statusCode, 422);
    const confirmed = await browser.post('/admin/account/2fa/confirm', { code: totpCode(secret, h().clock.now()) });
    assert.equal(confirmed.statusCode, 200);
    const codes = [...confirmed.body.matchAll(/<code>([0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4})<\/code>/g)].map((m) => m[1]!);
    assert.equal(codes.length, 10);
    assert.doesNotMatch((await browser.get('/admin/account')).body, new RegExp(codes[0]!), 'recovery codes are shown once');
    const stored = await h().db.storage.db.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', user.id).execute();
    assert.ok(stored.every((r) => !codes.some((c) => r.code_hash.includes(c.replace(/-/g, '')))), 'only hashes are stored');
    return { email, id: user.id, secret, codes };
  }

  it('asks for the code after the password; the half-signed-in session reaches nothing else; a code works once', async () => {
    const { email, secret } = await enrolled();
    h().clock.advance(90_000);
    const browser = new Browser(app);
    const login = await browser.signIn(email, PASSWORD);
    assert.equal(login.statusCode, 303);
    assert.equal(login.headers.location, '/admin/login/code');
    const half = browser.session()!;
    assert.equal((await browser.get('/admin')).headers.location, '/admin/login/code');
    assert.equal((await browser.get('/admin/account')).statusCode, 303);
    const wrong = await browser.post('/admin/login/code', { code: '12345' }, { from: '/admin/login/code' });
    assert.equal(wrong.statusCode, 401);
    const code = totpCode(secret, h().clock.now());
    const ok = await browser.post('/admin/login/code', { code }, { from: '/admin/login/code' });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/admin');
    assert.notEqual(browser.session(), half, 'the full session has a new id');
    assert.equal((await app.inject({ url: '/admin/login/code', headers: { accept: 'text/html', cookie: `dateline_session=${half}` } })).headers.location, '/admin/login');
    assert.equal((await browser.get('/admin')).statusCode, 200);

    const replay = new Browser(app);
    await replay.signIn(email, PASSWORD);
    assert.equal((await replay.post('/admin/login/code', { code }, { from: '/admin/login/code' })).statusCode, 401, 'the same code is not accepted twice');
  });

  it('accepts a recovery code once', async () => {
    const { email, codes, id } = await enrolled();
    const first = new Browser(app);
    await first.signIn(email, PASSWORD);
    assert.equal((await first.post('/admin/login/code', { code: codes[3]!.toUpperCase().replace(/-/g, ' ') }, { from: '/admin/login/code' })).statusCode, 303);
    const used = await h().db.storage.db.selectFrom('recovery_codes').select('used_at').where('user_id', '=', id).execute();
    assert.deepEqual([used.filter((r) => r.used_at !== null).length, used.length], [1, 10]);
    const second = new Browser(app);
    await second.signIn(email, PASSWORD);
    assert.equal((await second.post('/admin/login/code', { code: codes[3]! }, { from: '/admin/login/code' })).statusCode, 401);
  });

  it('the half session expires after five minutes', async () => {
    const { email, secret } = await enrolled();
    const browser = new Browser(app);
    await browser.signIn(email, PASSWORD);
    const form = await browser.get('/admin/login/code');
    h().clock.advance(5 * 60_000 + 1000);
    const late = await browser.post('/admin/login/code', { code: totpCode(secret, h().clock.now()) }, { csrf: /name="_csrf" value="([^"]+)"/.exec(form.body)![1]! });
    assert.equal(late.statusCode, 401);
  });

  it('turns off with the current password, and an admin can reset it', async () => {
    const { email, id } = await enrolled();
    const browser = new Browser(app);
    await browser.signIn(email, PASSWORD);
    assert.equal(browser.cookies.size > 0, true);
    await resetTotp(h().ctx(), id);
    const plain = new Browser(app);
    assert.equal((await plain.signIn(email, PASSWORD)).headers.location, '/admin', 'after the reset the password is enough');

    const again = await enrolled();
    const self = new Browser(app);
    await self.signIn(again.email, PASSWORD);
    await self.post('/admin/login/code', { code: again.codes[0]! }, { from: '/admin/login/code' });
    assert.equal((await self.post('/admin/account/2fa/disable', { password: 'wrong wrong wrong' })).statusCode, 422);
    assert.equal((await self.post('/admin/account/2fa/disable', { password: PASSWORD })).statusCode, 303);
    assert.equal((await new Browser(app).signIn(again.email, PASSWORD)).headers.location, '/admin');
  });
});
