// A request that arrives on a kept-alive connection while the server is closing gets a whole 503
// in the audience's format, with Retry-After, Connection: close and the shared security headers —
// not Fastify's bare JSON.
import assert from 'node:assert/strict';
import net from 'node:net';
import { it } from 'node:test';
import { eachDialect } from '../../support/database.js';
import { buildTestApp } from '../../support/app.js';
import { threeEditions } from '../../fixtures/factories.js';
import { parseHead, type RawAnswer } from '../../support/raw-http.js';

/** Reads whole answers off one socket, in order. */
function reader(socket: net.Socket) {
  let data = '';
  const waiting: Array<() => void> = [];
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    data += chunk;
    waiting.splice(0).forEach((wake) => wake());
  });
  return async (): Promise<RawAnswer> => {
    for (;;) {
      const split = data.indexOf('\r\n\r\n');
      const length = split === -1 ? undefined : /\r\ncontent-length: (\d+)/i.exec(data.slice(0, split))?.[1];
      if (length !== undefined && Buffer.byteLength(data.slice(split + 4)) >= Number(length)) {
        const head = data.slice(0, split);
        const body = Buffer.from(data.slice(split + 4)).subarray(0, Number(length)).toString();
        data = Buffer.from(data.slice(split + 4)).subarray(Number(length)).toString();
        return { ...parseHead(head), body };
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };
}

eachDialect('closing server', (h) => {
  it('answers a request on a kept-alive connection with a localized 503 while it closes', async () => {
    await threeEditions(h().ctx());
    const app = await buildTestApp(h());
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const socket = net.connect(port, '127.0.0.1');
    const next = reader(socket);
    socket.write('GET /fa/ HTTP/1.1\r\nHost: x\r\n\r\n');
    assert.equal((await next()).status, 200);

    // Half a request on the wire when the server starts closing (an idle connection would just
    // be closed), the rest after.
    socket.write('GET /fa/ HTTP/1.1\r\nHost: x\r\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = app.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.write('\r\n');
    const answer = await next();
    assert.equal(answer.status, 503);
    assert.equal(answer.headers.connection, 'close');
    assert.ok(Number(answer.headers['retry-after']) > 0);
    assert.match(answer.headers['content-security-policy'] ?? '', /default-src 'none'/);
    assert.match(answer.headers['content-type'] ?? '', /text\/html/);
    assert.match(answer.body, /<html[^>]+lang="fa"[^>]+dir="rtl"/);
    socket.destroy();
    await closed;
  });
});
