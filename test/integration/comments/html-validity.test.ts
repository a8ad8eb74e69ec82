// Comment pages validate in the Nu Html Checker: an article with a thread (and a held comment seen
// by its author), the form after errors, a reply page and a later page, in LTR and RTL.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { systemActor } from '../../../src/core/context.js';
import { publishArticle } from '../../../src/domain/articles/index.js';
import { setCommentSettings } from '../../../src/domain/comments/index.js';
import { buildTestApp } from '../../support/app.js';
import { commentPoster } from '../../support/comments.js';
import { createTestDatabase, makeHarness, tempDir, type Harness } from '../../support/database.js';
import { anArticle, threeEditions } from '../../fixtures/factories.js';

const java = process.env.DATELINE_TEST_JAVA || undefined;
const vnu = path.join(path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

describe('comment pages are valid HTML', { skip: java ? false : 'Java not available for vnu.jar' }, () => {
  let harness: Harness;
  let app: FastifyInstance;
  const pages: Array<{ name: string; body: string }> = [];

  before(async () => {
    harness = makeHarness(await createTestDatabase('sqlite'));
    const ctx = harness.ctx();
    await threeEditions(ctx);
    app = await buildTestApp(harness, { runJobs: false });
    const post = commentPoster(app, () => harness);
    for (const lang of ['en', 'fa']) {
      await setCommentSettings(harness.ctx(systemActor('t')), lang, { policy: 'approve_all' });
      const a = await anArticle(ctx, { edition: lang });
      await publishArticle(ctx, a.id);
      let parent: number | undefined;
      for (let i = 0; i < 33; i++) {
        const r = await post(lang, a, { comment: `Line one ${lang} ${i}\nline two https://example.org/${i}\n\nNew paragraph`, website: i % 2 ? 'https://reader.example/' : '', ip: `10.1.${i}.1`, ...(i === 1 && parent ? { parent } : {}) });
        if (r.response.statusCode !== 303) throw new Error(`${i}: ${r.response.statusCode} ${r.response.body.slice(-800)}`);
        parent ??= Number(/#comment-(\d+)$/.exec(String(r.response.headers.location))?.[1]);
      }
      await setCommentSettings(harness.ctx(systemActor('t')), lang, { policy: 'hold_all' });
      const held = await post(lang, a, { comment: 'Held for me' });
      const article = await app.inject({ url: `/${lang}/news/${a.id}/${encodeURIComponent(a.slug)}`, headers: { cookie: held.cookie ?? '' } });
      pages.push({ name: `${lang} article with thread and own held comment`, body: article.body });
      pages.push({ name: `${lang} form errors`, body: (await post(lang, a, { name: '', email: 'bad', website: 'ftp://x', comment: '' })).response.body });
      pages.push({ name: `${lang} reply page`, body: (await app.inject(`/${lang}/news/${a.id}/${encodeURIComponent(a.slug)}/reply/${parent}`)).body });
      const more = /href="([^"]+\/comments\?after=\d+)"/.exec(article.body)?.[1];
      assert.ok(more, `${(article.body.match(/class="comment /g) ?? []).length} comments; ${article.statusCode}`);
      pages.push({ name: `${lang} later page`, body: (await app.inject(more.replace(/&amp;/g, '&'))).body });
    }
  });
  after(async () => {
    await app?.close();
    await harness?.events.idle();
    await harness?.db.drop();
  });

  it('has no errors', () => {
    const dir = tempDir('dateline-vnu-comments-');
    const files = pages.map((p, i) => {
      const file = path.join(dir, `page-${i}.html`);
      fs.writeFileSync(file, p.body);
      return file;
    });
    const result = spawnSync(java ?? 'java', ['-jar', vnu, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8' });
    const report = JSON.parse(result.stderr || '{"messages":[]}') as { messages: Array<{ type: string; url: string; message: string; extract?: string }> };
    const errors = report.messages.filter((m) => m.type === 'error').map((m) => `${pages[Number(/page-(\d+)\.html/.exec(m.url)?.[1])]?.name ?? m.url}: ${m.message} ${m.extract ?? ''}`);
    assert.deepEqual(errors, []);
  });
});
