// Sign-in over a real database on every dialect: statuses of success and failure, no user
// enumeration, session rotation, idle and absolute expiry on an injected clock, sign-out here and
// everywhere, CSRF refusals, throttling per account and per address (429 + Retry-After, shared
// through the database), the forced password change, and a deactivated account's session.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createUser, deactivateUser, THROTTLE } from '../../../src/domain/users/index.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { Browser, csrfOf } from '../../support/newsroom.js';
import { threeEditions } from '../../fixtures/factories.js';

const PASSWORD = 'correct horse battery staple';

eachDialect('newsroom sign-in', (h) => {
  let app: FastifyInstance;
  let n = 0;
  const account = async (role: 'admin' | 'editor' | 'reporter' = 'editor', extra: { mustChangePassword?: boolean } = {}) => {
    const email = `person${++n}@example.org`;
    const user = await createUser(h().ctx(), { email, name: `Person ${n}`, role, password: PASSWORD, ...extra });
    return { email, id: user.id };
  };

  before(async () => {
    await threeEditions(h().ctx());
    app = await buildTestApp(h());
  });
  after(() => app?.close());

  it('signs in with 303 and a session cookie (HttpOnly, SameSite=Lax, Path=/admin), and refuses a wrong password with 401', async () => {
    const { email } = await account();
    const browser = new Browser(app);
    const login = await browser.get('/admin/login');
    assert.equal(login.statusCode, 200);
    assert.equal(login.headers['cache-control'], 'no-store');
    assert.match(login.body, /<form method="post" action="\/admin\/login"/);
    const wrong = await browser.signIn(email, 'not the password at all');
    assert.equal(wrong.statusCode, 401);
    assert.equal(browser.session(), undefined);
    assert.match(wrong.body, /role="alert"/);
    const ok = await browser.signIn(email, PASSWORD);
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/admin');
    const cookie = ([] as string[]).concat(ok.headers['set-cookie'] as string[]).find((c) => c.startsWith('dateline_session='))!;
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.match(cookie, /Path=\/admin/);
    assert.doesNotMatch(cookie, /Secure/, 'plain HTTP (inject) gets no Secure flag');
    const home = await browser.get('/admin');
    assert.equal(home.statusCode, 200);
    assert.equal(home.headers['cache-control'], 'no-store');
    // Only a hash of the id is stored.
    const rows = await h().db.storage.db.selectFrom('sessions').select('token_hash').execute();
    assert.ok(rows.every((r) => r.token_hash !== browser.session()));
  });

  it('answers an unknown email exactly as a wrong password, after comparable work', async () => {
    const { email } = await account();
    const time = async (address: string) => {
      const started = performance.now();
      const response = await new Browser(app, { ip: '10.9.9.9' }).signIn(address, 'wrong password here');
      return { response, ms: performance.now() - started };
    };
    await time('warm-up@example.org');
    const known = await time(email);
    const unknown = await time('nobody-here@example.org');
    assert.equal(unknown.response.statusCode, known.response.statusCode);
    const strip = (body: string) => body.replace(/value="[^"]*"/g, '');
    assert.equal(strip(unknown.response.body), strip(known.response.body));
    assert.ok(unknown.ms > known.ms / 4, `unknown ${unknown.ms.toFixed(0)} ms vs known ${known.ms.toFixed(0)} ms: argon2 ran for both`);
  });

  it('rotates the session id at sign-in: the id the browser came with is dead', async () => {
    const { email } = await account();
    const browser = new Browser(app);
    // The sign-in form's token, kept from before the first sign-in (a signed-in browser asking for
    // /admin/login is sent on to /admin).
    const form = csrfOf((await browser.get('/admin/login')).body);
    await browser.post('/admin/login', { email, password: PASSWORD }, { csrf: form });
    const first = browser.session()!;
    await browser.post('/admin/login', { email, password: PASSWORD }, { csrf: form });
    const second = browser.session()!;
    assert.notEqual(first, second);
    const old = await app.inject({ url: '/admin', headers: { accept: 'text/html', cookie: `dateline_session=${first}` } });
    assert.equal(old.statusCode, 303);
    assert.equal(old.headers.location, '/admin/login');
    assert.equal((await browser.get('/admin')).statusCode, 200);
  });

  it('ends a session after the idle time and at the absolute age, whatever its use', async () => {
    const { email } = await account();
    const idle = new Browser(app);
    await idle.signIn(email, PASSWORD);
    h().clock.advance(59 * 60_000);
    assert.equal((await idle.get('/admin')).statusCode, 200, 'used within the idle time');
    h().clock.advance(59 * 60_000);
    assert.equal((await idle.get('/admin')).statusCode, 200, 'the last request renewed it');
    h().clock.advance(61 * 60_000);
    assert.equal((await idle.get('/admin')).statusCode, 303, 'idle for 61 minutes: gone');

    const busy = new Browser(app);
    await busy.signIn(email, PASSWORD);
    for (let hour = 0; hour < 11; hour++) {
      h().clock.advance(55 * 60_000);
      assert.equal((await busy.get('/admin')).statusCode, 200, `still alive after ${hour + 1} requests`);
    }
    h().clock.advance(2 * 3_600_000 - 11 * 55 * 60_000 + 10 * 3_600_000 + 60_000);
    assert.equal((await busy.get('/admin')).statusCode, 303, 'over 12 hours old: gone');
  });

  it('signs out here (that session only) and everywhere (every session of the account)', async () => {
    const { email } = await account();
    const [a, b, c] = [new Browser(app), new Browser(app), new Browser(app)];
    for (const browser of [a, b, c]) await browser.signIn(email, PASSWORD);
    const out = await a.post('/admin/logout', {}, { from: '/admin' });
    assert.equal(out.statusCode, 303);
    assert.equal(a.session(), undefined);
    assert.equal((await b.get('/admin')).statusCode, 200, 'another session stays');
    const account_ = await b.get('/admin/account');
    assert.equal((account_.body.match(/<tr>/g) ?? []).length - 1, 2, 'two sessions listed');
    const everywhere = await b.post('/admin/logout/everywhere', {});
    assert.equal(everywhere.statusCode, 303);
    assert.equal((await c.get('/admin')).statusCode, 303, 'the third browser is signed out too');
    assert.equal((await b.get('/admin')).statusCode, 303);
  });

  it('refuses a state-changing request without the token, with a wrong one, or from a foreign origin (403)', async () => {
    const { email } = await account();
    const browser = new Browser(app);
    await browser.signIn(email, PASSWORD);
    const token = csrfOf((await browser.get('/admin/account')).body);
    const noToken = await browser.post('/admin/account/language', { language: 'fa' }, { csrf: null });
    assert.equal(noToken.statusCode, 403);
    const wrong = await browser.post('/admin/account/language', { language: 'fa' }, { csrf: token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) });
    assert.equal(wrong.statusCode, 403);
    const foreign = await browser.post('/admin/account/language', { language: 'fa' }, { csrf: token, origin: 'https://evil.example' });
    assert.equal(foreign.statusCode, 403);
    const none = await browser.post('/admin/account/language', { language: 'fa' }, { csrf: token, origin: null });
    assert.equal(none.statusCode, 403, 'neither Origin nor Referer');
    const byReferer = await browser.post('/admin/account/language', { language: 'fa' }, { csrf: token, origin: null, headers: { referer: 'https://news.example.org/admin/account' } });
    assert.equal(byReferer.statusCode, 303, 'a same-origin Referer stands in for Origin');
    const byHeader = await app.inject({
      method: 'POST',
      url: '/admin/account/language',
      headers: { cookie: browser.header(), origin: 'https://news.example.org', 'x-csrf-token': token, 'content-type': 'application/json' },
      payload: JSON.stringify({ language: '' }),
    });
    assert.equal(byHeader.statusCode, 303, 'fetch sends the token as a header');
    // The sign-in form is protected too (login CSRF): its token is a double-submitted cookie.
    const loginCsrf = await new Browser(app).post('/admin/login', { email, password: PASSWORD }, { csrf: 'x'.repeat(32) });
    assert.equal(loginCsrf.statusCode, 403);
    const loginForeign = await new Browser(app).post('/admin/login', { email, password: PASSWORD }, { from: '/admin/login', origin: 'https://evil.example' });
    assert.equal(loginForeign.statusCode, 403);
  });

  it('throttles an account after its failures with 429 and Retry-After, even from many addresses, and forgives nothing early', async () => {
    const { email } = await account();
    for (let i = 0; i < THROTTLE.account; i++) {
      const r = await new Browser(app, { ip: `10.1.0.${i + 1}` }).signIn(email, 'wrong wrong wrong');
      assert.equal(r.statusCode, 401, `failure ${i + 1}`);
    }
    const blocked = await new Browser(app, { ip: '10.1.1.1' }).signIn(email, PASSWORD);
    assert.equal(blocked.statusCode, 429, 'the right password does not pass the throttle');
    const wait = Number(blocked.headers['retry-after']);
    assert.ok(wait > 0 && wait <= THROTTLE.windowMs / 1000, `Retry-After ${wait}`);
    assert.match(blocked.body, /role="alert"/);
    h().clock.advance(THROTTLE.windowMs + 1000);
    assert.equal((await new Browser(app, { ip: '10.1.1.1' }).signIn(email, PASSWORD)).statusCode, 303, 'after the window');
  });

  it('throttles an address trying many accounts (a second app over the same database sees the same count)', async () => {
    const other = await buildTestApp(h(), { runJobs: false });
    try {
      const ip = '10.2.0.1';
      for (let i = 0; i < THROTTLE.address; i++) {
        const server = i % 2 ? other : app;
        const r = await new Browser(server, { ip }).signIn(`guess${i}@example.org`, 'wrong wrong wrong');
        assert.equal(r.statusCode, 401);
      }
      const { email } = await account();
      const blocked = await new Browser(other, { ip }).signIn(email, PASSWORD);
      assert.equal(blocked.statusCode, 429);
      assert.ok(Number(blocked.headers['retry-after']) > 0);
      assert.equal((await new Browser(app, { ip: '10.2.0.2' }).signIn(email, PASSWORD)).statusCode, 303, 'another address is not affected');
    } finally {
      await other.close();
    }
  });

  it('forces a first-run password to be changed before anything else, with the current password and the strength rules', async () => {
    const { email } = await account('admin', { mustChangePassword: true });
    const browser = new Browser(app);
    const login = await browser.signIn(email, PASSWORD);
    assert.equal(login.headers.location, '/admin/account/password');
    const elsewhere = await browser.get('/admin/users');
    assert.equal(elsewhere.statusCode, 303);
    assert.equal(elsewhere.headers.location, '/admin/account/password');
    const from = '/admin/account/password';
    const post = (fields: Record<string, string>) => browser.post('/admin/account/password', fields, { from });
    const refusedApi = await browser.post('/admin/account/language', { language: 'fa' }, { from });
    assert.equal(refusedApi.statusCode, 403, 'a form post elsewhere is refused');
    assert.equal((await post({ current: 'wrong wrong wrong', next: 'a much better passphrase', confirm: 'a much better passphrase' })).statusCode, 422);
    assert.equal((await post({ current: PASSWORD, next: 'short', confirm: 'short' })).statusCode, 422);
    assert.equal((await post({ current: PASSWORD, next: 'password1234', confirm: 'password1234' })).statusCode, 422, 'a common password');
    assert.equal((await post({ current: PASSWORD, next: `${email.split('@')[0]}-secret!`, confirm: `${email.split('@')[0]}-secret!` })).statusCode, 422, 'contains the email');
    assert.equal((await post({ current: PASSWORD, next: PASSWORD, confirm: PASSWORD })).statusCode, 422, 'the same password');
    assert.equal((await post({ current: PASSWORD, next: 'a much better passphrase', confirm: 'a different one here' })).statusCode, 422, 'mismatch');
    const changed = await post({ current: PASSWORD, next: 'a much better passphrase', confirm: 'a much better passphrase' });
    assert.equal(changed.statusCode, 303);
    assert.equal(changed.headers.location, '/admin');
    assert.equal((await browser.get('/admin/users')).statusCode, 200, 'free to work now');
    assert.equal((await new Browser(app).signIn(email, PASSWORD)).statusCode, 401, 'the old password is dead');
    assert.equal((await new Browser(app).signIn(email, 'a much better passphrase')).statusCode, 303);
  });

  it('a password change ends the account\'s other sessions and keeps this one', async () => {
    const { email } = await account();
    const [here, there] = [new Browser(app), new Browser(app)];
    await here.signIn(email, PASSWORD);
    await there.signIn(email, PASSWORD);
    const changed = await here.post('/admin/account/password', { current: PASSWORD, next: 'another fine passphrase', confirm: 'another fine passphrase' }, { from: '/admin/account/password' });
    assert.equal(changed.statusCode, 303);
    assert.equal((await here.get('/admin')).statusCode, 200);
    assert.equal((await there.get('/admin')).statusCode, 303);
  });

  it('ends a deactivated account\'s sessions at once and refuses its sign-in like a wrong password', async () => {
    const { email, id } = await account('reporter');
    const browser = new Browser(app);
    await browser.signIn(email, PASSWORD);
    assert.equal((await browser.get('/admin')).statusCode, 200);
    await deactivateUser(h().ctx(), id);
    assert.equal((await browser.get('/admin')).statusCode, 303);
    assert.equal((await new Browser(app).signIn(email, PASSWORD)).statusCode, 401);
  });

  it('speaks the browser\'s language before sign-in and the account\'s choice after, right-to-left for Persian', async () => {
    const { email } = await account();
    const persian = new Browser(app, { language: 'fa-IR,fa;q=0.9,en;q=0.5' });
    const page = await persian.get('/admin/login');
    assert.match(page.body, /<html lang="fa" dir="rtl">/);
    await persian.signIn(email, PASSWORD);
    await persian.post('/admin/account/language', { language: 'ar' });
    assert.match((await persian.get('/admin')).body, /<html lang="ar" dir="rtl">/);
    const refused = await persian.get('/admin/users');
    assert.equal(refused.statusCode, 403, 'an editor may not open the users screen');
    assert.match(refused.body, /<html lang="ar" dir="rtl">/, 'the refusal speaks the interface language too');
    const bad = await persian.post('/admin/account/language', { language: 'xx' });
    assert.equal(bad.statusCode, 422);
  });

  it('marks the cookie Secure behind a TLS proxy when TRUST_PROXY is on, and not when a client merely claims it', async () => {
    const { email } = await account();
    const proxied = await buildTestApp(h(), { runJobs: false, env: { TRUST_PROXY: 'true' } });
    try {
      const signIn = async (target: FastifyInstance) => {
        const browser = new Browser(target);
        const token = csrfOf((await browser.get('/admin/login', { 'x-forwarded-proto': 'https' })).body);
        const response = await browser.post('/admin/login', { email, password: PASSWORD }, { csrf: token, headers: { 'x-forwarded-proto': 'https' } });
        return ([] as string[]).concat(response.headers['set-cookie'] as string[]).find((c) => c.startsWith('dateline_session='))!;
      };
      assert.match(await signIn(proxied), /; Secure/);
      assert.doesNotMatch(await signIn(app), /; Secure/, 'without TRUST_PROXY the header is not believed');
    } finally {
      await proxied.close();
    }
  });

  it('keeps bearer tokens working for scripts, without CSRF', async () => {
    const { createApiToken } = await import('../../../src/domain/users/index.js');
    const { email } = await account();
    const token = await createApiToken(h().ctx(), { email, name: 'script' });
    const page = await app.inject({ url: '/admin', headers: { authorization: `Bearer ${token}` } });
    assert.equal(page.statusCode, 200);
  });
});
