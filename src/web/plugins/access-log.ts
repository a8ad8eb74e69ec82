// The access log: one compact line per answered request at info level, from the full path (an
// onResponse hook) and from the cache-hit fast path alike, in place of Fastify's two lines per
// request ("incoming request" and "request completed", each with its serialized request). Fields:
// reqId, method, path, status, ms (time to answer, rounded to 0.01 ms), and cache (hit/miss/bypass
// when the page cache decided). The path is logged without its query string: a query carries what
// readers typed (search words) and what links carry (campaign ids, tokens), none of which an
// operator needs to read traffic. The line goes to the root logger, whose destination main.ts
// makes asynchronous (written in batches off the request's path, flushed on exit).
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

export interface AccessLine {
  reqId: string;
  method: string;
  /** The request target; only its path is written. */
  url: string;
  status: number;
  ms: number;
  cache?: string;
}

export type AccessLog = (line: AccessLine) => void;

export function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

export function createAccessLog(log: () => FastifyBaseLogger): AccessLog {
  return (line) => {
    const logger = log();
    // Below info (LOG_LEVEL=warn) the line is not even built; Fastify's silent logger has no such test.
    if ((logger as { isLevelEnabled?: (level: string) => boolean }).isLevelEnabled?.('info') === false) return;
    const entry: Record<string, string | number> = {
      reqId: line.reqId,
      method: line.method,
      path: pathOf(line.url),
      status: line.status,
      ms: Math.round(line.ms * 100) / 100,
    };
    if (line.cache) entry.cache = line.cache;
    logger.info(entry, 'request');
  };
}

/** The full path's line, written once the answer is sent (or the client went away). */
export function registerAccessLog(app: FastifyInstance, access: AccessLog): void {
  app.addHook('onResponse', (request, reply, done) => {
    const cache = reply.getHeader('x-cache');
    access({
      reqId: request.id,
      method: request.method,
      url: request.raw.url ?? request.url,
      status: reply.statusCode,
      ms: reply.elapsedTime,
      ...(typeof cache === 'string' ? { cache } : {}),
    });
    done();
  });
}
