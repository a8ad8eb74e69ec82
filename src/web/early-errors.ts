// Answers for failures met before any context's hooks can run: Fastify's framework errors (a URL
// that does not decode, a parameter over maxParamLength) and Node's client errors (headers or a
// request line over the parser's limit, which Node reports on the socket before any request
// exists). They still carry the security headers, a request id, no-store and a proper body in the
// audience's format. With no route to decide, the audience is chosen by the URL's prefix: the
// only place in web/ that does so.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_URL_LENGTH } from './http-status.js';
import { securityHeaderList } from './plugins/security.js';
import { REQUEST_ID_HEADER } from './plugins/request-id.js';
import { classify, codeOfStatus, type Problem } from './problem.js';
import { problemHeaders } from './site/errors.js';

export type EarlyAnswer = (problem: Problem, url: string, requestId: string) => { type: string; body: string };

export interface EarlyErrors {
  /** The answer for URLs under a prefix ('' for everything else). */
  audience(prefix: string, answer: EarlyAnswer): void;
  frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void;
  clientErrorHandler(error: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void;
}

/** The request target of a raw request, when its request line is in the packet (never the rest). */
function targetOf(raw: Buffer | undefined): { target: string; complete: boolean } {
  if (!raw) return { target: '', complete: false };
  const head = raw.subarray(0, Math.min(raw.length, MAX_URL_LENGTH + 64)).toString('latin1');
  const end = head.indexOf('\r\n');
  const line = end === -1 ? head : head.slice(0, end);
  const target = line.split(' ')[1] ?? '';
  return { target, complete: end !== -1 };
}

export function createEarlyErrors(options: { https: boolean; log: () => { info(obj: object, msg: string): void } }): EarlyErrors {
  const audiences: Array<{ prefix: string; answer: EarlyAnswer }> = [];
  const answerFor = (url: string): EarlyAnswer | undefined =>
    audiences.find((a) => a.prefix && (url === a.prefix || url.startsWith(`${a.prefix}/`) || url.startsWith(`${a.prefix}?`)))?.answer ??
    audiences.find((a) => a.prefix === '')?.answer;
  const fallbackBody = (problem: Problem) => ({ type: 'text/plain; charset=utf-8', body: `${problem.status} ${STATUS_CODES[problem.status] ?? ''}\n` });

  return {
    audience(prefix, answer) {
      audiences.push({ prefix, answer });
    },

    frameworkErrors(error, request, reply) {
      const problem = classify(error);
      // A request built for this error runs no hooks: each shared header is set here.
      for (const [name, value] of securityHeaderList(options)) reply.header(name, value);
      reply.header(REQUEST_ID_HEADER, request.id);
      problemHeaders(reply, problem);
      request.log.info({ code: problem.code, status: problem.status }, 'request refused before routing');
      const url = request.raw.url ?? '';
      const { type, body } = (answerFor(url) ?? fallbackBody)(problem, url, request.id);
      void reply.type(type).send(body);
    },

    clientErrorHandler(error, socket) {
      // A reset or already closed connection has nobody left to answer.
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      const { target, complete } = targetOf(Buffer.isBuffer(error.rawPacket) ? error.rawPacket : undefined);
      let status = 400;
      if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') status = 408;
      else if (error.code === 'HPE_HEADER_OVERFLOW') status = !complete && target.length > MAX_URL_LENGTH ? 414 : 431;
      const problem: Problem = { status, code: codeOfStatus(status), fields: [] };
      const requestId = randomUUID();
      options.log().info({ reqId: requestId, code: problem.code, status, parserError: error.code }, 'request refused by the HTTP parser');
      const { type, body } = (answerFor(target.slice(0, 200)) ?? fallbackBody)(problem, target.slice(0, 200), requestId);
      const bytes = Buffer.from(body);
      const headers: Array<[string, string]> = [
        ['content-type', type],
        ['content-length', String(bytes.length)],
        ['cache-control', 'no-store'],
        ['connection', 'close'],
        [REQUEST_ID_HEADER, requestId],
        ...securityHeaderList(options),
      ];
      if (!socket.writable) return void socket.destroy();
      const head = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
      // end(), not write() + destroy(): the answer is flushed before the connection closes.
      socket.end(Buffer.concat([Buffer.from(head, 'latin1'), bytes]));
    },
  };
}
