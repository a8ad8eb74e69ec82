// The access log: one compact line per answered request at info level, from the full path (an
// onResponse hook) and from the cache-hit fast path alike, in place of Fastify's two lines per
// request ("incoming request" and "request completed", each with its serialized request). Fields:
// reqId, method, path, status, ms (time to answer, rounded to 0.01 ms), and cache (hit/miss/bypass
// when the page cache decided). The path is logged without its query string: a query carries what
// readers typed (search words) and what links carry (campaign ids, tokens), none of which an
// operator needs to read traffic. The line goes to the root logger's stream, which main.ts makes
// a batched writer (one write() per 64 KB or 200 ms, the rest written at exit).
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import pino from 'pino';

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

interface PinoLike {
  isLevelEnabled?(level: string): boolean;
  [key: symbol]: unknown;
}

/**
 * Writes through the logger's own stream when it is pino: the line pino would write for
 * `info({ reqId, method, path, status, ms, cache }, 'request')`, with its bindings (pid, hostname),
 * formatted here in a fraction of the time pino's generic serializer takes. Other loggers get the
 * info() call itself.
 */
export function createAccessLog(log: () => FastifyBaseLogger): AccessLog {
  let seen: FastifyBaseLogger | undefined;
  let direct: { stream: { write(line: string): unknown }; bindings: string } | undefined;
  return (line) => {
    const logger = log();
    const pinoLike = logger as unknown as PinoLike;
    // Below info (LOG_LEVEL=warn) the line is not even built; Fastify's silent logger has no such test.
    if (pinoLike.isLevelEnabled?.('info') === false) return;
    if (logger !== seen) {
      seen = logger;
      const stream = pinoLike[pino.symbols.streamSym] as { write?: unknown } | undefined;
      const bindings = pinoLike[pino.symbols.chindingsSym];
      direct = stream && typeof stream.write === 'function' && typeof bindings === 'string' ? { stream: stream as { write(line: string): unknown }, bindings } : undefined;
    }
    const ms = Math.round(line.ms * 100) / 100;
    const path = pathOf(line.url);
    if (direct) {
      const cache = line.cache ? `,"cache":${JSON.stringify(line.cache)}` : '';
      direct.stream.write(
        `{"level":30,"time":${Date.now()}${direct.bindings},"reqId":${JSON.stringify(line.reqId)},"method":${JSON.stringify(line.method)},"path":${JSON.stringify(path)},"status":${line.status},"ms":${ms}${cache},"msg":"request"}\n`,
      );
      return;
    }
    const entry: Record<string, string | number> = { reqId: line.reqId, method: line.method, path, status: line.status, ms };
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
