// The page cache: rendered public responses kept in memory under their URL, with their gzip and
// brotli forms, an ETag, and tags naming what they show (core/cache-tags.ts builds them).
// Domain events drop exactly the entries whose tags they touch, so a published change is visible
// on the next request. Registered for the site context only. Only GET/HEAD responses a handler
// marked with reply.cacheWith(tags) are kept, only with status 200, and never anything personal
// (web/personal.ts): a request carrying a session cookie or credentials neither reads nor fills
// the cache, so it can never be handed a page built for someone else nor leave one behind; a
// reply that sets a cookie, says private/no-store or called reply.personal() is not stored.
// Compression: every public text response of the site over MIN_COMPRESS_BYTES goes out in the
// encoding the request accepts, a miss included (that form is made before answering, the other
// after, and both kept with the entry so hits never compress). Personal responses are sent as
// they are: a secret beside reflected input in a compressed body is what BREACH reads.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CacheTag } from '../../core/cache-tags.js';
import { isPersonalReply, isPersonalRequest } from '../personal.js';
import { MIN_COMPRESS_BYTES, compress, etagFor, isCompressible, matchesIfNoneMatch, negotiateEncoding, type Encoding } from './encoding.js';
import { allowFrames, framesOf } from './security.js';

declare module 'fastify' {
  interface FastifyReply {
    /** Store this response in the page cache under the given tags (public pages only). */
    cacheWith(tags: Iterable<CacheTag>): FastifyReply;
  }
}

export interface CacheEntry {
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
  etag: string;
  contentType: string;
  cacheControl: string;
  /** The Link header the render sent (the stylesheet preload), repeated on every hit. */
  link?: string;
  /** Origins the page may frame (its embeds' players), for the CSP every hit sends. */
  frameSrc?: readonly string[];
  tags: string[];
  /** Epoch ms after which the entry is not served: bounds what no event announces (banners expiring, "most recent" lists on other pages). */
  expiresAt: number;
}

export interface PageCache {
  get(key: string): CacheEntry | undefined;
  /** Like get, without counting a hit or a miss. */
  peek(key: string): CacheEntry | undefined;
  /** Like get, counting only a hit: for a lookup that hands a miss on to one that counts it. */
  hit(key: string): CacheEntry | undefined;
  /**
   * Stores an entry, unless one of its tags was purged after `renderedAt` (a version()): a page
   * rendered from data that changed while it was being rendered would otherwise outlive the purge
   * meant for it. Returns whether it was stored.
   */
  set(key: string, entry: CacheEntry, renderedAt?: number): boolean;
  /** Increases with every purge; taken when a render starts. */
  version(): number;
  /** Drops every entry carrying any of the tags; returns how many were dropped. */
  purge(tags: Iterable<string>): number;
  clear(): void;
  /** The cache's clock, in epoch ms (injectable for tests). */
  now(): number;
  stats(): { entries: number; bytes: number; hits: number; misses: number };
}

export function createPageCache(options: { maxEntries?: number; maxBytes?: number; now?: () => number } = {}): PageCache {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 20_000;
  const maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
  const entries = new Map<string, CacheEntry>();
  const byTag = new Map<string, Set<string>>();
  // The purge sequence, and when each tag was last purged (bounded: past the limit it starts over
  // as if everything had just been purged, which only skips the stores of renders in flight).
  let sequence = 0;
  let clearedAt = 0;
  const purgedAt = new Map<string, number>();
  const MAX_PURGED_TAGS = 100_000;
  let bytes = 0;
  let hits = 0;
  let misses = 0;
  const sizeOf = (e: CacheEntry) => e.body.length + (e.gzip?.length ?? 0) + (e.br?.length ?? 0);

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= sizeOf(entry);
    for (const tag of entry.tags) {
      const keys = byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) byTag.delete(tag);
    }
  };

  return {
    get(key) {
      let entry = entries.get(key);
      if (entry && entry.expiresAt <= now()) {
        remove(key);
        entry = undefined;
      }
      if (entry) hits++;
      else misses++;
      return entry;
    },
    peek: (key) => entries.get(key),
    hit(key) {
      const entry = entries.get(key);
      if (!entry || entry.expiresAt <= now()) return undefined;
      hits++;
      return entry;
    },
    set(key, entry, renderedAt) {
      if (renderedAt !== undefined && (clearedAt > renderedAt || entry.tags.some((tag) => (purgedAt.get(tag) ?? 0) > renderedAt))) return false;
      remove(key);
      entries.set(key, entry);
      bytes += sizeOf(entry);
      for (const tag of entry.tags) {
        let keys = byTag.get(tag);
        if (!keys) byTag.set(tag, (keys = new Set()));
        keys.add(key);
      }
      // Evict the oldest insertions first (Map keeps insertion order).
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries && bytes <= maxBytes) break;
        remove(oldest);
      }
      return true;
    },
    version: () => sequence,
    purge(tags) {
      let dropped = 0;
      sequence++;
      if (purgedAt.size > MAX_PURGED_TAGS) {
        purgedAt.clear();
        clearedAt = sequence;
      }
      for (const tag of tags) {
        purgedAt.set(tag, sequence);
        for (const key of [...(byTag.get(tag) ?? [])]) {
          remove(key);
          dropped++;
        }
      }
      return dropped;
    },
    clear() {
      sequence++;
      clearedAt = sequence;
      purgedAt.clear();
      for (const key of [...entries.keys()]) remove(key);
    },
    now,
    stats: () => ({ entries: entries.size, bytes, hits, misses }),
  };
}

/** Entity tag of a body: strong, from its bytes. */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

export const formsOf = (entry: CacheEntry): Encoding[] => [...(entry.br ? ['br' as const] : []), ...(entry.gzip ? ['gzip' as const] : [])];

/** Query parameters that change what a public page shows; any other is ignored by every handler. */
const MEANINGFUL_PARAMS = ['before', 'after'];

/**
 * The cache key: the path plus only the parameters that change the page, so `?utm_source=…` and
 * other noise neither miss the cache nor let a client fill it with copies of one page.
 */
export function cacheKey(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  const kept = MEANINGFUL_PARAMS.flatMap((name) => (params.has(name) ? [`${name}=${encodeURIComponent(params.get(name) ?? '')}`] : []));
  return kept.length ? `${url.slice(0, q)}?${kept.join('&')}` : url.slice(0, q);
}

const TAGS = Symbol('cacheTags');
type TaggedReply = FastifyReply & { [TAGS]?: CacheTag[] };
const RENDERED_AT = Symbol('renderedAt');
type TimedRequest = FastifyRequest & { [RENDERED_AT]?: number };

/**
 * The headers a stored answer goes out with in one form, besides the shared ones every answer
 * carries (security headers, request id): the same list for a hit answered by Fastify below and
 * for one answered before it (fast-hits.ts). `notModified` leaves out the body's own headers.
 */
export function hitHeaders(entry: CacheEntry, encoding: Encoding | undefined, notModified: boolean): Array<[string, string]> {
  const headers: Array<[string, string]> = [
    ['etag', etagFor(entry.etag, encoding)],
    ['cache-control', entry.cacheControl],
    ['vary', 'accept-encoding'],
    // For a CDN in front: purge by these keys (Fastly reads Surrogate-Key, Cloudflare Cache-Tag).
    ['surrogate-key', entry.tags.join(' ')],
    ['cache-tag', entry.tags.join(',')],
    ['x-cache', 'hit'],
  ];
  if (entry.link) headers.push(['link', entry.link]);
  if (notModified) return headers;
  headers.push(['content-type', entry.contentType]);
  if (encoding) headers.push(['content-encoding', encoding]);
  return headers;
}

/**
 * Whether a hit must be left to the full path: the request accepts an encoding the entry will
 * have but does not have yet (made just after the miss), which that path compresses itself.
 */
export function awaitsForm(entry: CacheEntry, acceptEncoding: string | string[] | undefined, encoding: Encoding | undefined): boolean {
  return !encoding && entry.body.length >= MIN_COMPRESS_BYTES && isCompressible(entry.contentType) && negotiateEncoding(acceptEncoding) !== undefined;
}

function sendEntry(request: FastifyRequest, reply: FastifyReply, entry: CacheEntry) {
  // Only the forms already made: a hit never compresses (a fresh entry's other form follows shortly).
  const encoding = negotiateEncoding(request.headers['accept-encoding'], formsOf(entry));
  const etag = etagFor(entry.etag, encoding);
  const notModified = matchesIfNoneMatch(request.headers['if-none-match'], etag);
  for (const [name, value] of hitHeaders(entry, encoding, notModified)) reply.header(name, value);
  if (entry.frameSrc) allowFrames(reply, entry.frameSrc);
  if (notModified) return reply.code(304).send();
  const form = encoding ? entry[encoding] : undefined;
  return reply.send(encoding && form ? form : entry.body);
}

/** Adds a request header to Vary, keeping the ones a handler named (the root redirect varies by Accept-Language). */
function addVary(reply: FastifyReply, name: string) {
  const current = String(reply.getHeader('vary') ?? '');
  const names = current.split(',').map((v) => v.trim()).filter(Boolean);
  if (!names.some((v) => v.toLowerCase() === name || v === '*')) reply.header('vary', [...names, name].join(', '));
}

/** Adds encoded forms to the entry stored under `key`, if it is still the one they were made from. */
function addForms(cache: PageCache, key: string, from: CacheEntry, forms: Partial<Record<Encoding, Buffer>>) {
  const current = cache.peek(key);
  if (current && current.body === from.body) cache.set(key, { ...current, ...forms });
}

/**
 * The response body in the encoding the request accepts (and its headers), for a body rendered
 * now: compressed off the event loop, or returned as it is when small, binary or not asked for.
 */
async function encodeForReply(request: FastifyRequest, reply: FastifyReply, body: Buffer): Promise<{ encoding?: Encoding; payload: Buffer }> {
  addVary(reply, 'accept-encoding');
  if (body.length < MIN_COMPRESS_BYTES || reply.getHeader('content-encoding') || !isCompressible(String(reply.getHeader('content-type') ?? ''))) return { payload: body };
  const encoding = negotiateEncoding(request.headers['accept-encoding']);
  if (!encoding) return { payload: body };
  reply.header('content-encoding', encoding);
  return { encoding, payload: await compress(encoding, body) };
}

export function registerPageCache(app: FastifyInstance, cache: PageCache, options: { enabled: boolean; ttlMs?: number }): void {
  const ttlMs = options.ttlMs ?? 60_000;
  app.decorateReply('cacheWith', function (this: FastifyReply, tags: Iterable<CacheTag>) {
    (this as TaggedReply)[TAGS] = [...new Set(tags)];
    return this;
  });
  const cacheable = (request: FastifyRequest) =>
    options.enabled && (request.method === 'GET' || request.method === 'HEAD') && !isPersonalRequest(request);

  app.addHook('onRequest', async (request, reply) => {
    if (!cacheable(request)) return;
    const entry = cache.get(cacheKey(request.url));
    if (entry) {
      await sendEntry(request, reply, entry);
      return reply;
    }
    (request as TimedRequest)[RENDERED_AT] = cache.version();
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const tags = (reply as TaggedReply)[TAGS];
    const personal = isPersonalRequest(request) || isPersonalReply(reply);
    const bytes = typeof payload === 'string' || Buffer.isBuffer(payload);
    if (!tags || reply.statusCode !== 200 || !cacheable(request) || personal) {
      if (tags && reply.statusCode === 200 && options.enabled && personal) reply.header('x-cache', 'bypass');
      // Public answers the cache does not keep (search results, error pages, a cache turned off)
      // are compressed all the same; a 304 or 204 has no body to compress.
      if (personal || !bytes || reply.statusCode === 304 || reply.statusCode === 204) return payload;
      const { payload: out } = await encodeForReply(request, reply, Buffer.isBuffer(payload) ? payload : Buffer.from(payload));
      return out;
    }
    if (!bytes) return payload;
    const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
    const entry: CacheEntry = {
      body,
      etag: etagOf(body),
      contentType: String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8'),
      cacheControl: String(reply.getHeader('cache-control') ?? 'public, max-age=0, s-maxage=60, stale-while-revalidate=300'),
      ...(reply.hasHeader('link') ? { link: String(reply.getHeader('link')) } : {}),
      ...(framesOf(reply) ? { frameSrc: framesOf(reply) } : {}),
      tags,
      expiresAt: cache.now() + ttlMs,
    };
    const key = cacheKey(request.url);
    const stored = cache.set(key, entry, (request as TimedRequest)[RENDERED_AT] ?? -1);
    // The form this reader asked for is made now (off the event loop) and answers the miss; the
    // other follows after the answer. Each joins the entry only if it is still the current one.
    const { encoding, payload: out } = await encodeForReply(request, reply, body);
    if (stored && body.length >= MIN_COMPRESS_BYTES && isCompressible(entry.contentType)) {
      if (encoding) addForms(cache, key, entry, { [encoding]: out });
      const rest = (['br', 'gzip'] as const).filter((e) => e !== encoding);
      void Promise.all(rest.map((e) => compress(e, body)))
        .then((forms) => addForms(cache, key, entry, Object.fromEntries(rest.map((e, i) => [e, forms[i]]))))
        .catch((error: unknown) => request.log.warn({ err: error }, 'page cache compression failed'));
    }
    const etag = etagFor(entry.etag, encoding);
    reply.header('etag', etag);
    reply.header('surrogate-key', tags.join(' '));
    reply.header('cache-tag', tags.join(','));
    reply.header('x-cache', 'miss');
    if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
      reply.code(304);
      reply.removeHeader('content-encoding');
      return '';
    }
    return out;
  });
}
