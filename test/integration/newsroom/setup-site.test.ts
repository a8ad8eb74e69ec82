// The site identity screen on every dialect: an admin sets the name, footer and social profiles
// (site-wide and per edition) and the public pages show them at once despite the page cache; bad
// links and colours are 422 with the field marked; logo and favicon uploads go through multipart
// (checked by the site domain: a PNG that is no image, or too small, is 422; a file over the limit
// 413); everyone but an admin hears 403, and a post without CSRF too.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { listIdentityRecords } from '../../../src/domain/site/index.js';
import { createUser } from '../../../src/domain/users/index.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { Browser, csrfOf, ORIGIN } from '../../support/newsroom.js';
import { threeEditions } from '../../fixtures/factories.js';

const PASSWORD = 'correct horse battery staple';
const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#0f4c5c' } }).png().toBuffer();

/** A multipart/form-data body as a browser sends it: fields, then one file. */
function multipartBody(fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }) {
  const boundary = '----dateline-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

eachDialect('site identity screen', (h) => {
  let app: FastifyInstance;
  const as = async (email: string) => {
    const b = new Browser(app);
    await b.signIn(email, PASSWORD);
    return b;
  };
  const upload = async (b: Browser, field: 'logo' | 'favicon', fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }, csrf: string | null = 'page') => {
    const token = csrf === 'page' ? csrfOf((await b.get('/admin/site')).body) : csrf;
    const { payload, contentType } = multipartBody({ ...(token ? { _csrf: token } : {}), ...fields }, file);
    return app.inject({ method: 'POST', url: `/admin/site/${field}`, headers: { 'content-type': contentType, cookie: b.header(), origin: ORIGIN }, payload });
  };
  const site = async () => listIdentityRecords({ db: h().db.storage.db });
  const fieldMarked = (body: string, name: string) => new RegExp(`name="${name}"[^>]*aria-invalid="true"|id="site-${name}(-file)?"[^>]*aria-invalid="true"`).test(body);
  const from = { from: '/admin/site' };

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    for (const [email, role] of [
      ['admin@example.org', 'admin'],
      ['ed@example.org', 'editor'],
      ['rep@example.org', 'reporter'],
    ] as const) {
      await createUser(ctx, { email, name: role, role, password: PASSWORD });
    }
    app = await buildTestApp(h(), { runJobs: false });
  });
  after(() => app?.close());

  it('sets the name, footer and social profiles; the cached public pages show them after the POST', async () => {
    const admin = await as('admin@example.org');
    assert.equal((await admin.get('/admin/site')).statusCode, 200);
    await app.inject('/en/');
    assert.equal((await app.inject('/en/')).headers['x-cache'], 'hit');
    const res = await admin.post('/admin/site', { scope: '*', name: 'Caspian Wire', color: '#16324f', about: 'https://caspian.example/about', contact: 'mailto:desk@caspian.example', corrections: '', terms: '', privacy: '', social: 'https://x.com/caspianwire\r\nhttps://mastodon.example/@caspian' }, from);
    assert.equal(res.statusCode, 303);
    await app.refreshSite();
    const page = await app.inject('/en/');
    assert.notEqual(page.headers['x-cache'], 'hit');
    assert.ok(page.body.includes('Caspian Wire'));
    assert.ok(page.body.includes('href="https://x.com/caspianwire"'));
    // An edition's own name overrides the site's there only.
    assert.equal((await admin.post('/admin/site', { scope: 'fa', name: 'خبرگزاری کاسپین', social: '' }, { from: '/admin/site?scope=fa' })).statusCode, 303);
    await app.refreshSite();
    assert.ok((await app.inject('/fa/')).body.includes('خبرگزاری کاسپین'));
    assert.ok((await app.inject('/en/')).body.includes('Caspian Wire'));
    assert.ok((await admin.get('/admin/site?scope=fa')).body.includes('خبرگزاری کاسپین'));
  });

  it('answers bad fields with 422 and the field marked, changing nothing', async () => {
    const admin = await as('admin@example.org');
    const before = JSON.stringify(await site());
    for (const [fields, field] of [
      [{ about: 'javascript:alert(1)' }, 'about'],
      [{ terms: 'https://evil.example\\@good.example' }, 'terms'],
      [{ color: 'red' }, 'color'],
      [{ name: 'x'.repeat(10_000) }, 'name'],
      [{ privacy: 'x'.repeat(1000) }, 'privacy'],
      [{ social: 'http://insecure.example/me' }, 'social'],
      [{ social: '/\\evil.example' }, 'social'],
    ] as Array<[Record<string, string>, string]>) {
      const res = await admin.post('/admin/site', { scope: '*', ...fields }, from);
      assert.equal(res.statusCode, 422, field);
      assert.ok(fieldMarked(res.body, field), field);
      assert.ok(!/href="javascript:/.test(res.body));
    }
    assert.equal(JSON.stringify(await site()), before);
    assert.equal((await admin.post('/admin/site', { scope: 'zz', name: 'X' }, from)).statusCode, 404);
    assert.equal((await admin.post('/admin/site', { scope: '*', name: 'No token' }, { csrf: null })).statusCode, 403);
  });

  it('uploads a logo and a favicon through multipart, checked by the site domain', async () => {
    const admin = await as('admin@example.org');
    const ok = await upload(admin, 'logo', { scope: '*' }, { name: 'logo.png', type: 'image/png', data: await png(240, 60) });
    assert.equal(ok.statusCode, 303);
    assert.equal((await site()).find((r) => r.scope === '*')?.logo?.width, 240);
    await app.refreshSite();
    assert.match((await app.inject('/en/')).body, /<img class="brand-logo" src="\/site\/logo\.[0-9a-f]{16}\.png"/);
    assert.equal((await upload(admin, 'favicon', { scope: '*' }, { name: 'icon.png', type: 'image/png', data: await png(64, 64) })).statusCode, 303);
    assert.ok((await site()).find((r) => r.scope === '*')?.favicon);

    const notImage = await upload(admin, 'logo', { scope: '*' }, { name: 'logo.png', type: 'image/png', data: Buffer.from('<script>alert(1)</script>') });
    assert.equal(notImage.statusCode, 422);
    assert.ok(fieldMarked(notImage.body, 'logo'));
    assert.equal((await upload(admin, 'favicon', { scope: '*' }, { name: 'icon.png', type: 'image/png', data: await png(64, 16) })).statusCode, 422, 'a favicon must be square');
    assert.equal((await upload(admin, 'logo', { scope: '*' })).statusCode, 422, 'no file chosen');
    const huge = await upload(admin, 'logo', { scope: '*' }, { name: 'big.png', type: 'image/png', data: Buffer.alloc(2 * 1024 * 1024, 1) });
    assert.equal(huge.statusCode, 413);
    assert.equal((await upload(admin, 'logo', { scope: '*' }, { name: 'logo.png', type: 'image/png', data: await png(240, 60) }, null)).statusCode, 403, 'no CSRF token');
    // Removing puts the product's logo back.
    assert.equal((await upload(admin, 'logo', { scope: '*', remove: '1' })).statusCode, 303);
    assert.equal((await site()).find((r) => r.scope === '*')?.logo, null);
    // Multipart is for the uploads only: the other newsroom forms refuse it.
    const { payload, contentType } = multipartBody({ _csrf: csrfOf((await admin.get('/admin/site')).body), scope: '*', name: 'Sneaky' });
    const elsewhere = await app.inject({ method: 'POST', url: '/admin/site', headers: { 'content-type': contentType, cookie: admin.header(), origin: ORIGIN }, payload });
    assert.equal(elsewhere.statusCode, 415);
  });

  it('refuses everyone but an admin', async () => {
    for (const email of ['ed@example.org', 'rep@example.org']) {
      const b = await as(email);
      assert.equal((await b.get('/admin/site')).statusCode, 403, email);
      assert.equal((await b.post('/admin/site', { scope: '*', name: 'Hijack' }, { from: '/admin/account' })).statusCode, 403, email);
      const token = csrfOf((await b.get('/admin/account')).body);
      assert.equal((await upload(b, 'logo', { scope: '*' }, { name: 'logo.png', type: 'image/png', data: await png(240, 60) }, token)).statusCode, 403, email);
    }
    assert.ok(!(await site()).some((r) => r.name === 'Hijack'));
  });
});
