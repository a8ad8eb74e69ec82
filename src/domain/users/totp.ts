// Optional TOTP two-factor (RFC 6238 through `otpauth`: SHA-1, 6 digits, 30 s, ±1 step) with ten
// one-time recovery codes stored as SHA-256 hashes (each carries 60 random bits, so a fast hash is
// enough). A code's time step is remembered, so a code seen once cannot sign in again.
import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { DomainError, invalid } from '../../core/errors.js';
import type { DbCtx } from '../../storage/database.js';
import { assertSystemOrRole } from '../editions/index.js';
import { verifyPassword } from './passwords.js';

const ISSUER = 'Dateline';
const PERIOD = 30;
export const RECOVERY_CODES = 10;

const totpOf = (secret: string, label: string) => new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');
/** Recovery codes are typed by people: case, spaces and dashes do not matter. */
const foldCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');

function userOf(ctx: DbCtx): number {
  if (ctx.actor.kind !== 'user') throw new DomainError('Unauthenticated', 'AUTH_REQUIRED');
  return ctx.actor.id;
}

/** The step a code matches (now ±1), or undefined. */
function matchingStep(secret: string, code: string, now: Date): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totpOf(secret, 'x').validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? undefined : Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

/** A current code for a secret (tests, and nothing else, generate codes). */
export function totpCode(secret: string, at: Date): string {
  return totpOf(secret, 'x').generate({ timestamp: at.getTime() });
}

export interface TotpSetup {
  secret: string;
  /** otpauth:// URI for the QR code. */
  uri: string;
}

/** Starts (or restarts) enrolment: a new pending secret that becomes active once a code from it is confirmed. */
export async function startTotpSetup(ctx: DbCtx): Promise<TotpSetup> {
  const id = userOf(ctx);
  const secret = new Secret({ size: 20 }).base32;
  await ctx.db.updateTable('users').set({ totp_pending_secret: secret, updated_at: ctx.clock.now().toISOString() }).where('id', '=', id).execute();
  return pendingTotpSetup(ctx).then((s) => s!);
}

/** The enrolment in progress, if any. */
export async function pendingTotpSetup(ctx: DbCtx): Promise<TotpSetup | undefined> {
  const id = userOf(ctx);
  const row = await ctx.db.selectFrom('users').select(['email', 'totp_pending_secret']).where('id', '=', id).executeTakeFirstOrThrow();
  if (!row.totp_pending_secret) return undefined;
  return { secret: row.totp_pending_secret, uri: totpOf(row.totp_pending_secret, row.email).toString() };
}

async function issueRecoveryCodes(ctx: DbCtx, userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODES }, () => {
    const raw = randomBytes(8).readBigUInt64BE() >> 4n;
    const text = raw.toString(36).padStart(12, '0').slice(-12);
    return `${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8)}`;
  });
  await ctx.db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await ctx.db.insertInto('recovery_codes').values(codes.map((c) => ({ user_id: userId, code_hash: hashCode(foldCode(c)), used_at: null }))).execute();
  return codes;
}

/** Confirms enrolment with a code from the pending secret; returns the recovery codes, shown once. */
export async function confirmTotp(ctx: DbCtx, code: string): Promise<string[]> {
  const id = userOf(ctx);
  const pending = await pendingTotpSetup(ctx);
  const now = ctx.clock.now();
  const step = pending ? matchingStep(pending.secret, code.trim(), now) : undefined;
  if (!pending || step === undefined) throw invalid('TOTP_INVALID', [{ field: 'code', key: 'errors.totp.code' }]);
  await ctx.db
    .updateTable('users')
    .set({ totp_secret: pending.secret, totp_pending_secret: null, totp_last_step: step, updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
  return issueRecoveryCodes(ctx, id);
}

/** Turns the actor's own two-factor off; the current password is required. */
export async function disableTotp(ctx: DbCtx, password: string): Promise<void> {
  const id = userOf(ctx);
  const row = await ctx.db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, password))) throw invalid('PASSWORD_INVALID', [{ field: 'current', key: 'errors.password.current' }]);
  await clearTotp(ctx, id);
}

async function clearTotp(ctx: DbCtx, userId: number): Promise<void> {
  await ctx.db
    .updateTable('users')
    .set({ totp_secret: null, totp_pending_secret: null, totp_last_step: null, updated_at: ctx.clock.now().toISOString() })
    .where('id', '=', userId)
    .execute();
  await ctx.db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

/** An admin resets someone's two-factor (a lost phone): they sign in with the password alone again. */
export async function resetTotp(ctx: DbCtx, userId: number): Promise<void> {
  assertSystemOrRole(ctx.actor, ['admin']);
  const row = await ctx.db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
  if (!row) throw new DomainError('NotFound', 'USER_NOT_FOUND');
  await clearTotp(ctx, userId);
}

/** How many unused recovery codes the actor has left. */
export async function countRecoveryCodes(ctx: DbCtx): Promise<number> {
  const id = userOf(ctx);
  const row = await ctx.db.selectFrom('recovery_codes').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', id).where('used_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A TOTP code (not replayed) or an unused recovery code, which is spent. The recovery code is
 * spent by a conditional UPDATE, so two requests racing with one code cannot both win.
 */
export async function verifySecondFactor(ctx: DbCtx, userId: number, submitted: string): Promise<boolean> {
  const code = submitted.trim().slice(0, 64);
  const row = await ctx.db.selectFrom('users').select(['totp_secret', 'totp_last_step']).where('id', '=', userId).executeTakeFirst();
  if (!row?.totp_secret) return false;
  const now = ctx.clock.now();
  const step = matchingStep(row.totp_secret, code, now);
  if (step !== undefined) {
    const claimed = await ctx.db
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(claimed.numUpdatedRows) === 1;
  }
  const folded = foldCode(code);
  if (!/^[0-9a-z]{12}$/.test(folded)) return false;
  const spent = await ctx.db
    .updateTable('recovery_codes')
    .set({ used_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hashCode(folded))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(spent.numUpdatedRows) === 1;
}
