// Every reader page type validates as HTML in the Nu Html Checker (vnu.jar, run on Debian's Java).
// Markup does not depend on the database dialect, so this suite renders from SQLite only.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { seedDemo } from '../../../src/cli/demo/seed.js';
import { createArticle, publishArticle, type BodyDocument } from '../../../src/domain/articles/index.js';
import { createFileBlobStore } from '../../../src/storage/blobs/fs-store.js';
import { buildTestApp } from '../../support/app.js';
import { createTestDatabase, makeHarness, tempDir, type Harness } from '../../support/database.js';

const java = process.env.DATELINE_TEST_JAVA || undefined;
const vnu = path.join(path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

describe('HTML validity (Nu Html Checker)', { skip: java ? false : 'Java not available for vnu.jar' }, () => {
  let harness: Harness;
  let app: FastifyInstance;

  before(async () => {
    harness = makeHarness(await createTestDatabase('sqlite'));
    harness.clock.set(new Date().toISOString());
    await seedDemo(harness.ctx(), createFileBlobStore(path.join(harness.db.env.DATA_DIR ?? '', 'media')));
    app = await buildTestApp(harness);
  });
  after(async () => {
    await app?.close();
    await harness?.events.idle();
    await harness?.db.drop();
  });

  it('finds no errors on home, article, section, tag, entity, search and error pages in LTR and RTL', async () => {
    const dir = tempDir('dateline-vnu-');
    const urls: string[] = [];
    for (const lang of ['en', 'fa', 'ar']) {
      const home = await app.inject(`/${lang}/`);
      urls.push(`/${lang}/`);
      const article = /href="(\/[a-z]+\/news\/\d+\/[^"]+)"/.exec(home.body)?.[1];
      const section = /href="(\/[a-z]+\/section\/[^"]+)"/.exec(home.body)?.[1];
      assert.ok(article && section);
      urls.push(article, section);
      const page = await app.inject(article);
      const tag = /href="(\/[a-z]+\/tag\/[^"]+)"/.exec(page.body)?.[1];
      const entity = /href="(\/[a-z]+\/entity\/[^"]+)"/.exec(page.body)?.[1];
      if (tag) urls.push(tag);
      if (entity) urls.push(entity);
      // A search for the longest word of the article's headline has results; gibberish has none.
      const word = [...(/<h1>([^<]+)<\/h1>/.exec(page.body)?.[1] ?? '').matchAll(/\p{L}{3,}/gu)].map((m) => m[0]).sort((a, b) => b.length - a.length)[0];
      assert.ok(word);
      urls.push(`/${lang}/search?q=${encodeURIComponent(word)}`, `/${lang}/search?q=qzxwvbnmpl`, `/${lang}/search`);
      urls.push(`/${lang}/news/999999/missing`);
    }
    // A body with a library image and click-to-load embeds, in LTR and RTL.
    const media = await harness.db.storage.db.selectFrom('media').select('id').orderBy('id').executeTakeFirstOrThrow();
    for (const edition of ['en', 'fa']) {
      const body = {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Before.' }] },
          { type: 'image', mediaId: media.id, caption: 'A caption' },
          { type: 'embed', provider: 'youtube', url: 'https://youtu.be/dQw4w9WgXcQ' },
          { type: 'embed', provider: 'telegram', url: 'https://t.me/durov/123' },
        ],
      } as BodyDocument;
      const a = await createArticle(harness.ctx(), { edition, headline: `Embeds ${edition}`, body });
      await publishArticle(harness.ctx(), a.id);
      urls.push(`/${edition}/news/${a.id}/${a.slug}`);
    }
    const files = await Promise.all(
      urls.map(async (url, i) => {
        const response = await app.inject(url);
        assert.ok([200, 404].includes(response.statusCode), `${url} → ${response.statusCode}`);
        const file = path.join(dir, `page-${i}.html`);
        fs.writeFileSync(file, response.body);
        return file;
      }),
    );
    const result = spawnSync(java ?? 'java', ['-jar', vnu, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8' });
    const report = JSON.parse(result.stderr || '{"messages":[]}') as { messages: Array<{ type: string; url: string; message: string; extract?: string }> };
    const errors = report.messages
      .filter((m) => m.type === 'error')
      .map((m) => `${urls[Number(/page-(\d+)\.html/.exec(m.url)?.[1])] ?? m.url}: ${m.message} ${m.extract ?? ''}`);
    assert.deepEqual(errors, []);
  });
});
