// The media library on every dialect: a multipart upload strips EXIF/GPS from the original and
// every rendition, and is listed and served; each refusal answers its status (415 not an image or
// a lying type, 413 too big or two files, 422 a pixel bomb, an empty file or no alt text); roles
// and CSRF; editing texts; "used in" and the refusal to delete an image in use (409); the picker's
// JSON and its pages; image and embed blocks in bodies, validated and rendered as click-to-load
// cards that point no src at another host, with frame-src in the CSP only on such pages.
import assert from 'node:assert/strict';
import path from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { DomainError } from '../../../src/core/errors.js';
import { createArticle, publishArticle, type BodyDocument } from '../../../src/domain/articles/index.js';
import { importImage, MAX_IMAGE_BYTES } from '../../../src/domain/media/index.js';
import { createUser } from '../../../src/domain/users/index.js';
import { createFileBlobStore } from '../../../src/storage/blobs/fs-store.js';
import { classify } from '../../../src/web/problem.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { Browser, ORIGIN, csrfOf } from '../../support/newsroom.js';
import { articleInput, threeEditions } from '../../fixtures/factories.js';

const PASSWORD = 'correct horse battery staple';

interface FilePart {
  name: string;
  type: string;
  data: Buffer;
}

function multipart(fields: Record<string, string>, files: FilePart[]) {
  const boundary = `----dateline${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A PNG whose header claims width × height but whose data is a few bytes: a decompression bomb's shape. */
function claimedPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))]);
}

const gpsJpeg = () =>
  sharp({ create: { width: 900, height: 600, channels: 3, background: '#336699' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'TestCam', Copyright: 'secret owner' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 41/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '51/1 25/1 0/1' } })
    .toBuffer();

const smallPng = (colour = '#884422') => sharp({ create: { width: 40, height: 30, channels: 3, background: colour } }).png().toBuffer();

eachDialect('media library', (h) => {
  let app: FastifyInstance;
  const blobs = () => createFileBlobStore(path.join(h().db.env.DATA_DIR ?? '', 'media'));
  const as = async (email: string) => {
    const b = new Browser(app);
    await b.signIn(email, PASSWORD);
    return b;
  };
  const upload = async (b: Browser, fields: Record<string, string>, files: FilePart[], options: { csrf?: string | null } = {}) => {
    const csrf = options.csrf === undefined ? csrfOf((await b.get('/admin/media')).body) : options.csrf;
    const { payload, contentType } = multipart(csrf === null ? fields : { _csrf: csrf, ...fields }, files);
    return app.inject({ method: 'POST', url: '/admin/media', headers: { 'content-type': contentType, cookie: b.header(), origin: ORIGIN }, payload });
  };
  const mediaCount = async () => Number((await h().db.storage.db.selectFrom('media').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const staffCtx = () => h().ctx();

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    for (const [email, role] of [
      ['ed@example.org', 'editor'],
      ['rep@example.org', 'reporter'],
      ['mod@example.org', 'moderator'],
    ] as const) {
      await createUser(ctx, { email, name: `The ${role}`, role, password: PASSWORD });
    }
    app = await buildTestApp(h(), { runJobs: false });
  });
  after(() => app?.close());

  it('uploads a JPEG: metadata and GPS are gone from the original and every rendition, it is listed and served', async () => {
    const photo = await gpsJpeg();
    assert.ok((await sharp(photo).metadata()).exif, 'the fixture carries EXIF with GPS');
    const rep = await as('rep@example.org');
    const res = await upload(rep, { 'alt.en': 'Blue harbour test card', 'caption.en': 'Dawn at the pier', 'alt.fa': 'کارت آزمایشی آبی', credit: 'Test Photographer' }, [{ name: 'pier.jpg', type: 'image/jpeg', data: photo }]);
    assert.equal(res.statusCode, 303);
    const location = String(res.headers.location);
    const id = Number(/^\/admin\/media\/(\d+)\?uploaded$/.exec(location)?.[1]);
    assert.ok(id > 0, location);
    const page = await rep.get(`/admin/media/${id}`);
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');

    const row = await h().db.storage.db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const variants = await h().db.storage.db.selectFrom('media_variants').selectAll().where('media_id', '=', id).execute();
    assert.ok(variants.length >= 4, 'renditions were made');
    for (const key of [row.blob_key, ...variants.map((v) => v.blob_key)]) {
      const served = await app.inject(`/media/${key}`);
      assert.equal(served.statusCode, 200, key);
      const meta = await sharp(served.rawPayload).metadata();
      assert.equal(meta.exif, undefined, `${key} has no EXIF (so no GPS)`);
      assert.equal(meta.xmp, undefined, `${key} has no XMP`);
    }
    const texts = await h().db.storage.db.selectFrom('media_texts').selectAll().where('media_id', '=', id).orderBy('language').execute();
    assert.deepEqual(texts.map((t) => [t.language, t.alt_text]), [['en', 'Blue harbour test card'], ['fa', 'کارت آزمایشی آبی']]);

    const list = await rep.get('/admin/media');
    assert.equal(list.statusCode, 200);
    const smallest = variants.filter((v) => v.mime_type === 'image/webp').sort((a, b) => a.width - b.width)[0]!;
    assert.ok(list.body.includes(`href="/admin/media/${id}"`));
    assert.ok(list.body.includes(`src="/media/${smallest.blob_key}"`), 'the grid shows the smallest rendition');
    const found = await rep.get('/admin/media?q=PIER');
    assert.ok(found.body.includes(`href="/admin/media/${id}"`), 'search matches captions, ignoring case');
    const missed = await rep.get('/admin/media?q=nothing-like-this');
    assert.ok(!missed.body.includes(`href="/admin/media/${id}"`));
  });

  it('refuses what is not an upload of one image with alt text, each with its status, and stores nothing', async () => {
    const ed = await as('ed@example.org');
    const png = await smallPng();
    const alt = { 'alt.en': 'A test image' };
    const before = await mediaCount();
    const cases: Array<[string, Promise<{ statusCode: number }>, number]> = [
      ['text as an image', upload(ed, alt, [{ name: 'a.png', type: 'image/png', data: Buffer.from('this is plain text, not an image') }]), 415],
      ['html declared as html', upload(ed, alt, [{ name: 'a.html', type: 'text/html', data: Buffer.from('<html><script>alert(1)</script></html>') }]), 415],
      ['a PNG that says it is a JPEG', upload(ed, alt, [{ name: 'a.jpg', type: 'image/jpeg', data: png }]), 415],
      ['a PNG that says it is text', upload(ed, alt, [{ name: 'a.txt', type: 'text/plain', data: png }]), 415],
      ['too big', upload(ed, alt, [{ name: 'big.png', type: 'image/png', data: Buffer.concat([png, Buffer.alloc(MAX_IMAGE_BYTES)]) }]), 413],
      ['two files', upload(ed, alt, [{ name: 'a.png', type: 'image/png', data: png }, { name: 'b.png', type: 'image/png', data: png }]), 413],
      ['too many pixels', upload(ed, alt, [{ name: 'bomb.png', type: 'image/png', data: claimedPng(30000, 30000) }]), 422],
      ['an empty file', upload(ed, alt, [{ name: 'empty.png', type: 'image/png', data: Buffer.alloc(0) }]), 422],
      ['no alt text', upload(ed, { 'caption.en': 'A caption alone' }, [{ name: 'a.png', type: 'image/png', data: png }]), 422],
      ['no file', upload(ed, alt, []), 422],
    ];
    for (const [name, response, status] of cases) {
      const res = (await response) as { statusCode: number; body: string; headers: Record<string, unknown> };
      assert.equal(res.statusCode, status, name);
      assert.match(String(res.headers['content-type']), /text\/html/, name);
      assert.match(res.body, /class="notice notice-error"/, `${name}: the form says why`);
      assert.ok(!/at |node_modules|\/work\//.test(res.body.replace(/<[^>]+>/g, ' ').match(/notice-error[^<]*<\/p>/)?.[0] ?? ''), `${name}: no stack or path`);
    }
    const form = await ed.post('/admin/media', { 'alt.en': 'x' }, { from: '/admin/media' });
    assert.equal(form.statusCode, 415, 'a form that is not multipart');
    assert.equal(await mediaCount(), before);
  });

  it('keeps moderators out (403) and refuses an upload without the CSRF token (403)', async () => {
    const mod = await as('mod@example.org');
    for (const url of ['/admin/media', '/admin/media/search.json', '/admin/media/1']) assert.equal((await mod.get(url)).statusCode, 403, url);
    const png = await smallPng();
    const token = csrfOf((await mod.get('/admin/account')).body);
    assert.equal((await upload(mod, { 'alt.en': 'x' }, [{ name: 'a.png', type: 'image/png', data: png }], { csrf: token })).statusCode, 403);
    const ed = await as('ed@example.org');
    const before = await mediaCount();
    assert.equal((await upload(ed, { 'alt.en': 'x' }, [{ name: 'a.png', type: 'image/png', data: png }], { csrf: null })).statusCode, 403);
    assert.equal((await upload(ed, { 'alt.en': 'x' }, [{ name: 'a.png', type: 'image/png', data: png }], { csrf: 'A'.repeat(43) })).statusCode, 403);
    assert.equal(await mediaCount(), before);
  });

  it('edits alt text, caption and credit; a caption without alt text is 422', async () => {
    const id = await importImage(staffCtx(), blobs(), { data: await smallPng('#112233'), credit: 'Old credit', texts: { en: { alt: 'Old alt' } } });
    const rep = await as('rep@example.org');
    const ok = await rep.post(`/admin/media/${id}`, { 'alt.en': 'New alt', 'caption.en': 'New caption', 'alt.ar': 'نص بديل', credit: 'New credit' }, { from: `/admin/media/${id}` });
    assert.equal(ok.statusCode, 303);
    const texts = await h().db.storage.db.selectFrom('media_texts').selectAll().where('media_id', '=', id).orderBy('language').execute();
    assert.deepEqual(texts.map((t) => [t.language, t.alt_text, t.caption]), [['ar', 'نص بديل', ''], ['en', 'New alt', 'New caption']]);
    const bad = await rep.post(`/admin/media/${id}`, { 'alt.en': '', 'caption.en': 'Caption alone', credit: '' }, { from: `/admin/media/${id}` });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /aria-invalid="true"/);
    assert.equal((await rep.get('/admin/media/999999')).statusCode, 404);
    assert.equal((await rep.get('/admin/media/abc')).statusCode, 404);
  });

  it('lists where an image is used, refuses to delete it while used (409), and deletes an unused one with its files', async () => {
    const ctx = staffCtx();
    const used = await importImage(ctx, blobs(), { data: await smallPng('#445566'), credit: '', texts: { en: { alt: 'Used image' } } });
    const inBody = await importImage(ctx, blobs(), { data: await smallPng('#665544'), credit: '', texts: { en: { alt: 'Body image' } } });
    const featured = await createArticle(ctx, articleInput({ headline: 'Featured image story', featuredMediaId: used }));
    const body: BodyDocument = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Text.' }] }, { type: 'image', mediaId: inBody }] };
    const bodied = await createArticle(ctx, articleInput({ headline: 'Body image story', body }));
    const ed = await as('ed@example.org');
    const page = await ed.get(`/admin/media/${used}`);
    assert.ok(page.body.includes(`href="/admin/articles/${featured.id}/edit"`), 'featured use is listed');
    const bodyPage = await ed.get(`/admin/media/${inBody}`);
    assert.ok(bodyPage.body.includes(`href="/admin/articles/${bodied.id}/edit"`), 'body use is listed');
    const refused = await ed.post(`/admin/media/${inBody}/delete`, {}, { from: `/admin/media/${inBody}` });
    assert.equal(refused.statusCode, 409);
    assert.ok(refused.body.includes(`href="/admin/articles/${bodied.id}/edit"`), 'the refusal lists the article');
    assert.ok(await h().db.storage.db.selectFrom('media').select('id').where('id', '=', inBody).executeTakeFirst());

    const unused = await importImage(ctx, blobs(), { data: await smallPng('#abcdef'), credit: '', texts: { en: { alt: 'Unused' } } });
    const keys = [
      (await h().db.storage.db.selectFrom('media').select('blob_key').where('id', '=', unused).executeTakeFirstOrThrow()).blob_key,
      ...(await h().db.storage.db.selectFrom('media_variants').select('blob_key').where('media_id', '=', unused).execute()).map((v) => v.blob_key),
    ];
    // A reporter may delete only their own uploads.
    const rep = await as('rep@example.org');
    assert.equal((await rep.post(`/admin/media/${unused}/delete`, {}, { from: `/admin/media/${unused}` })).statusCode, 403);
    const gone = await ed.post(`/admin/media/${unused}/delete`, {}, { from: `/admin/media/${unused}` });
    assert.equal(gone.statusCode, 303);
    assert.equal(await h().db.storage.db.selectFrom('media').select('id').where('id', '=', unused).executeTakeFirst(), undefined);
    for (const key of keys) assert.equal(await blobs().get(key), undefined, `${key} is deleted`);
    assert.equal((await ed.post(`/admin/media/${unused}/delete`, {}, { from: '/admin/media' })).statusCode, 404, 'a second delete');
  });

  it('answers the picker JSON with its shape, a search and keyset pages, never stored', async () => {
    const ctx = staffCtx();
    const ids: number[] = [];
    for (const colour of ['#010101', '#020202', '#030303']) ids.push(await importImage(ctx, blobs(), { data: await smallPng(colour), credit: 'Picker Credit', texts: { en: { alt: `Picker ${colour}`, caption: 'Picker caption' }, fa: { alt: `تصویر ${colour}` } } }));
    const ed = await as('ed@example.org');
    const first = await ed.get('/admin/media/search.json?q=picker%20caption&limit=2', { accept: 'application/json' });
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['cache-control'], 'no-store');
    assert.match(String(first.headers['content-type']), /application\/json/);
    const page1 = JSON.parse(first.body) as { items: Array<Record<string, unknown>>; next: string | null };
    assert.deepEqual(page1.items.map((i) => i.id), [ids[2], ids[1]]);
    assert.deepEqual(Object.keys(page1.items[0]!).sort(), ['alt', 'caption', 'credit', 'height', 'id', 'thumbUrl', 'width']);
    assert.equal(page1.items[0]!.width, 40);
    assert.match(String(page1.items[0]!.thumbUrl), /^\/media\/\d{4}\/\d{2}\//);
    assert.equal(page1.next, String(ids[1]));
    const page2 = JSON.parse((await ed.get(`/admin/media/search.json?q=picker%20caption&limit=2&before=${page1.next}`)).body) as typeof page1;
    assert.deepEqual(page2.items.map((i) => i.id), [ids[0]]);
    assert.equal(page2.next, null);
    const fa = JSON.parse((await ed.get(`/admin/media/search.json?q=picker%20caption&limit=1&edition=fa`)).body) as typeof page1;
    assert.equal(fa.items[0]!.alt, 'تصویر #030303');
    for (const bad of ['before=abc', 'before=0', 'limit=0', 'limit=1000']) assert.equal((await ed.get(`/admin/media/search.json?${bad}`)).statusCode, 400, bad);
  });

  it('validates image and embed blocks: a missing image and hostile embed URLs are 422', async () => {
    const ctx = staffCtx();
    const para = { type: 'paragraph', content: [{ type: 'text', text: 'Intro.' }] } as const;
    const refuse = async (block: unknown, name: string) => {
      const body = { type: 'doc', content: [para, block] } as unknown as BodyDocument;
      await assert.rejects(createArticle(ctx, articleInput({ body })), (e: unknown) => e instanceof DomainError && e.code === 'ARTICLE_INVALID' && classify(e).status === 422, name);
    };
    await refuse({ type: 'image', mediaId: 987654 }, 'an image not in the library');
    await refuse({ type: 'image', mediaId: 0 }, 'id 0');
    await refuse({ type: 'image', mediaId: '3' }, 'a string id');
    for (const url of [
      'javascript:alert(1)',
      'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
      'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
      '/\\evil.example',
      'data:text/html,<script>alert(1)</script>',
      'http://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&x=<script>',
      'https://evil.example@www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://www.youtube.com:8080/watch?v=dQw4w9WgXcQ',
      ' https://youtu.be/dQw4w9WgXcQ',
    ]) {
      await refuse({ type: 'embed', provider: 'youtube', url }, url);
    }
    await refuse({ type: 'embed', provider: 'x', url: 'https://t.me/durov/123' }, 'another provider’s URL');
    await refuse({ type: 'embed', provider: 'vimeo', url: 'https://vimeo.com/1' }, 'an unknown provider');
    await refuse({ type: 'embed', provider: 'telegram', url: 'https://t.me/s/durov/123' }, 'a telegram preview path');
  });

  it('renders body images as <picture> and embeds as click-to-load cards: no src to another host, frame-src only there, media tags', async () => {
    const ctx = staffCtx();
    const mediaId = await importImage(ctx, blobs(), { data: await gpsJpeg(), credit: 'Body Credit', texts: { en: { alt: 'Body alt text', caption: 'Library caption' } } });
    const body = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Before the picture.' }] },
        { type: 'image', mediaId, caption: 'Block caption searchable' },
        { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
        { type: 'embed', provider: 'x', url: 'https://x.com/example/status/1234567890' },
        { type: 'embed', provider: 'telegram', url: 'https://t.me/durov/123' },
        { type: 'paragraph', content: [{ type: 'text', text: 'After the embeds.' }] },
      ],
    } as BodyDocument;
    const article = await createArticle(ctx, articleInput({ headline: 'A story with embeds', body }));
    await publishArticle(ctx, article.id);
    const url = `/en/news/${article.id}/${article.slug}`;
    const page = await app.inject(url);
    assert.equal(page.statusCode, 200);
    const html = page.body;
    assert.match(html, /<figure class="body-image"><picture><source type="image\/avif"/);
    assert.ok(html.includes('alt="Body alt text"'));
    assert.ok(html.includes('Block caption searchable'));
    assert.equal((html.match(/class="embed-card /g) ?? []).length, 3);
    assert.ok(html.includes('href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"'), 'the card links to the original');
    assert.ok(!/<iframe/i.test(html), 'no iframe before the click');
    for (const m of html.matchAll(/\s(?:src|srcset)="([^"]*)"/g)) {
      for (const candidate of (m[1] ?? '').split(',')) assert.ok(!/^\s*(https?:)?\/\//i.test(candidate), `no src to another host: ${m[1]}`);
    }
    const csp = String(page.headers['content-security-policy']);
    assert.match(csp, /frame-src https:\/\/platform\.twitter\.com https:\/\/t\.me https:\/\/www\.youtube-nocookie\.com(;|$)/);
    assert.ok(String(page.headers['surrogate-key']).split(' ').includes(`media:${mediaId}`), 'the page is purged when the image changes');
    // A cached hit sends the same policy.
    const hit = await app.inject(url);
    assert.equal(hit.headers['x-cache'], 'hit');
    assert.equal(hit.headers['content-security-policy'], csp);
    // A page without embeds frames nothing.
    const plain = await createArticle(ctx, articleInput({ headline: 'A plain story' }));
    await publishArticle(ctx, plain.id);
    const plainPage = await app.inject(`/en/news/${plain.id}/${plain.slug}`);
    assert.ok(!String(plainPage.headers['content-security-policy']).includes('frame-src'));
    // Editing the image's alt text reaches the cached page (media:N purge and a fresh render).
    const ed = await as('ed@example.org');
    assert.equal((await ed.post(`/admin/media/${mediaId}`, { 'alt.en': 'Renamed alt text', credit: 'Body Credit' }, { from: `/admin/media/${mediaId}` })).statusCode, 303);
    const after = await app.inject(url);
    assert.ok(after.body.includes('alt="Renamed alt text"'));
  });
});
