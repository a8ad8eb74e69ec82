// Newsroom sessions, stored in the database so every server shares them. The cookie carries a
// random 256-bit id; only its SHA-256 is stored. A sign-in always makes a new id (rotation) and
// deletes the one the browser came with. A session ends after an idle period and at an absolute
// age, and at once when its account is deactivated or signs out everywhere. Each session has its
// own CSRF token. With TOTP, the password opens a short 'second_factor' session that can only
// finish the sign-in; the code replaces it with a full one.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Actor, Role } from '../../core/context.js';
import { DomainError } from '../../core/errors.js';
import type { DbCtx } from '../../storage/database.js';
import { decoyHash, verifyPassword } from './passwords.js';
import { actorOf, normalizeEmail } from './records.js';
import { accountKey, addressKey, assertNotThrottled, clearFailures, recordFailure } from './throttle.js';
import { verifySecondFactor } from './totp.js';

export interface SessionPolicy {
  /** Without a request for this long, a session ends. */
  idleMs: number;
  /** This long after sign-in, a session ends whatever its use. */
  maxMs: number;
}

/** Time to type the TOTP code after the password. */
export const SECOND_FACTOR_MS = 5 * 60_000;
/** last_seen_at is written at most this often, so most requests only read. */
export const SEEN_PRECISION_MS = 60_000;

export type SessionStage = 'second_factor' | 'signed_in';

export interface NewSession {
  /** The cookie's value; returned once, never stored. */
  token: string;
  stage: SessionStage;
  mustChangePassword: boolean;
}

export interface ResolvedSession {
  id: number;
  stage: SessionStage;
  csrfToken: string;
  actor: Actor & { kind: 'user' };
  email: string;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  interfaceLanguage: string | null;
}

export interface SessionInfo {
  id: number;
  userAgent: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

async function openSession(ctx: DbCtx, userId: number, stage: SessionStage, policy: SessionPolicy, userAgent: string, replacing?: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  const expires = new Date(now.getTime() + (stage === 'second_factor' ? SECOND_FACTOR_MS : policy.maxMs)).toISOString();
  if (replacing && TOKEN.test(replacing)) await ctx.db.deleteFrom('sessions').where('token_hash', '=', hashOf(replacing)).execute();
  await ctx.db.deleteFrom('sessions').where('expires_at', '<', now.toISOString()).execute();
  await ctx.db
    .insertInto('sessions')
    .values({
      token_hash: hashOf(token),
      user_id: userId,
      stage,
      csrf_token: randomBytes(24).toString('base64url'),
      user_agent: userAgent.slice(0, 200),
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expires,
    })
    .execute();
  return token;
}

export interface SignInInput {
  email: string;
  password: string;
  /** The client's address (request.ip, which honours TRUST_PROXY); only its hash is stored. */
  address: string;
  userAgent: string;
  /** The session cookie the browser came with, if any: it is deleted (the id rotates). */
  replacing?: string | undefined;
}

/**
 * Email and password. An unknown email, a disabled account and a wrong password fail alike
 * (AUTH_FAILED), after the same argon2 work, and each counts against the account and the address.
 */
export async function signIn(ctx: DbCtx, input: SignInInput, policy: SessionPolicy): Promise<NewSession> {
  const email = normalizeEmail(input.email).slice(0, 254);
  const keys = { account: accountKey(email), address: addressKey(input.address) };
  const now = ctx.clock.now();
  await assertNotThrottled(ctx.db, keys, now);
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'password_hash', 'disabled_at', 'totp_secret', 'must_change_password'])
    .where('email', '=', email)
    .executeTakeFirst();
  const password = input.password.slice(0, 1024);
  const ok = await verifyPassword(user?.password_hash ?? (await decoyHash()), password);
  if (!user || !ok || user.disabled_at !== null) {
    await recordFailure(ctx.db, keys, now);
    throw new DomainError('Unauthenticated', 'AUTH_FAILED');
  }
  await clearFailures(ctx.db, keys.account, now);
  const stage: SessionStage = user.totp_secret ? 'second_factor' : 'signed_in';
  const token = await openSession(ctx, user.id, stage, policy, input.userAgent, input.replacing);
  ctx.log.info({ userId: user.id, stage }, 'newsroom sign-in');
  return { token, stage, mustChangePassword: user.must_change_password === 1 };
}

/**
 * The second step: a TOTP code or an unused recovery code for the account of a 'second_factor'
 * session. Success replaces that session with a full one (a new id); failures count against the
 * account like wrong passwords.
 */
export async function completeSignIn(ctx: DbCtx, input: { token: string; code: string; address: string; userAgent: string }, policy: SessionPolicy): Promise<NewSession> {
  const now = ctx.clock.now();
  const row = TOKEN.test(input.token)
    ? await ctx.db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select(['sessions.user_id', 'sessions.stage', 'sessions.expires_at', 'users.email', 'users.disabled_at', 'users.must_change_password'])
        .where('sessions.token_hash', '=', hashOf(input.token))
        .executeTakeFirst()
    : undefined;
  if (!row || row.stage !== 'second_factor' || row.expires_at <= now.toISOString() || row.disabled_at !== null) {
    throw new DomainError('Unauthenticated', 'AUTH_REQUIRED');
  }
  const keys = { account: accountKey(row.email), address: addressKey(input.address) };
  await assertNotThrottled(ctx.db, keys, now);
  if (!(await verifySecondFactor(ctx, row.user_id, input.code))) {
    await recordFailure(ctx.db, keys, now);
    throw new DomainError('Unauthenticated', 'AUTH_SECOND_FACTOR_FAILED');
  }
  await clearFailures(ctx.db, keys.account, now);
  const token = await openSession(ctx, row.user_id, 'signed_in', policy, input.userAgent, input.token);
  return { token, stage: 'signed_in', mustChangePassword: row.must_change_password === 1 };
}

/** The session a cookie names, or undefined when it is unknown, expired (idle or absolute) or its account is disabled. */
export async function findSession(ctx: DbCtx, token: string, policy: SessionPolicy): Promise<ResolvedSession | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const row = await ctx.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.stage',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id as user_id',
      'users.email',
      'users.name',
      'users.role',
      'users.disabled_at',
      'users.must_change_password',
      'users.totp_secret',
      'users.interface_language',
    ])
    .where('sessions.token_hash', '=', hashOf(token))
    .executeTakeFirst();
  if (!row) return undefined;
  const now = ctx.clock.now();
  const idleOver = row.stage === 'signed_in' && new Date(row.last_seen_at).getTime() + policy.idleMs <= now.getTime();
  if (row.disabled_at !== null || row.expires_at <= now.toISOString() || idleOver) {
    await ctx.db.deleteFrom('sessions').where('id', '=', row.id).execute();
    return undefined;
  }
  if (now.getTime() - new Date(row.last_seen_at).getTime() >= SEEN_PRECISION_MS) {
    await ctx.db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  const actor = (await actorOf(ctx.db, { id: row.user_id, role: row.role as Role, name: row.name })) as Actor & { kind: 'user' };
  return {
    id: row.id,
    stage: row.stage,
    csrfToken: row.csrf_token,
    actor,
    email: row.email,
    mustChangePassword: row.must_change_password === 1,
    totpEnabled: row.totp_secret !== null,
    interfaceLanguage: row.interface_language,
  };
}

/** Compares a submitted CSRF token with the session's in constant time. */
export function csrfMatches(session: Pick<ResolvedSession, 'csrfToken'>, submitted: string | undefined): boolean {
  if (!submitted) return false;
  const a = Buffer.from(session.csrfToken);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function signOut(ctx: DbCtx, token: string): Promise<void> {
  if (TOKEN.test(token)) await ctx.db.deleteFrom('sessions').where('token_hash', '=', hashOf(token)).execute();
}

/** Ends every session of the actor's account, this one included. */
export async function signOutEverywhere(ctx: DbCtx): Promise<number> {
  if (ctx.actor.kind !== 'user') throw new DomainError('Unauthenticated', 'AUTH_REQUIRED');
  const result = await ctx.db.deleteFrom('sessions').where('user_id', '=', ctx.actor.id).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Ends every session of an account but one (after a password change). */
export async function endOtherSessions(ctx: DbCtx, userId: number, keep?: string): Promise<void> {
  let query = ctx.db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keep) query = query.where('token_hash', '<>', hashOf(keep));
  await query.execute();
}

/** The actor's own signed-in sessions, newest first. */
export async function listMySessions(ctx: DbCtx, currentToken: string | undefined): Promise<SessionInfo[]> {
  if (ctx.actor.kind !== 'user') throw new DomainError('Unauthenticated', 'AUTH_REQUIRED');
  const current = currentToken && TOKEN.test(currentToken) ? hashOf(currentToken) : '';
  const rows = await ctx.db
    .selectFrom('sessions')
    .select(['id', 'token_hash', 'user_agent', 'created_at', 'last_seen_at'])
    .where('user_id', '=', ctx.actor.id)
    .where('stage', '=', 'signed_in')
    .where('expires_at', '>', ctx.clock.now().toISOString())
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, userAgent: r.user_agent, createdAt: r.created_at, lastSeenAt: r.last_seen_at, current: r.token_hash === current }));
}
