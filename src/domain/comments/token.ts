// The signed form token: the article, the time the form was made and a random nonce, under an
// HMAC only the servers can make. It is the same for every reader of a cached page (the nonce
// is per render), so replays are refused per (nonce, client) and the age checks read its time.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { DbCtx } from '../../storage/database.js';
import { commentKeys } from './keys.js';

/** Posts sooner than this after the form was made are held: people read before they write. */
export const MIN_FILL_MS = 3_000;
/** Forms older than this are refused (the reader gets a fresh form with the input kept). */
export const MAX_TOKEN_AGE_MS = 24 * 3600 * 1000;

/** Shared tokens (in cached pages) are stamped with the start of the hour. */
const SHARED_BUCKET_MS = 3600_000;

/**
 * A form token. `shared` is for the HTML of a page every reader gets: the same for every render
 * within the hour (its time is the hour's start, its nonce derived from it), so re-rendering a
 * page gives the same bytes and ETag. The script's own token (not shared) carries the exact time.
 */
export async function issueFormToken(ctx: DbCtx, articleId: number, options: { shared?: boolean } = {}): Promise<string> {
  const keys = await commentKeys(ctx);
  const now = ctx.clock.now().getTime();
  const issued = String(options.shared ? Math.floor(now / SHARED_BUCKET_MS) * SHARED_BUCKET_MS : now);
  const nonce = options.shared ? keys.sign('form', 'nonce', String(articleId), issued).slice(0, 16) : randomBytes(12).toString('base64url');
  return `v1.${articleId}.${issued}.${nonce}.${keys.sign('form', String(articleId), issued, nonce)}`;
}

export type TokenCheck =
  | { ok: true; nonce: string; ageMs: number }
  | { ok: false; reason: 'forged' | 'expired' | 'future' };

export async function checkFormToken(ctx: DbCtx, token: string, articleId: number): Promise<TokenCheck> {
  const parts = token.split('.');
  if (parts.length !== 5 || parts[0] !== 'v1') return { ok: false, reason: 'forged' };
  const [, article, issued, nonce, signature] = parts as [string, string, string, string, string];
  if (!/^\d{1,16}$/.test(issued) || !/^[\w-]{16}$/.test(nonce) || article !== String(articleId)) return { ok: false, reason: 'forged' };
  const keys = await commentKeys(ctx);
  const expected = Buffer.from(keys.sign('form', article, issued, nonce));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  const ageMs = ctx.clock.now().getTime() - Number(issued);
  // A little skew between servers is tolerated; a token from the future was not made here.
  if (ageMs < -30_000) return { ok: false, reason: 'future' };
  if (ageMs > MAX_TOKEN_AGE_MS) return { ok: false, reason: 'expired' };
  return { ok: true, nonce, ageMs };
}
