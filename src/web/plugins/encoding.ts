// Content-coding for the site: which encoding a request accepts (Accept-Encoding with q-values),
// compressing off the event loop (zlib's async API runs in libuv's thread pool), and the strong
// ETag of each encoded form. Shared by the page cache and the static assets.
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** Below this a compressed body saves less than its headers and the work cost. */
export const MIN_COMPRESS_BYTES = 1024;

const gzipAsync = promisify(zlib.gzip);
const brotliAsync = promisify(zlib.brotliCompress);

/**
 * The best encoding among `available` the request accepts, or undefined for the identity body.
 * RFC 9110 §12.5.3: the highest q wins (brotli on a tie, it is smaller); q=0 refuses; `*` stands
 * for every coding the header does not name; no header means identity.
 */
export function negotiateEncoding(header: string | string[] | undefined, available: readonly Encoding[] = ['br', 'gzip']): Encoding | undefined {
  if (header === undefined) return undefined;
  const text = Array.isArray(header) ? header.join(',') : header;
  const q = new Map<string, number>();
  for (const part of text.split(',')) {
    const [rawName = '', ...params] = part.split(';');
    const name = rawName.trim().toLowerCase();
    if (!name) continue;
    let weight = 1;
    for (const param of params) {
      const [key = '', value = ''] = param.split('=').map((s) => s.trim());
      if (key.toLowerCase() === 'q') {
        const parsed = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value) ? Number(value) : NaN;
        weight = Number.isNaN(parsed) ? 0 : parsed;
      }
    }
    // A coding named twice keeps its best weight.
    q.set(name, Math.max(q.get(name) ?? 0, weight));
  }
  let best: Encoding | undefined;
  let bestQ = 0;
  for (const encoding of (['br', 'gzip'] as const).filter((e) => available.includes(e))) {
    const weight = q.get(encoding) ?? (encoding === 'gzip' ? q.get('x-gzip') : undefined) ?? q.get('*') ?? 0;
    if (weight > bestQ) {
      best = encoding;
      bestQ = weight;
    }
  }
  return best;
}

/** Compresses for a response rendered now: fast settings (a page is compressed once per render). */
export function compress(encoding: Encoding, body: Buffer, effort: 'fast' | 'max' = 'fast'): Promise<Buffer> {
  if (encoding === 'gzip') return gzipAsync(body, { level: effort === 'max' ? 9 : 6 });
  return brotliAsync(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: effort === 'max' ? 11 : 5,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

/**
 * The strong ETag of an encoded form: a gzip body is a different representation from the
 * identity one (RFC 9110 §8.8.3), so each form gets its own validator derived from the identity's.
 */
export function etagFor(identityEtag: string, encoding: Encoding | undefined): string {
  return encoding ? `${identityEtag.slice(0, -1)}-${encoding}"` : identityEtag;
}

/** Whether If-None-Match names this validator (weak comparison, RFC 9110 §13.1.2). */
export function matchesIfNoneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const text = Array.isArray(header) ? header.join(',') : header;
  return text.trim() === '*' || text.split(',').some((v) => v.trim().replace(/^W\//, '') === etag);
}

/** Content types worth compressing: text, markup, JSON, feeds, scripts; never images or other binaries. */
export function isCompressible(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type.startsWith('text/') || /^application\/(.+\+)?(xml|json|javascript)$/.test(type) || type === 'image/svg+xml';
}
