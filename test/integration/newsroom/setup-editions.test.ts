// The editions screens on every dialect: admins list, create and edit editions (time zones checked
// with Intl, codes unique: 409), sections and tags are created and renamed with their public pages
// purged from the page cache, editors may manage the tags of their own editions only, and bad
// input is 422 with the field marked, a missing CSRF token 403.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { getEdition } from '../../../src/domain/editions/index.js';
import { createUser, updateAccess } from '../../../src/domain/users/index.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { Browser } from '../../support/newsroom.js';
import { threeEditions } from '../../fixtures/factories.js';

const PASSWORD = 'correct horse battery staple';

eachDialect('editions screens', (h) => {
  let app: FastifyInstance;
  const as = async (email: string) => {
    const b = new Browser(app);
    await b.signIn(email, PASSWORD);
    return b;
  };
  const cached = async (url: string) => {
    await app.inject(url);
    const hit = await app.inject(url);
    assert.equal(hit.headers['x-cache'], 'hit', url);
    return hit;
  };
  const fieldMarked = (body: string, name: string) => new RegExp(`name="${name}"[^>]*aria-invalid="true"|id="[a-z-]+-${name}"[^>]*aria-invalid="true"`).test(body);
  const edition = {
    nativeName: 'English',
    englishName: 'English',
    direction: 'ltr',
    locale: 'en-GB',
    calendar: 'gregory',
    numbering: 'latn',
    timeZone: 'UTC',
    isDefault: '1',
  };

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

  it('lets an admin edit an edition; every public page shows the new name; bad time zones and names are 422', async () => {
    const admin = await as('admin@example.org');
    assert.equal((await admin.get('/admin/editions')).statusCode, 200);
    await cached('/en/');
    const res = await admin.post('/admin/editions/en', { ...edition, nativeName: 'English Desk', timeZone: 'Europe/London' }, { from: '/admin/editions/en' });
    assert.equal(res.statusCode, 303);
    await app.refreshEditions();
    assert.equal((await getEdition(h().db.storage.db, 'en')).timeZone, 'Europe/London');
    assert.ok((await app.inject('/fa/')).body.includes('English Desk'), 'the language links of every page');
    for (const [fields, field] of [
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ timeZone: 'x'.repeat(10_000) }, 'timeZone'],
      [{ nativeName: '' }, 'nativeName'],
      [{ nativeName: 'x'.repeat(10_000) }, 'nativeName'],
      [{ direction: 'sideways' }, 'direction'],
      [{ calendar: 'lunar-ish' }, 'locale'],
    ] as Array<[Record<string, string>, string]>) {
      const bad = await admin.post('/admin/editions/en', { ...edition, ...fields }, { from: '/admin/editions/en' });
      assert.equal(bad.statusCode, 422, field);
      assert.ok(fieldMarked(bad.body, field), field);
      assert.ok(!bad.body.includes('x'.repeat(300)), 'a long value is not echoed whole');
    }
    assert.equal((await getEdition(h().db.storage.db, 'en')).nativeName, 'English Desk');
    assert.equal((await admin.post('/admin/editions/en', { ...edition }, { csrf: null })).statusCode, 403);
    assert.equal((await admin.get('/admin/editions/zz')).statusCode, 404);
  });

  it('creates an edition, refuses a taken code with 409 and a malformed one with 422', async () => {
    const admin = await as('admin@example.org');
    const created = await admin.post('/admin/editions', { code: 'ur', nativeName: 'اردو', englishName: 'Urdu', direction: 'rtl', locale: '', calendar: '', numbering: '', timeZone: 'Asia/Karachi' }, { from: '/admin/editions' });
    assert.equal(created.statusCode, 303);
    const ur = await getEdition(h().db.storage.db, 'ur');
    assert.equal(ur.direction, 'rtl');
    assert.equal(ur.timeZone, 'Asia/Karachi');
    await app.refreshEditions();
    assert.equal((await app.inject('/ur/')).statusCode, 200);
    const taken = await admin.post('/admin/editions', { code: 'en', nativeName: 'Again', timeZone: 'UTC' }, { from: '/admin/editions' });
    assert.equal(taken.statusCode, 409);
    assert.ok(fieldMarked(taken.body, 'code'));
    const malformed = await admin.post('/admin/editions', { code: 'Not A Code', nativeName: 'X', timeZone: 'Nowhere/Land' }, { from: '/admin/editions' });
    assert.equal(malformed.statusCode, 422);
    assert.ok(fieldMarked(malformed.body, 'code'));
    assert.ok(fieldMarked(malformed.body, 'timeZone'));
  });

  it('refuses editions to everyone but admins', async () => {
    for (const email of ['ed@example.org', 'rep@example.org']) {
      const b = await as(email);
      assert.equal((await b.get('/admin/editions')).statusCode, 403, email);
      assert.equal((await b.post('/admin/editions/en', { ...edition, nativeName: 'Hijacked' }, { from: '/admin/account' })).statusCode, 403, email);
    }
    assert.notEqual((await getEdition(h().db.storage.db, 'en')).nativeName, 'Hijacked');
  });

  it('creates and renames sections; the section page is purged and follows the new name and slug', async () => {
    const admin = await as('admin@example.org');
    const from = { from: '/admin/editions/en/sections' };
    assert.equal((await admin.post('/admin/editions/en/sections', { name: 'Weather', slug: '' }, from)).statusCode, 303);
    // The section menu of every page is reloaded (and every page dropped once) on section.changed.
    await app.refreshSite();
    const page = await cached('/en/section/weather');
    assert.ok(page.body.includes('Weather'));
    assert.equal((await admin.post('/admin/editions/en/sections/weather', { name: 'Weather and seas', slug: 'weather' }, from)).statusCode, 303);
    await app.refreshSite();
    const renamed = await app.inject('/en/section/weather');
    assert.notEqual(renamed.headers['x-cache'], 'hit');
    assert.ok(renamed.body.includes('Weather and seas'));
    await cached('/en/section/weather');
    assert.equal((await admin.post('/admin/editions/en/sections/weather', { name: 'Climate', slug: 'climate' }, from)).statusCode, 303);
    await app.refreshSite();
    assert.equal((await app.inject('/en/section/weather')).statusCode, 404, 'the old address is gone from the cache too');
    assert.ok((await app.inject('/en/section/climate')).body.includes('Climate'));
    // Taken slug 409, malformed slug and empty or huge name 422, unknown section 404.
    assert.equal((await admin.post('/admin/editions/en/sections', { name: 'Sport', slug: 'sport' }, from)).statusCode, 303);
    const taken = await admin.post('/admin/editions/en/sections/sport', { name: 'Sport', slug: 'climate' }, from);
    assert.equal(taken.statusCode, 409);
    assert.ok(fieldMarked(taken.body, 'slug'));
    for (const [fields, field] of [
      [{ name: 'Sport', slug: 'Not A Slug' }, 'slug'],
      [{ name: '', slug: 'sport' }, 'name'],
      [{ name: 'x'.repeat(10_000), slug: 'sport' }, 'name'],
    ] as Array<[Record<string, string>, string]>) {
      const bad = await admin.post('/admin/editions/en/sections/sport', fields, from);
      assert.equal(bad.statusCode, 422, field);
      assert.ok(fieldMarked(bad.body, field), field);
    }
    assert.equal((await admin.post('/admin/editions/en/sections/nothing-here', { name: 'X', slug: 'x' }, from)).statusCode, 404);
    assert.equal((await admin.post('/admin/editions/en/sections', { name: 'No token' }, { csrf: null })).statusCode, 403);
  });

  it('lets an editor manage the tags of their editions only, and not sections', async () => {
    const ed = await as('ed@example.org');
    const from = { from: '/admin/editions/en/sections' };
    assert.equal((await ed.get('/admin/editions/en/sections')).statusCode, 200);
    assert.equal((await ed.post('/admin/editions/en/tags', { name: 'Ferries', slug: '' }, from)).statusCode, 303);
    const tag = await h().db.storage.db.selectFrom('tags').select(['id', 'slug']).where('edition_code', '=', 'en').where('name', '=', 'Ferries').executeTakeFirstOrThrow();
    await cached(`/en/tag/${tag.slug}`);
    assert.equal((await ed.post(`/admin/editions/en/tags/${tag.id}`, { name: 'Ferries and boats', slug: tag.slug }, from)).statusCode, 303);
    const renamed = await app.inject(`/en/tag/${tag.slug}`);
    assert.ok(renamed.body.includes('Ferries and boats'), 'the tag page was purged');
    assert.equal((await ed.post('/admin/editions/en/sections', { name: 'Not for editors' }, from)).statusCode, 403);

    const fa = await as('fa-editor@example.org');
    assert.equal((await fa.get('/admin/editions/fa/sections')).statusCode, 200);
    assert.equal((await fa.get('/admin/editions/en/sections')).statusCode, 403);
    const faFrom = { from: '/admin/editions/fa/sections' };
    assert.equal((await fa.post('/admin/editions/en/tags', { name: 'Intruder' }, faFrom)).statusCode, 403);
    assert.equal((await fa.post(`/admin/editions/en/tags/${tag.id}`, { name: 'Intruder', slug: tag.slug }, faFrom)).statusCode, 403);
    assert.equal((await fa.post('/admin/editions/fa/tags', { name: 'بندر', slug: '' }, faFrom)).statusCode, 303);
    const rep = await as('rep@example.org');
    assert.equal((await rep.get('/admin/editions/en/sections')).statusCode, 403);
    const names = (await h().db.storage.db.selectFrom('tags').select('name').execute()).map((r) => r.name);
    assert.ok(!names.includes('Intruder'));
    assert.ok(names.includes('بندر'));
  });
});
