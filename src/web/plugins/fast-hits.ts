// Page-cache hits answered before Fastify: the server's request listener asks this first, and a
// GET or HEAD from someone anonymous whose URL has a stored entry is answered here with one
// lookup and one write — no routing, no hooks, no per-request logger. Everything else (a miss,
// another method, anything personal, a long URL, a server that is closing) returns false and goes
// to Fastify unchanged, which also serves hits itself when called without this (app.inject).
//
// The answer is the one the full path gives (page-cache.ts sendEntry plus the root hooks): the
// same hitHeaders() list, the shared security headers, a fresh X-Request-Id, the ETag of the form
// sent, 304 on If-None-Match, HEAD without a body. The per-form header list is built once per
// stored entry (entries are replaced, never changed, so a WeakMap keyed by the entry is exact)
// and a purge is seen at once because every request looks the entry up again. Each answer writes
// one access-log line, like the full path's (access-log.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { FastifyRequest } from 'fastify';
import { MAX_URL_LENGTH } from '../http-status.js';
import { isPersonalRequest } from '../personal.js';
import type { AccessLog } from './access-log.js';
import { etagFor, matchesIfNoneMatch, negotiateEncoding, type Encoding } from './encoding.js';
import { awaitsForm, cacheKey, formsOf, hitHeaders, type CacheEntry, type PageCache } from './page-cache.js';
import { REQUEST_ID_HEADER } from './request-id.js';
import { securityHeaderList } from './security.js';

export interface FastHitOptions {
  cache: PageCache;
  /** Off with PAGE_CACHE=false: nothing is stored, so nothing could be answered here. */
  enabled: boolean;
  https: boolean;
  /** True once the server is closing: then Fastify answers everything (503 with Connection: close). */
  closing(): boolean;
  genReqId(): string;
  access: AccessLog;
}

/** Answers the request and returns true, or returns false having touched nothing. */
export type FastHits = (req: IncomingMessage, res: ServerResponse) => boolean;

interface Form {
  etag: string;
  /**
   * Flat [name, value, …] lists, ready for writeHead, the request id first: its value (index 1) is
   * set just before each writeHead, which copies the list synchronously, so no list is built per hit.
   */
  ok: string[];
  notModified: string[];
  body: Buffer;
}

type Forms = Partial<Record<Encoding | 'identity', Form>>;

const flat = (pairs: Array<[string, string]>): string[] => pairs.flat();

export function createFastHits(options: FastHitOptions): FastHits {
  const { cache, access } = options;
  const shared = securityHeaderList({ https: options.https });
  // A page with embeds carries its own CSP (frame-src of its players); every other page the shared list.
  const headersFor = (entry: CacheEntry) => (entry.frameSrc ? securityHeaderList({ https: options.https, frameSrc: entry.frameSrc }) : shared);
  const prepared = new WeakMap<CacheEntry, Forms>();

  const formFor = (entry: CacheEntry, encoding: Encoding | undefined): Form => {
    let forms = prepared.get(entry);
    if (!forms) prepared.set(entry, (forms = {}));
    const name = encoding ?? 'identity';
    let form = forms[name];
    if (!form) {
      const body = (encoding ? entry[encoding] : undefined) ?? entry.body;
      form = {
        etag: etagFor(entry.etag, encoding),
        ok: flat([[REQUEST_ID_HEADER, ''], ...hitHeaders(entry, encoding, false), ...headersFor(entry), ['content-length', String(body.length)]]),
        notModified: flat([[REQUEST_ID_HEADER, ''], ...hitHeaders(entry, encoding, true), ...headersFor(entry)]),
        body,
      };
      forms[name] = form;
    }
    return form;
  };

  // Accept-Encoding takes a handful of values in practice: negotiate each once per set of forms.
  const negotiated = new Map<string, Encoding | undefined>();
  const negotiate = (header: string | undefined, available: Encoding[]): Encoding | undefined => {
    if (header === undefined || available.length === 0) return undefined;
    const key = `${available.join(',')}|${header}`;
    if (negotiated.has(key)) return negotiated.get(key);
    const encoding = negotiateEncoding(header, available);
    if (negotiated.size >= 512) negotiated.clear();
    negotiated.set(key, encoding);
    return encoding;
  };

  return (req, res) => {
    if (!options.enabled) return false;
    const method = req.method;
    if (method !== 'GET' && method !== 'HEAD') return false;
    const url = req.url ?? '';
    if (url.length > MAX_URL_LENGTH || url.charCodeAt(0) !== 47 /* / */ || options.closing()) return false;
    const headers = req.headers;
    // The same test the page cache applies (personal.ts only reads the request's headers).
    if (headers.authorization !== undefined || (headers.cookie !== undefined && isPersonalRequest(req as unknown as FastifyRequest))) return false;
    const entry = cache.hit(cacheKey(url));
    if (!entry) return false;
    const started = performance.now();
    const acceptEncoding = headers['accept-encoding'];
    const encoding = negotiate(acceptEncoding, formsOf(entry));
    if (awaitsForm(entry, acceptEncoding, encoding)) return false;
    const form = formFor(entry, encoding);
    const id = options.genReqId();
    let status = 200;
    if (headers['if-none-match'] !== undefined && matchesIfNoneMatch(headers['if-none-match'], form.etag)) {
      status = 304;
      form.notModified[1] = id;
      res.writeHead(304, form.notModified);
      res.end();
    } else {
      form.ok[1] = id;
      res.writeHead(200, form.ok);
      if (method === 'HEAD') res.end();
      else res.end(form.body);
    }
    access({ reqId: id, method, url, status, ms: performance.now() - started, cache: 'hit' });
    return true;
  };
}
