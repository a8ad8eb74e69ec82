// Failures Fastify or Node's HTTP parser meet before any context runs, against a listening server
// over raw sockets (inject bypasses the parser): oversize request lines and headers, URLs that do
// not decode, oversize parameters. Each still carries the security headers, a request id,
// no-store and a body in the audience's format.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createApiToken, createUser } from '../../../src/domain/users/index.js';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { threeEditions } from '../../fixtures/factories.js';
import { parseHead, type RawAnswer } from '../../support/raw-http.js';


/** Sends bytes as they are and reads until the server closes or a whole answer arrived. */
function raw(port: number, request: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    const done = () => {
      const split = data.indexOf('\r\n\r\n');
      resolve({ ...parseHead(data.slice(0, split)), body: data.slice(split + 4) });
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      data += chunk;
      const split = data.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: (\d+)/i.exec(data.slice(0, split))?.[1];
      if (split !== -1 && length !== undefined && Buffer.byteLength(data.slice(split + 4)) >= Number(length)) {
        socket.destroy();
        done();
      }
    });
    socket.on('end', done);
    socket.on('error', (error: NodeJS.ErrnoException) => (data ? done() : reject(error)));
    socket.write(request);
  });
}

const assertShared = (answer: RawAnswer, label: string) => {
  assert.match(answer.headers['content-security-policy'] ?? '', /default-src 'none'/, `${label}: CSP`);
  assert.equal(answer.headers['x-frame-options'], 'DENY', `${label}: framing`);
  assert.equal(answer.headers['x-content-type-options'], 'nosniff', `${label}: nosniff`);
  assert.match(answer.headers['x-request-id'] ?? '', /^[0-9a-f-]{36}$/, `${label}: request id`);
  assert.equal(answer.headers['cache-control'], 'no-store', `${label}: no-store`);
  assert.doesNotMatch(answer.body, /x{40}|FST_ERR|HPE_|at .*\.(ts|js):\d+/, `${label}: no echoed input, codes or stack`);
};

eachDialect('early errors', (h) => {
  let app: FastifyInstance;
  let port: number;
  let token: string;

  before(async () => {
    const ctx = h().ctx();
    await threeEditions(ctx);
    await createUser(ctx, { email: 'ed@example.org', name: 'Edna Editor', role: 'editor', password: 'correct horse battery' });
    token = await createApiToken(ctx, { email: 'ed@example.org', name: 'test' });
    app = await buildTestApp(h());
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  after(() => app?.close());

  it('answers a request line longer than the parser takes with 414 and a localized page', async () => {
    const answer = await raw(port, `GET /fa/${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    assert.equal(answer.status, 414);
    assert.match(answer.headers['content-type'] ?? '', /^text\/html/);
    assert.match(answer.body, /<html lang="fa" dir="rtl">/);
    assertShared(answer, 'parser 414');
  });

  it('answers oversize API request lines in JSON', async () => {
    const answer = await raw(port, `GET /api/${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    assert.equal(answer.status, 414);
    assert.deepEqual((JSON.parse(answer.body) as { errors: Array<{ code: string }> }).errors.map((e) => e.code), ['URI_TOO_LONG']);
    assertShared(answer, 'parser 414 api');
  });

  it('answers oversize headers with 431', async () => {
    const answer = await raw(port, `GET /en/ HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'x'.repeat(20_000)}\r\n\r\n`);
    assert.equal(answer.status, 431);
    assert.match(answer.body, /<html lang="en" dir="ltr">/);
    assertShared(answer, '431');
  });

  it('answers a URL over our own limit (but under the parser\u2019s) with 414 from the site context', async () => {
    const answer = await raw(port, `GET /ar/${'x'.repeat(9000)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
    assert.equal(answer.status, 414);
    assert.match(answer.body, /<html lang="ar" dir="rtl">/);
    assertShared(answer, 'hook 414');
  });

  it('answers a parameter over maxParamLength with 414 and one that does not decode with 400', async () => {
    const long = await raw(port, `GET /en/news/1/${'x'.repeat(1500)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
    assert.equal(long.status, 414);
    assert.match(long.body, /<html lang="en" dir="ltr">/);
    assertShared(long, 'param 414');
    const undecodable = await raw(port, `GET /fa/news/1/%E0%A4%A HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
    assert.equal(undecodable.status, 400);
    assert.match(undecodable.body, /<html lang="fa" dir="rtl">/);
    assertShared(undecodable, 'bad url');
    const apiUndecodable = await raw(port, `GET /api/admin/v1/articles/%E0%A4%A HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
    assert.equal(apiUndecodable.status, 400);
    assert.match(apiUndecodable.headers['content-type'] ?? '', /^application\/json/);
    assertShared(apiUndecodable, 'bad api url');
  });

  it('answers bad JSON, oversize and unsupported bodies over the wire with JSON and the shared headers', async () => {
    const url = `http://127.0.0.1:${port}/api/admin/v1/articles`;
    const auth = { authorization: `Bearer ${token}` };
    const cases = [
      { status: 400, code: 'REQUEST_MALFORMED', init: { headers: { ...auth, 'content-type': 'application/json' }, body: '{"edition":' } },
      { status: 413, code: 'PAYLOAD_TOO_LARGE', init: { headers: { ...auth, 'content-type': 'application/json' }, body: `"${'x'.repeat(2 * 1024 * 1024)}"` } },
      { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', init: { headers: { ...auth, 'content-type': 'text/csv' }, body: 'a,b' } },
    ];
    for (const { status, code, init } of cases) {
      const response = await fetch(url, { method: 'POST', ...init });
      assert.equal(response.status, status, code);
      assert.match(response.headers.get('content-type') ?? '', /^application\/json/, code);
      assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'/, code);
      assert.match(response.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/, code);
      const body = (await response.json()) as { errors: Array<{ code: string }> };
      assert.deepEqual(body.errors.map((e) => e.code), [code]);
    }
  });
});
