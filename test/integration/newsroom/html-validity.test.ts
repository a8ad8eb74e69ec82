// The newsroom's screens validate in the Nu Html Checker (vnu.jar on Java), in English and in
// Persian: sign-in with an error, the code screen, the forced password change, the dashboard, the
// account screen with a TOTP set-up in progress, the users screen with an invitation shown, the
// comment desk (a held comment with its reasons, an error, an empty tab), the article list (plain,
// filtered, and refused with 422), the media library, an image's page, its edit errors and the
// refusal to delete it while in use.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { createArticle } from '../../../src/domain/articles/index.js';
import { importImage } from '../../../src/domain/media/index.js';
import { createInvitation, createUser } from '../../../src/domain/users/index.js';
import { createFileBlobStore } from '../../../src/storage/blobs/fs-store.js';
import { buildTestApp } from '../../support/app.js';
import { createTestDatabase, makeHarness, tempDir, type Harness } from '../../support/database.js';
import { Browser } from '../../support/newsroom.js';
import { anArticle, articleInput, threeEditions } from '../../fixtures/factories.js';
import { commentPoster } from '../../support/comments.js';
import { publishArticle, scheduleArticle } from '../../../src/domain/articles/index.js';
import { createSection } from '../../../src/domain/editions/index.js';

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
    // Rows for the dashboard's blocks and the article list (a section, a scheduled article, Persian text).
    const sectionId = await createSection(harness.ctx(), { edition: 'fa', slug: 'economy', name: 'اقتصاد' });
    await anArticle(harness.ctx(), { edition: 'fa', headline: 'بندر تازه', sectionId });
    const due = await anArticle(harness.ctx(), { edition: 'en', headline: 'Tomorrow' });
    await scheduleArticle(harness.ctx(), due.id, new Date('2026-12-31T08:00:00.000Z'));
    await publishArticle(harness.ctx(), (await anArticle(harness.ctx(), { edition: 'en' })).id);
    app = await buildTestApp(harness);
  });
  after(async () => {
    await app?.close();
    await harness?.db.drop();
  });

  it('finds no errors on any newsroom screen in LTR and RTL', async () => {
    const pages: Array<[string, string]> = [];
    const blobs = createFileBlobStore(path.join(harness.db.env.DATA_DIR ?? '/tmp', 'media'));
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#446688' } }).png().toBuffer();
    const mediaId = await importImage(harness.ctx(), blobs, { data: png, credit: 'Test Credit', texts: { en: { alt: 'A test card', caption: 'Its caption' }, fa: { alt: 'کارت آزمایشی' } } });
    await createArticle(harness.ctx(), articleInput({ headline: 'Uses the test card', featuredMediaId: mediaId }));
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
      pages.push([`${language} article list`, (await admin.get('/admin/articles')).body]);
      pages.push([`${language} article list filtered`, (await admin.get('/admin/articles?edition=fa&status=draft&text=%D8%A8')).body]);
      pages.push([`${language} article list refused`, (await admin.get('/admin/articles?status=bogus&section=x')).body]);
      await admin.post('/admin/account/2fa', {});
      pages.push([`${language} account with TOTP set-up`, (await admin.get('/admin/account')).body]);
      pages.push([`${language} users with invitation`, (await admin.post('/admin/users/invite', { email: `x-${language}@example.org`, role: 'editor', editions: 'fa' }, { from: '/admin/users' })).body]);
      pages.push([`${language} 404`, (await admin.get('/admin/nothing-here')).body]);

      const article = await anArticle(harness.ctx(), { edition: language });
      await publishArticle(harness.ctx(), article.id);
      await commentPoster(app, () => harness)(language, article, { comment: 'Two links: https://a.example/1 https://a.example/2', fillMs: 100 });
      pages.push([`${language} comment desk with a held comment`, (await admin.get('/admin/comments?state=pending')).body]);
      pages.push([`${language} comment desk, nothing selected`, (await admin.post('/admin/comments?state=pending', { to: 'approved' }, { from: '/admin/comments' })).body]);
      pages.push([`${language} comment desk, empty trash`, (await admin.get('/admin/comments?state=trash')).body]);
      pages.push([`${language} media library`, (await admin.get('/admin/media')).body]);
      pages.push([`${language} media search, nothing found`, (await admin.get('/admin/media?q=nothing-like-this')).body]);
      pages.push([`${language} media item`, (await admin.get(`/admin/media/${mediaId}`)).body]);
      pages.push([`${language} media edit errors`, (await admin.post(`/admin/media/${mediaId}`, { 'alt.en': '', 'caption.en': 'x' }, { from: `/admin/media/${mediaId}` })).body]);
      pages.push([`${language} media delete refused`, (await admin.post(`/admin/media/${mediaId}/delete`, {}, { from: `/admin/media/${mediaId}` })).body]);
      pages.push([`${language} new article`, (await admin.get('/admin/articles/new')).body]);
      pages.push([`${language} new article errors`, (await admin.post('/admin/articles', { edition: 'en', headline: '', body: '' }, { from: '/admin/articles/new' })).body]);
      const created = await admin.post('/admin/articles', { edition: language, headline: `Editor page ${language}`, body: '## Heading\n\nText with **bold**.\n\n- a\n- b' }, { from: '/admin/articles/new' });
      const edit = String(created.headers.location).replace(/\?.*$/, '');
      const editPage = await admin.get(edit);
      pages.push([`${language} article editor`, editPage.body]);
      const version = /name="expected_version" value="(\d+)"/.exec(editPage.body)?.[1] ?? '1';
      pages.push([`${language} article editor errors`, (await admin.post(edit.replace(/\/edit$/, ''), { headline: '', body: 'x', expected_version: version }, { from: edit })).body]);
      await admin.post(edit.replace(/\/edit$/, ''), { headline: 'Saved first', body: 'x', expected_version: version }, { from: edit });
      pages.push([`${language} article editor conflict`, (await admin.post(edit.replace(/\/edit$/, ''), { headline: 'Saved second', body: 'y', expected_version: version }, { from: edit })).body]);
      pages.push([`${language} article preview`, (await admin.get(edit.replace(/\/edit$/, '/preview'))).body]);
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
