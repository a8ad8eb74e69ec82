// The newsroom's screens validate in the Nu Html Checker (vnu.jar on Java), in English and in
// Persian: sign-in with an error, the code screen, the forced password change, the dashboard, the
// account screen with a TOTP set-up in progress, the users screen with an invitation shown, an
// article's revisions with a diff and a restore conflict, the translation desk and its errors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { publishArticle, updateArticle } from '../../../src/domain/articles/index.js';
import { createInvitation, createUser } from '../../../src/domain/users/index.js';
import { buildTestApp } from '../../support/app.js';
import { createTestDatabase, makeHarness, tempDir, type Harness } from '../../support/database.js';
import { Browser } from '../../support/newsroom.js';
import { anArticle, threeEditions } from '../../fixtures/factories.js';

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
      const story = await anArticle(harness.ctx(), { headline: 'Ferry terminal opens on Monday', body: 'One.\n\nThe mayor praised the work.\n\nThree.\n\nFour.\n\nFive.' });
      await updateArticle(harness.ctx(), story.id, { headline: 'Ferry terminal opens on Tuesday', body: 'One.\n\nThe mayor criticised the work.\n\nThree.\n\nFour.\n\nFive.\n\nSix.' });
      await publishArticle(harness.ctx(), story.id);
      pages.push([`${language} revisions with diff`, (await admin.get(`/admin/articles/${story.id}/revisions`)).body]);
      pages.push([`${language} restore conflict`, (await admin.post(`/admin/articles/${story.id}/revisions/1/restore`, { expectedVersion: '1' }, { from: `/admin/articles/${story.id}/revisions` })).body]);
      pages.push([`${language} translation chooser`, (await admin.get(`/admin/articles/${story.id}/translate`)).body]);
      pages.push([`${language} translation form`, (await admin.get(`/admin/articles/${story.id}/translate?to=fa`)).body]);
      pages.push([`${language} translation errors`, (await admin.post(`/admin/articles/${story.id}/translate?to=fa`, { headline: '', body: '' }, { from: `/admin/articles/${story.id}/translate?to=fa` })).body]);
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
