// The newsroom's screens validate in the Nu Html Checker (vnu.jar on Java), in English and in
// Persian: sign-in with an error, the code screen, the forced password change, the dashboard, the
// account screen with a TOTP set-up in progress, the users screen with an invitation shown.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { publishArticle } from '../../../src/domain/articles/index.js';
import { addBlock } from '../../../src/domain/curation/index.js';
import { createInvitation, createUser } from '../../../src/domain/users/index.js';
import { buildTestApp } from '../../support/app.js';
import { createTestDatabase, makeHarness, tempDir, type Harness } from '../../support/database.js';
import { Browser } from '../../support/newsroom.js';
import { aSectionAndTag, anArticle, threeEditions } from '../../fixtures/factories.js';

const java = process.env.DATELINE_TEST_JAVA || undefined;
const vnu = path.join(path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
const PASSWORD = 'correct horse battery staple';

describe('newsroom HTML validity (Nu Html Checker)', { skip: java ? false : 'Java not available for vnu.jar' }, () => {
  let harness: Harness;
  let app: FastifyInstance;

  before(async () => {
    harness = makeHarness(await createTestDatabase('sqlite'));
    await threeEditions(harness.ctx());
    await createUser(harness.ctx(), { email: 'first@example.org', name: 'First Admin', role: 'admin', password: PASSWORD, mustChangePassword: true });
    await createUser(harness.ctx(), { email: 'admin@example.org', name: 'Ada', role: 'admin', password: PASSWORD });
    app = await buildTestApp(harness);
  });
  after(async () => {
    await app?.close();
    await harness?.db.drop();
  });

  it('finds no errors on any newsroom screen in LTR and RTL', async () => {
    const pages: Array<[string, string]> = [];
    for (const language of ['en', 'fa']) {
      const anon = new Browser(app, { language });
      pages.push([`${language} sign-in`, (await anon.get('/admin/login')).body]);
      pages.push([`${language} sign-in failed`, (await anon.signIn('admin@example.org', 'wrong wrong wrong')).body]);
      const invitation = await createInvitation(harness.ctx(), { email: `join-${language}@example.org`, role: 'translator' });
      pages.push([`${language} invitation`, (await anon.get(`/admin/invite/${invitation.token}`)).body]);
      pages.push([`${language} invitation errors`, (await anon.post(`/admin/invite/${invitation.token}`, { name: '', password: 'x' }, { from: `/admin/invite/${invitation.token}` })).body]);

      const forced = new Browser(app, { language });
      await forced.signIn('first@example.org', PASSWORD);
      pages.push([`${language} forced password`, (await forced.get('/admin/account/password')).body]);
      pages.push([`${language} password errors`, (await forced.post('/admin/account/password', { current: 'x', next: 'y', confirm: 'y' }, { from: '/admin/account/password' })).body]);

      const admin = new Browser(app, { language });
      await admin.signIn('admin@example.org', PASSWORD);
      pages.push([`${language} dashboard`, (await admin.get('/admin')).body]);
      await admin.post('/admin/account/2fa', {});
      pages.push([`${language} account with TOTP set-up`, (await admin.get('/admin/account')).body]);
      pages.push([`${language} users with invitation`, (await admin.post('/admin/users/invite', { email: `x-${language}@example.org`, role: 'editor', editions: 'fa' }, { from: '/admin/users' })).body]);
      pages.push([`${language} 404`, (await admin.get('/admin/nothing-here')).body]);

      // Set-up screens (curation with blocks and a breaking bar, editions, sections and tags, site identity), with their errors.
      const ctx = harness.ctx();
      const story = await anArticle(ctx, { edition: language });
      await publishArticle(ctx, story.id);
      await aSectionAndTag(ctx, language);
      await addBlock(ctx, { edition: language, slot: 'lead', kind: 'article', articleId: story.id });
      const block = await addBlock(ctx, { edition: language, slot: 'sidebar', kind: 'statement', body: 'A quote', attribution: 'Someone', endsAt: new Date(Date.parse(harness.clock.now().toISOString()) + 86_400_000) });
      await addBlock(ctx, { edition: language, slot: 'sidebar', kind: 'most_recent' });
      const soon = new Date(harness.clock.now().getTime() + 3_600_000).toISOString().slice(0, 16);
      const curation = `/admin/curation?edition=${language}`;
      await admin.post('/admin/curation/breaking', { edition: language, text: 'Storm closes the port', linkUrl: `/${language}/`, expiresAt: soon }, { from: curation });
      pages.push([`${language} curation`, (await admin.get(curation)).body]);
      pages.push([`${language} curation errors`, (await admin.post('/admin/curation/blocks', { edition: language, slot: 'sidebar', kind: 'banner', title: '', linkUrl: 'javascript:x' }, { from: curation })).body]);
      pages.push([`${language} breaking errors`, (await admin.post('/admin/curation/breaking', { edition: language, text: '', expiresAt: 'x' }, { from: curation })).body]);
      pages.push([`${language} block edit`, (await admin.get(`/admin/curation/blocks/${block}`)).body]);
      await app.refreshSite();
      pages.push([`${language} public front with breaking bar`, (await app.inject(`/${language}/`)).body]);
      pages.push([`${language} editions`, (await admin.get('/admin/editions')).body]);
      pages.push([`${language} edition errors`, (await admin.post(`/admin/editions/${language}`, { nativeName: '', timeZone: 'Mars/Base' }, { from: '/admin/editions' })).body]);
      pages.push([`${language} sections and tags`, (await admin.get(`/admin/editions/${language}/sections`)).body]);
      pages.push([`${language} section errors`, (await admin.post(`/admin/editions/${language}/sections`, { name: '', slug: 'Bad Slug' }, { from: '/admin/editions' })).body]);
      pages.push([`${language} site identity`, (await admin.get('/admin/site')).body]);
      pages.push([`${language} site identity errors`, (await admin.post('/admin/site', { scope: '*', color: 'red', about: 'javascript:x', social: 'http://x' }, { from: '/admin/site' })).body]);
    }
    const dir = tempDir('dateline-vnu-newsroom-');
    const files = pages.map(([, body], i) => {
      const file = path.join(dir, `page-${i}.html`);
      fs.writeFileSync(file, body);
      return file;
    });
    const result = spawnSync(java ?? 'java', ['-jar', vnu, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8' });
    const report = JSON.parse(result.stderr || '{"messages":[]}') as { messages: Array<{ type: string; url: string; message: string; extract?: string }> };
    const errors = report.messages.filter((m) => m.type === 'error').map((m) => `${pages[Number(/page-(\d+)\.html/.exec(m.url)?.[1])]?.[0] ?? m.url}: ${m.message} ${m.extract ?? ''}`);
    assert.deepEqual(errors, []);
  });
});
