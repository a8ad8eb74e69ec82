// The edition front over the demo newsroom on every dialect: each article appears once on the
// page (lead, top stories, latest, section blocks and the sidebar's "most recent"), and headings
// composed from section names read as the language says them.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { seedDemo } from '../../../src/cli/demo/seed.js';
import { listPublished } from '../../../src/domain/articles/index.js';
import { createFileBlobStore } from '../../../src/storage/blobs/fs-store.js';
import { buildTestApp } from '../../support/app.js';
import { eachDialect } from '../../support/database.js';

const articleIds = (html: string, lang: string) => [...html.matchAll(new RegExp(`href="/${lang}/news/(\\d+)/`, 'g'))].map((m) => Number(m[1]));

eachDialect('edition front', (h) => {
  let app: FastifyInstance;

  before(async () => {
    await seedDemo(h().ctx(), createFileBlobStore(path.join(h().db.env.DATA_DIR ?? '', 'media')));
    app = await buildTestApp(h());
  });
  after(() => app?.close());

  for (const lang of ['en', 'fa', 'ar']) {
    it(`shows each article once on the ${lang} front, the sidebar included`, async () => {
      const page = await app.inject(`/${lang}/`);
      assert.equal(page.statusCode, 200);
      const [primary = '', sidebar = ''] = page.body.split('<aside class="sidebar"');
      const main = articleIds(primary, lang);
      const recent = articleIds(sidebar, lang);
      assert.ok(main.length >= 10, `${main.length} articles in the main column`);
      // "Most recent" lists what the front leaves out, and disappears only when there is none.
      const published = (await listPublished(h().ctx(), { edition: lang, limit: 100 })).items.length;
      assert.equal(recent.length, Math.min(5, published - main.length), `${published} published, ${main.length} on the front`);
      const all = [...main, ...recent];
      const repeated = all.filter((id, i) => all.indexOf(id) !== i);
      assert.deepEqual(repeated, [], `articles shown twice on /${lang}/`);
      // The lead and top stories (the first cards) are not repeated by "most recent".
      for (const id of main.slice(0, 5)) assert.ok(!recent.includes(id), `curated article ${id} repeated in the sidebar`);
    });
  }

  it('keeps "most recent" newest first among what the front does not show', async () => {
    const page = await app.inject('/en/');
    const sidebar = page.body.split('<aside class="sidebar"')[1] ?? '';
    const times = [...sidebar.matchAll(/<li><a href="\/en\/news\/\d+\/[^"]*">[^<]*<\/a> <time datetime="([^"]+)"/g)].map((m) => m[1] ?? '');
    assert.ok(times.length >= 1);
    assert.deepEqual([...times].sort().reverse(), times);
  });
});
