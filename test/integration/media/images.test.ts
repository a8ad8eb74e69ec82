// Image intake on every dialect: metadata (EXIF, GPS) is stripped, AVIF and WebP variants are made
// at every width and served as <picture> sources, and bad files are refused with a clear code.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { DomainError } from '../../../src/core/errors.js';
import { publishArticle } from '../../../src/domain/articles/index.js';
import { importImage } from '../../../src/domain/media/index.js';
import { createFileBlobStore } from '../../../src/storage/blobs/fs-store.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { anArticle, threeEditions } from '../../fixtures/factories.js';

eachDialect('images', (h) => {
  let app: FastifyInstance;
  const blobs = () => createFileBlobStore(path.join(h().db.env.DATA_DIR ?? '', 'media'));

  before(async () => {
    await threeEditions(h().ctx());
    app = await buildTestApp(h());
  });
  after(() => app?.close());

  const sourcesOf = (html: string) =>
    Object.fromEntries([...html.matchAll(/<source type="([^"]+)" srcset="([^"]+)" sizes="[^"]+"\/>/g)].map((m) => [m[1] ?? '', (m[2] ?? '').split(', ')]));

  it('strips EXIF and GPS, makes AVIF and WebP at every width up to the original, and serves them as <picture> sources', async () => {
    const photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#446688' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'TestCam', Copyright: 'secret owner' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 41/1 0/1' } })
      .toBuffer();
    assert.ok((await sharp(photo).metadata()).exif, 'the fixture carries EXIF');
    const mediaId = await importImage(h().ctx(), blobs(), { data: photo, credit: 'Test Photographer', texts: { en: { alt: 'A blue test card', caption: 'Caption' } } });

    const media = await h().db.storage.db.selectFrom('media').selectAll().where('id', '=', mediaId).executeTakeFirstOrThrow();
    const stored = await blobs().get(media.blob_key);
    assert.ok(stored);
    const meta = await sharp(stored).metadata();
    assert.equal(meta.exif, undefined, 'EXIF (and its GPS block) is gone');
    assert.equal(meta.width, 1600);
    const variants = await h().db.storage.db.selectFrom('media_variants').selectAll().where('media_id', '=', mediaId).orderBy('mime_type').orderBy('width').execute();
    for (const type of ['image/avif', 'image/webp']) {
      const own = variants.filter((v) => v.mime_type === type);
      assert.deepEqual(own.map((v) => v.width), [320, 480, 800, 1200, 1600], type);
      assert.deepEqual(own.map((v) => v.height), [180, 270, 450, 675, 900], type);
      for (const v of own) assert.equal((await sharp((await blobs().get(v.blob_key)) ?? Buffer.alloc(0)).metadata()).format, type === 'image/avif' ? 'heif' : 'webp');
    }

    const article = await anArticle(h().ctx(), { headline: 'A story with a photograph', featuredMediaId: mediaId });
    await publishArticle(h().ctx(), article.id);
    const page = await app.inject(`/en/news/${article.id}/${article.slug}`);
    const sources = sourcesOf(page.body);
    assert.deepEqual(Object.keys(sources), ['image/avif', 'image/webp'], 'AVIF first: the browser takes the first type it can show');
    for (const [type, ext] of [['image/avif', 'avif'], ['image/webp', 'webp']] as const) {
      const candidates = sources[type] ?? [];
      assert.deepEqual(candidates.map((c) => c.split(' ')[1]), ['320w', '480w', '800w', '1200w', '1600w']);
      for (const candidate of candidates) {
        assert.match(candidate, new RegExp(`^/media/\\d{4}/\\d{2}/[A-Za-z0-9_-]+\\.w\\d+\\.${ext} \\d+w$`));
        const variant = await app.inject(candidate.split(' ')[0] ?? '');
        assert.equal(variant.statusCode, 200);
        assert.equal(variant.headers['content-type'], type);
        assert.equal(variant.headers['content-encoding'], undefined, 'images are not compressed again');
        assert.match(String(variant.headers['cache-control']), /immutable/);
      }
    }
    // The original stays the <img> for any browser without either format.
    assert.match(page.body, new RegExp(`<picture>(<source [^>]+>){2}<img src="/media/${media.blob_key.replace(/[./]/g, '\\$&')}" alt="A blue test card" width="1600" height="900"`));
  });

  it('refuses files that are not images, and images without alt text', async () => {
    const refuse = async (data: Buffer, alt: string, code: string) =>
      assert.rejects(importImage(h().ctx(), blobs(), { data, credit: '', texts: { en: { alt } } }), (e: unknown) => e instanceof DomainError && e.code === code);
    await refuse(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'.replace('<svg', '<html')), 'x', 'MEDIA_UNSUPPORTED');
    await refuse(Buffer.from('not an image at all'), 'x', 'MEDIA_UNSUPPORTED');
    await refuse(await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).png().toBuffer(), '  ', 'MEDIA_INVALID');
    assert.equal((await app.inject('/media/../../etc/passwd')).statusCode, 404);
    assert.equal((await app.inject('/media/2026/11/nothing-here-at-all.png')).statusCode, 404);
  });
});
