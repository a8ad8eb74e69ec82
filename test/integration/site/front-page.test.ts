// The edition front over the demo newsroom on every dialect: each article appears once on the
// page (lead, top stories, latest, section blocks and the sidebar's "most recent"), and headings
// composed from section names read as the language says them.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { seedDemo } from '../../../src/cli/demo/seed.js';
import { listPublished } from '../../../src/domain/articles/index.js';
import { listSections } from '../../../src/domain/editions/index.js';
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

  it('heads each section block with the section\'s name, in Arabic too (no composed "الأحدث في اقتصاد")', async () => {
    const sections = await listSections(h().ctx(), 'ar');
    const page = await app.inject('/ar/');
    const headings = [...page.body.matchAll(/<section class="section-block" aria-labelledby="sec-\d+"><h2 id="sec-\d+" class="label"><a href="([^"]+)">([^<]+)<\/a><\/h2>/g)];
    assert.ok(headings.length >= 2, `${headings.length} section blocks`);
    for (const [, href, text] of headings) {
      const section = sections.find((s) => `/ar/section/${encodeURIComponent(s.slug)}` === href);
      assert.ok(section, `${href} is a section`);
      assert.equal(text, section.name);
    }
    assert.ok(!page.body.includes('الأحدث في'), 'no heading composed from a preposition and a bare name');
  });

  it('titles section and tag pages by their own name, and links each card\'s kicker to its section', async () => {
    for (const lang of ['en', 'ar']) {
      const [section] = await listSections(h().ctx(), lang);
      assert.ok(section);
      const href = `/${lang}/section/${encodeURIComponent(section.slug)}`;
      const page = await app.inject(href);
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes(`<h1>${section.name}</h1>`), `${lang} section page titled ${section.name}`);
      // The section's own page does not repeat its name over every card.
      assert.ok(!page.body.includes(`<p class="kicker"><a href="${href}">`));
      const front = await app.inject(`/${lang}/`);
      const kickers = [...front.body.matchAll(/<p class="kicker"><a href="(\/[a-z]{2}\/section\/[^"]+)">/g)].map((m) => m[1]);
      assert.ok(kickers.length >= 5, `${kickers.length} card kickers on /${lang}/`);
      for (const kicker of new Set(kickers)) assert.equal((await app.inject(kicker ?? '')).statusCode, 200, kicker);
    }
    const tag = await app.inject('/en/tag/saffron');
    assert.equal(tag.statusCode, 200);
    assert.ok(tag.body.includes('<h1>Saffron</h1>'));
  });

  it('gives phones the cartoon in AVIF and WebP, far smaller than the PNG original', async () => {
    const page = await app.inject('/en/');
    const sources: Record<string, string[]> = Object.fromEntries([...page.body.matchAll(/<source type="([^"]+)" srcset="([^"]+)"/g)].map((m) => [m[1] ?? '', (m[2] ?? '').split(', ')]));
    const png = /<picture>(?:<source [^>]+>)+<img src="(\/media\/[^"]+\.png)"/.exec(page.body)?.[1];
    assert.ok(png, 'the cartoon falls back to its PNG');
    const original = await app.inject(png);
    for (const type of ['image/avif', 'image/webp']) {
      const candidates = sources[type] ?? [];
      assert.deepEqual(candidates.map((c) => c.split(' ')[1]), ['320w', '480w', '800w'], type);
      const phone = await app.inject(candidates[0]?.split(' ')[0] ?? '');
      assert.equal(phone.statusCode, 200);
      assert.equal(phone.headers['content-type'], type);
      assert.ok(phone.rawPayload.length * 4 < original.rawPayload.length, `${type} at 320 px: ${phone.rawPayload.length} bytes vs ${original.rawPayload.length}`);
    }
  });

  it('keeps "most recent" newest first among what the front does not show', async () => {
    const page = await app.inject('/en/');
    const sidebar = page.body.split('<aside class="sidebar"')[1] ?? '';
    const times = [...sidebar.matchAll(/<li><a href="\/en\/news\/\d+\/[^"]*">[^<]*<\/a> <time datetime="([^"]+)"/g)].map((m) => m[1] ?? '');
    assert.ok(times.length >= 1);
    assert.deepEqual([...times].sort().reverse(), times);
  });
});
