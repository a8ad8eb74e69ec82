// The backfill of AVIF and WebP renditions for images stored before migration
// 2026-12-02-302-media-avif, on every dialect: images are put back in their pre-migration state
// (WebP at 480/800/1200 below the original's width only, or no renditions at all), then
// `dateline media backfill` and backfillVariants make what is missing, record it, and the
// article page's <picture> offers AVIF and WebP at every width. A second run does nothing; a run
// that dies halfway loses nothing the next run does not finish.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { DomainError } from '../../../src/core/errors.js';
import { publishArticle } from '../../../src/domain/articles/index.js';
import { backfillVariants, importImage, type BlobStore } from '../../../src/domain/media/index.js';
import { createFileBlobStore } from '../../../src/storage/blobs/fs-store.js';
import { anArticle, threeEditions } from '../../fixtures/factories.js';
import { buildTestApp } from '../../support/app.js';
import { runCli } from '../../support/cli.js';
import { eachDialect } from '../../support/database.js';

const FORMATS = ['image/avif', 'image/webp'] as const;
const SHARP_FORMAT = { 'image/avif': 'heif', 'image/webp': 'webp' } as const;

eachDialect('media backfill', (h) => {
  let app: FastifyInstance;
  const root = () => path.join(h().db.env.DATA_DIR ?? '', 'media');
  const blobs = () => createFileBlobStore(root());
  const db = () => h().db.storage.db;
  const ids: { photo: number; drawing: number; gif: number } = { photo: 0, drawing: 0, gif: 0 };
  let page = '';

  const variantsOf = (mediaId: number) =>
    db().selectFrom('media_variants').selectAll().where('media_id', '=', mediaId).orderBy('mime_type').orderBy('width').execute();
  const widthsOf = async (mediaId: number, type: string) => (await variantsOf(mediaId)).filter((v) => v.mime_type === type).map((v) => v.width);
  const allRows = async () =>
    (await db().selectFrom('media_variants').select(['media_id', 'mime_type', 'width', 'blob_key', 'byte_size']).orderBy('media_id').orderBy('mime_type').orderBy('width').execute()).map(
      (v) => `${v.media_id} ${v.mime_type} ${v.width} ${v.blob_key} ${v.byte_size}`,
    );

  /** Back to what an upload made before AVIF: WebP below the original's width at 480, 800, 1200 only (or nothing). */
  async function toPreMigrationState(mediaId: number, keepWebp: number[]) {
    for (const v of await variantsOf(mediaId)) {
      if (v.mime_type === 'image/webp' && keepWebp.includes(v.width)) continue;
      await db().deleteFrom('media_variants').where('blob_key', '=', v.blob_key).execute();
      fs.rmSync(path.join(root(), v.blob_key));
    }
  }

  const sourcesOf = (html: string) =>
    Object.fromEntries([...html.matchAll(/<source type="([^"]+)" srcset="([^"]+)"/g)].map((m) => [m[1] ?? '', (m[2] ?? '').split(', ').map((c) => c.split(' ')[1])]));

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    app = await buildTestApp(h());
    const photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#446688' } }).jpeg().toBuffer();
    const drawing = await sharp({ create: { width: 700, height: 400, channels: 4, background: '#ffcc00' } }).png().toBuffer();
    const gif = await sharp({ create: { width: 600, height: 300, channels: 3, background: '#222222' } }).gif().toBuffer();
    ids.photo = await importImage(ctx, blobs(), { data: photo, credit: 'Test', texts: { en: { alt: 'A blue card' } } });
    ids.drawing = await importImage(ctx, blobs(), { data: drawing, credit: 'Test', texts: { en: { alt: 'A yellow card' } } });
    ids.gif = await importImage(ctx, blobs(), { data: gif, credit: 'Test', texts: { en: { alt: 'A dark card' } } });
    await toPreMigrationState(ids.photo, [480, 800, 1200]);
    await toPreMigrationState(ids.drawing, []);
    const article = await anArticle(ctx, { headline: 'A story with an older photograph', featuredMediaId: ids.photo });
    await publishArticle(ctx, article.id);
    page = `/en/news/${article.id}/${article.slug}`;
  });
  after(() => app?.close());

  it('starts from images without AVIF, whose page offers WebP only', async () => {
    assert.deepEqual(await widthsOf(ids.photo, 'image/webp'), [480, 800, 1200]);
    assert.deepEqual(await widthsOf(ids.photo, 'image/avif'), []);
    assert.deepEqual(await variantsOf(ids.drawing), []);
    const html = (await app.inject(page)).body;
    assert.ok(!html.includes('<source type="image/avif"'));
    assert.deepEqual(sourcesOf(html), { 'image/webp': ['480w', '800w', '1200w', '1600w'] });
  });

  it('counts what is missing in a dry run, and makes nothing', async () => {
    const before = await allRows();
    const cli = await runCli(['media', 'backfill', '--dry-run'], h().db.env);
    assert.equal(cli.code, 0, cli.stderr);
    // Photo: 5 widths × 2 formats, minus 3 WebP it has; drawing: 3 widths (320, 480, 700) × 2.
    assert.match(cli.stdout, /^Would make 13 renditions for 2 images; 1 of 3 images already had every rendition\.$/m);
    const result = await backfillVariants(h().ctx(), blobs(), { dryRun: true });
    assert.deepEqual(result, { images: 3, complete: 1, backfilled: 2, variants: 13, missingOriginals: 0 });
    assert.deepEqual(await allRows(), before);
  });

  it('refuses a bad batch size, other roles and usage mistakes', async () => {
    await assert.rejects(backfillVariants(h().ctx(), blobs(), { batch: 0 }), (e: unknown) => e instanceof DomainError && e.code === 'MEDIA_INVALID' && e.fields[0]?.field === 'batch');
    await assert.rejects(backfillVariants(h().ctx(), blobs(), { batch: 1.5 }), (e: unknown) => e instanceof DomainError && e.code === 'MEDIA_INVALID');
    const editor = { kind: 'user', id: 99, role: 'editor', name: 'An Editor' } as const;
    await assert.rejects(backfillVariants(h().ctx(editor), blobs()), (e: unknown) => e instanceof DomainError && e.code === 'ROLE_FORBIDDEN');
    for (const args of [['media', 'backfill', '--batch', '0'], ['media', 'backfill', '--batch', 'ten'], ['media', 'backfill', '--frobnicate'], ['media']]) {
      const cli = await runCli(args, h().db.env);
      assert.equal(cli.code, 2, args.join(' '));
      assert.doesNotMatch(cli.stderr, /at .+\.ts:\d+/, 'no stack trace');
    }
    const help = await runCli(['media', 'backfill', '--help'], h().db.env);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--dry-run/);
    assert.match(help.stdout, /--batch N/);
    assert.deepEqual(await widthsOf(ids.photo, 'image/avif'), [], 'nothing was made');
  });

  it('survives a crash halfway: the next run finishes what is missing, and nothing is lost', async () => {
    // A blob store that dies on its tenth write, as a killed process would: the photo's seven
    // renditions are stored and recorded, the drawing's first two stored but not recorded.
    let writes = 0;
    const dying: BlobStore = {
      get: (key) => blobs().get(key),
      delete: (key) => blobs().delete(key),
      async put(key, data) {
        if (++writes === 10) throw new Error('killed');
        await blobs().put(key, data);
      },
    };
    await assert.rejects(backfillVariants(h().ctx(), dying, { batch: 1 }), /killed/);
    assert.deepEqual(await widthsOf(ids.photo, 'image/avif'), [320, 480, 800, 1200, 1600], 'the first batch was kept');
    assert.deepEqual(await widthsOf(ids.photo, 'image/webp'), [320, 480, 800, 1200, 1600]);
    assert.deepEqual(await variantsOf(ids.drawing), [], 'the image it died on has nothing half recorded');
  });

  it('makes every missing rendition on the next run, in batches, in the right formats and widths, through the blob store', async () => {
    const seen: number[] = [];
    const result = await backfillVariants(h().ctx(), blobs(), { batch: 1, onBatch: (p) => seen.push(p.images) });
    assert.deepEqual(result, { images: 3, complete: 2, backfilled: 1, variants: 6, missingOriginals: 0 }, 'only what the crashed run left');
    assert.deepEqual(seen, [1, 2, 3], 'one image a batch');
    const expected = { [ids.photo]: { widths: [320, 480, 800, 1200, 1600], height: (w: number) => (w * 900) / 1600 }, [ids.drawing]: { widths: [320, 480, 700], height: (w: number) => Math.round((w * 400) / 700) } };
    for (const [id, { widths, height }] of Object.entries(expected)) {
      const media = await db().selectFrom('media').select(['blob_key', 'mime_type']).where('id', '=', Number(id)).executeTakeFirstOrThrow();
      for (const type of FORMATS) {
        const own = (await variantsOf(Number(id))).filter((v) => v.mime_type === type);
        // The original's own format at its own width is the original itself.
        const want = media.mime_type === type ? widths.slice(0, -1) : widths;
        assert.deepEqual(own.map((v) => v.width), want, `${id} ${type}`);
        for (const v of own) {
          const bytes = await blobs().get(v.blob_key);
          assert.ok(bytes, v.blob_key);
          const meta = await sharp(bytes).metadata();
          assert.equal(meta.format, SHARP_FORMAT[type]);
          assert.equal(meta.width, v.width);
          assert.ok(Math.abs((meta.height ?? 0) - height(v.width)) <= 1, `${v.blob_key} height ${meta.height}`);
          assert.equal(v.height, meta.height);
          assert.equal(v.byte_size, bytes.length);
          assert.match(v.blob_key, new RegExp(`^${media.blob_key.replace(/\.[a-z]+$/, '').replace(/[./]/g, '\\$&')}\\.w${v.width}\\.${type === 'image/avif' ? 'avif' : 'webp'}$`));
        }
      }
    }
    assert.deepEqual(await variantsOf(ids.gif), [], 'a GIF keeps its animation and gets no renditions');
  });

  it('offers AVIF and WebP at every width on the page at once (the page was purged)', async () => {
    const html = (await app.inject(page)).body;
    const widths = ['320w', '480w', '800w', '1200w', '1600w'];
    assert.deepEqual(sourcesOf(html), { 'image/avif': widths, 'image/webp': widths });
    assert.match(html, /<picture><source type="image\/avif"/, 'AVIF first');
    for (const candidate of [...html.matchAll(/<source type="image\/avif" srcset="([^"]+)"/g)].flatMap((m) => (m[1] ?? '').split(', '))) {
      const served = await app.inject(candidate.split(' ')[0] ?? '');
      assert.equal(served.statusCode, 200);
      assert.equal(served.headers['content-type'], 'image/avif');
    }
  });

  it('does nothing on a second run', async () => {
    const before = await allRows();
    const events = await db().selectFrom('events').select('id').execute();
    assert.deepEqual(await backfillVariants(h().ctx(), blobs()), { images: 3, complete: 3, backfilled: 0, variants: 0, missingOriginals: 0 });
    const cli = await runCli(['media', 'backfill', '--batch', '2'], h().db.env);
    assert.equal(cli.code, 0, cli.stderr);
    assert.match(cli.stdout, /^Made 0 renditions for 0 images; 3 of 3 images already had every rendition\.$/m);
    assert.deepEqual(await allRows(), before);
    assert.equal((await db().selectFrom('events').select('id').execute()).length, events.length, 'no purge either');
  });

  it('skips an image whose original is gone, and says so', async () => {
    const lost = await importImage(h().ctx(), blobs(), {
      data: await sharp({ create: { width: 400, height: 200, channels: 3, background: '#00aa55' } }).jpeg().toBuffer(),
      credit: 'Test',
      texts: { en: { alt: 'A green card' } },
    });
    const media = await db().selectFrom('media').select('blob_key').where('id', '=', lost).executeTakeFirstOrThrow();
    await toPreMigrationState(lost, []);
    fs.rmSync(path.join(root(), media.blob_key));
    const cli = await runCli(['media', 'backfill'], h().db.env);
    assert.equal(cli.code, 0, cli.stderr);
    assert.match(cli.stdout, /^Made 0 renditions for 0 images; 3 of 4 images already had every rendition; 1 image skipped because the original is missing from DATA_DIR\/media\.$/m);
    assert.deepEqual(await variantsOf(lost), []);
  });
});
