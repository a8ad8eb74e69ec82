// Compression of the reader site on every dialect: pages on a cache miss and on a hit, in the
// encoding Accept-Encoding asks for (q-values included), byte-identical once decoded, with their
// own ETag, Content-Length and 304 per encoding; the stylesheet precompressed at start; images
// and small bodies sent as they are.
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, before, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { publishArticle } from '../../../src/domain/articles/index.js';
import { anArticle, threeEditions } from '../../fixtures/factories.js';
import { buildTestApp } from '../../support/app.js';
import { eachDialect } from '../../support/database.js';

const decode = (r: LightMyRequestResponse): Buffer => {
  const encoding = r.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(r.rawPayload);
  if (encoding === 'gzip') return gunzipSync(r.rawPayload);
  assert.equal(encoding, undefined);
  return r.rawPayload;
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 150)); // the other form is made after the answer

eachDialect('compression', (h) => {
  let app: FastifyInstance;
  const urls: string[] = [];

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    for (let i = 0; i < 6; i++) {
      const a = await anArticle(ctx, { body: `${'The ferry terminal opened on Monday. '.repeat(40)}\n\nParagraph ${i}.` });
      await publishArticle(ctx, a.id);
      urls.push(`/en/news/${a.id}/${a.slug}`);
    }
    // No job runner: a related-articles refresh finishing mid-test would purge the pages under test.
    app = await buildTestApp(h(), { runJobs: false });
  });
  after(() => app?.close());

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

  it('compresses a miss in the negotiated encoding and serves the same bytes on the hits', async () => {
    const cases: Array<[string | undefined, 'br' | 'gzip' | undefined]> = [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      [undefined, undefined],
      ['br;q=0, gzip;q=0', undefined],
      ['br;q=0.5, gzip;q=0.9', 'gzip'],
    ];
    for (const [i, [accept, expected]] of cases.entries()) {
      const url = urls[i] ?? '';
      const miss = await get(url, accept ? { 'accept-encoding': accept } : {});
      assert.equal(miss.statusCode, 200);
      assert.equal(miss.headers['x-cache'], 'miss', url);
      assert.equal(miss.headers['content-encoding'], expected, `miss with ${accept}`);
      assert.match(String(miss.headers.vary), /accept-encoding/i);
      assert.equal(Number(miss.headers['content-length']), miss.rawPayload.length);
      await settle();
      const identity = await get(url);
      assert.equal(identity.headers['x-cache'], 'hit');
      assert.equal(identity.headers['content-encoding'], undefined);
      assert.ok(identity.rawPayload.length > 1024);
      assert.ok(decode(miss).equals(identity.rawPayload), `decoded ${accept} miss equals the identity body`);
      if (expected) assert.ok(miss.rawPayload.length < identity.rawPayload.length / 3, 'the compressed form is much smaller');
      assert.equal(miss.headers.etag, expected ? String(identity.headers.etag).replace(/"$/, `-${expected}"`) : identity.headers.etag);

      // Every form is on hand for the hits now, whichever one the miss made.
      for (const [hitAccept, hitExpected] of [['br', 'br'], ['gzip', 'gzip'], ['br;q=0, gzip', 'gzip'], ['identity', undefined]] as const) {
        const hit = await get(url, { 'accept-encoding': hitAccept });
        assert.equal(hit.headers['x-cache'], 'hit');
        assert.equal(hit.headers['content-encoding'], hitExpected, `hit with ${hitAccept}`);
        assert.equal(Number(hit.headers['content-length']), hit.rawPayload.length);
        assert.ok(decode(hit).equals(identity.rawPayload));
      }
    }
  });

  it('gives each encoding its own ETag and answers 304 for that one, on a hit and on a miss', async () => {
    const url = urls[5] ?? '';
    const br = await get(url, { 'accept-encoding': 'br' });
    await settle();
    const gz = await get(url, { 'accept-encoding': 'gzip' });
    const plain = await get(url);
    const etags = new Set([br.headers.etag, gz.headers.etag, plain.headers.etag]);
    assert.equal(etags.size, 3, 'three representations, three validators');
    for (const [accept, response] of [['br', br], ['gzip', gz], ['identity', plain]] as const) {
      const etag = String(response.headers.etag);
      const revalidated = await get(url, { 'accept-encoding': accept, 'if-none-match': etag });
      assert.equal(revalidated.statusCode, 304, accept);
      assert.equal(revalidated.headers.etag, etag);
      assert.equal(revalidated.rawPayload.length, 0);
    }
    // A validator of another encoding's form is not this one's.
    assert.equal((await get(url, { 'accept-encoding': 'gzip', 'if-none-match': String(br.headers.etag) })).statusCode, 200);
    // On a miss (the entry expired) the same validators hold.
    h().clock.advance(61_000);
    const miss = await get(url, { 'accept-encoding': 'gzip', 'if-none-match': String(gz.headers.etag) });
    assert.equal(miss.headers['x-cache'], 'miss');
    assert.equal(miss.statusCode, 304);
    assert.equal(miss.headers['content-encoding'], undefined, 'a 304 carries no body to encode');
  });

  it('compresses public pages the cache does not keep (search results), never personal answers', async () => {
    const search = await get('/en/search?q=ferry', { 'accept-encoding': 'gzip' });
    assert.equal(search.statusCode, 200);
    assert.equal(search.headers['content-encoding'], 'gzip');
    assert.match(gunzipSync(search.rawPayload).toString(), /<html lang="en"/);
    // A secret beside reflected input in a compressed body is what BREACH reads: what is
    // personal (credentials, no-store answers such as error pages) goes out as it is.
    const personal = await get(urls[0] ?? '', { 'accept-encoding': 'br', authorization: 'Bearer x' });
    assert.equal(personal.headers['x-cache'], 'bypass');
    assert.equal(personal.headers['content-encoding'], undefined);
    const missing = await get('/en/news/999999/missing', { 'accept-encoding': 'br' });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.headers['content-encoding'], undefined);
  });

  it('sends small bodies and images as they are', async () => {
    const robots = await get('/robots.txt', { 'accept-encoding': 'br, gzip' });
    assert.equal(robots.statusCode, 200);
    assert.ok(robots.rawPayload.length < 1024);
    assert.equal(robots.headers['content-encoding'], undefined);
    const page = await get(urls[0] ?? '');
    const logo = /"logo":\{"@type":"ImageObject","url":"https:\/\/news\.example\.org(\/assets\/logo\.[a-f0-9]+\.png)"/.exec(page.body)?.[1];
    assert.ok(logo, 'the page names the publisher logo');
    const image = await get(logo, { 'accept-encoding': 'br, gzip' });
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers['content-type'], 'image/png');
    assert.equal(image.headers['content-encoding'], undefined);
  });

  it('serves the stylesheet precompressed, by negotiation, with an ETag and 304 per encoding', async () => {
    const page = await get(urls[0] ?? '');
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(href);
    const identity = await get(href);
    assert.equal(identity.statusCode, 200);
    assert.equal(identity.headers['content-encoding'], undefined);
    assert.match(String(identity.headers['content-type']), /^text\/css/);
    const seen = new Set<string>();
    for (const [accept, expected] of [['br', 'br'], ['gzip', 'gzip'], ['gzip;q=1, br;q=0', 'gzip'], ['br;q=0, gzip;q=0', undefined]] as const) {
      const r = await get(href, { 'accept-encoding': accept });
      assert.equal(r.statusCode, 200);
      assert.equal(r.headers['content-encoding'], expected, accept);
      assert.match(String(r.headers.vary), /accept-encoding/i);
      assert.equal(Number(r.headers['content-length']), r.rawPayload.length);
      assert.ok(decode(r).equals(identity.rawPayload), `${accept} decodes to the stylesheet`);
      if (expected) assert.ok(r.rawPayload.length < identity.rawPayload.length / 2);
      const etag = String(r.headers.etag);
      assert.match(etag, /^"[^"]+"$/, 'a strong ETag');
      seen.add(etag);
      const revalidated = await get(href, { 'accept-encoding': accept, 'if-none-match': etag });
      assert.equal(revalidated.statusCode, 304);
      assert.equal(revalidated.headers.etag, etag);
    }
    assert.equal(seen.size, 3, 'identity, gzip and brotli each have their own');
  });
});
