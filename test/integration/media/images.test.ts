// Image intake on every dialect: metadata (EXIF, GPS) is stripped, srcset variants are made and
// served, and bad files are refused with a clear code.
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

  it('strips EXIF and GPS, makes WebP variants narrower than the original, and serves them in srcset', async () => {
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
    const variants = await h().db.storage.db.selectFrom('media_variants').selectAll().where('media_id', '=', mediaId).orderBy('width').execute();
    assert.deepEqual(variants.map((v) => v.width), [480, 800, 1200]);
    assert.deepEqual(variants.map((v) => v.height), [270, 450, 675]);

    const article = await anArticle(h().ctx(), { headline: 'A story with a photograph', featuredMediaId: mediaId });
    await publishArticle(h().ctx(), article.id);
    const page = await app.inject(`/en/news/${article.id}/${article.slug}`);
    const srcset = /<img[^>]+srcset="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const candidates = srcset.split(', ');
    assert.equal(candidates.length, 4, srcset);
    assert.match(candidates[0] ?? '', /^\/media\/\d{4}\/\d{2}\/[A-Za-z0-9_-]+\.w480\.webp 480w$/);
    assert.match(candidates[3] ?? '', /\.jpg 1600w$/);
    assert.match(page.body, /alt="A blue test card"/);
    assert.match(page.body, /width="1600" height="900"/);
    const variant = await app.inject(candidates[0]?.split(' ')[0] ?? '');
    assert.equal(variant.statusCode, 200);
    assert.equal(variant.headers['content-type'], 'image/webp');
    assert.match(String(variant.headers['cache-control']), /immutable/);
  });

  it('refuses files that are not images, and images without alt text', async () => {
    const refuse = async (data: Buffer, alt: string) =>
      assert.rejects(importImage(h().ctx(), blobs(), { data, credit: '', texts: { en: { alt } } }), (e: unknown) => e instanceof DomainError && e.code === 'MEDIA_INVALID');
    await refuse(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'.replace('<svg', '<html')), 'x');
    await refuse(Buffer.from('not an image at all'), 'x');
    await refuse(await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).png().toBuffer(), '  ');
    assert.equal((await app.inject('/media/../../etc/passwd')).statusCode, 404);
    assert.equal((await app.inject('/media/2026/11/nothing-here-at-all.png')).statusCode, 404);
  });
});
