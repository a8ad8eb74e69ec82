// Sign-in throttling shared by every server: failures are rows in login_failures, keyed by a hash
// of the account's email and of the client's address, so N servers give an attacker no more
// attempts than one. A key over its allowance is refused before any password is checked.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DomainError } from '../../core/errors.js';
import type { DB } from '../../storage/schema.js';
import { normalizeEmail } from './records.js';

export const THROTTLE = {
  windowMs: 15 * 60_000,
  /** Failures per account (password or second factor) within the window. */
  account: 5,
  /** Failures per client address within the window: an office behind one NAT signs in together. */
  address: 30,
};

const digest = (value: string) => createHash('sha256').update(value).digest('hex');
export const accountKey = (email: string) => `account:${digest(normalizeEmail(email))}`;
export const addressKey = (ip: string) => `ip:${digest(ip)}`;

async function retryAfter(db: Kysely<DB>, key: string, limit: number, now: Date): Promise<number | undefined> {
  const since = new Date(now.getTime() - THROTTLE.windowMs).toISOString();
  const rows = await db
    .selectFrom('login_failures')
    .select('failed_at')
    .where('key', '=', key)
    .where('failed_at', '>', since)
    .orderBy('failed_at', 'desc')
    .limit(limit)
    .execute();
  if (rows.length < limit) return undefined;
  const oldest = new Date(rows[limit - 1]!.failed_at).getTime();
  return Math.max(1, Math.ceil((oldest + THROTTLE.windowMs - now.getTime()) / 1000));
}

/** Refuses with AUTH_THROTTLED (and the seconds to wait) when the account or the address is over its allowance. */
export async function assertNotThrottled(db: Kysely<DB>, keys: { account?: string; address?: string }, now: Date): Promise<void> {
  const waits = await Promise.all([
    keys.account ? retryAfter(db, keys.account, THROTTLE.account, now) : undefined,
    keys.address ? retryAfter(db, keys.address, THROTTLE.address, now) : undefined,
  ]);
  const wait = Math.max(...waits.map((w) => w ?? 0));
  if (wait > 0) throw new DomainError('RateLimited', 'AUTH_THROTTLED', { retryAfter: wait, params: { seconds: wait } });
}

export async function recordFailure(db: Kysely<DB>, keys: { account?: string; address?: string }, now: Date): Promise<void> {
  const at = now.toISOString();
  const rows = [keys.account, keys.address].filter((k): k is string => k !== undefined).map((key) => ({ key, failed_at: at }));
  if (rows.length) await db.insertInto('login_failures').values(rows).execute();
}

/** A successful sign-in forgives the account's failures (never the address's), and old rows go. */
export async function clearFailures(db: Kysely<DB>, account: string, now: Date): Promise<void> {
  await db.deleteFrom('login_failures').where('key', '=', account).execute();
  await db.deleteFrom('login_failures').where('failed_at', '<', new Date(now.getTime() - THROTTLE.windowMs).toISOString()).execute();
}
