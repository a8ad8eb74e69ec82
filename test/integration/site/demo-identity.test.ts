// The demo newsroom on every dialect carries its own invented agency, in each edition's language
// (not the product's name, not a real agency), and every demo article has JSON-LD and OpenGraph
// share images, with the agency as publisher and the article's credit as its own.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { seedDemo } from '../../../src/cli/demo/seed.js';
import { listPublished } from '../../../src/domain/articles/index.js';
import { createFileBlobStore } from '../../../src/storage/blobs/fs-store.js';
import { buildTestApp } from '../../support/app.js';
import { eachDialect } from '../../support/database.js';

const AGENCY = { en: 'Tidemark Wire', fa: 'خبرگزاری تایدمارک', ar: 'وكالة تايدمارك للأنباء' } as const;

eachDialect('demo identity and share images', (h) => {
  let app: FastifyInstance;

  before(async () => {
    await seedDemo(h().ctx(), createFileBlobStore(path.join(h().db.env.DATA_DIR ?? '', 'media')));
    app = await buildTestApp(h());
  });
  after(() => app?.close());

  it('names its own agency in each edition, never the product', async () => {
    for (const [lang, name] of Object.entries(AGENCY)) {
      const page = (await app.inject(`/${lang}/`)).body;
      assert.ok(page.includes(`<span class="brand-name" dir="auto">${name}</span>`), lang);
      assert.ok(page.includes(`<title>${name}</title>`), lang);
      assert.ok(/<img class="brand-logo" src="\/site\/logo\.[0-9a-f]{16}\.svg"/.test(page), `${lang} logo`);
      assert.ok(!/Dateline|دیت‌لاین|ديتلاين/.test(page.replace(/<p class="colophon-line">.*?<\/p>/, '')), `${lang}: the product's name only in the colophon`);
    }
  });

  it('gives every demo article JSON-LD and OpenGraph share images', async () => {
    let checked = 0;
    for (const lang of Object.keys(AGENCY) as Array<keyof typeof AGENCY>) {
      const { items } = await listPublished(h().ctx(), { edition: lang, limit: 100 });
      for (const a of items) {
        const page = (await app.inject(`/${lang}/news/${a.id}/${encodeURIComponent(a.slug)}`)).body;
        const og = /<meta property="og:image" content="([^"]+)"\/>/.exec(page)?.[1];
        assert.ok(og, `${lang} ${a.id}: og:image`);
        assert.ok(page.includes('<meta property="og:image:width" content="'), `${lang} ${a.id}: width`);
        assert.ok(page.includes('<meta name="twitter:card" content="summary_large_image"/>'));
        const data = JSON.parse(/<script type="application\/ld\+json">([^<]+)<\/script>/.exec(page)?.[1] ?? '{}') as { image?: Array<{ url: string; width: number }>; publisher?: { name: string; logo: { url: string } } };
        assert.equal(data.image?.[0]?.url, og, `${lang} ${a.id}: JSON-LD image`);
        assert.ok((data.image?.[0]?.width ?? 0) >= 1200);
        assert.equal(data.publisher?.name, AGENCY[lang]);
        checked += 1;
      }
    }
    assert.ok(checked >= 80, `${checked} articles`);
  });

  it('serves the demo cards it links', async () => {
    const { items } = await listPublished(h().ctx(), { edition: 'fa', limit: 1 });
    const a = items[0]!;
    const og = /<meta property="og:image" content="https:\/\/news\.example\.org([^"]+)"\/>/.exec((await app.inject(`/fa/news/${a.id}/${encodeURIComponent(a.slug)}`)).body)?.[1];
    const card = await app.inject(og!);
    assert.equal(card.statusCode, 200);
    assert.equal(card.headers['content-type'], 'image/png');
  });
});
