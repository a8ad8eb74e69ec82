// The newsroom's auth hooks (default-deny). onRequest: resolve who asks (a bearer token for the
// Admin API's scripts, else the staff session cookie), keep a half-signed-in session (TOTP still
// to come) and an account that must replace its password to the routes made for them, and refuse
// a role the route does not declare. preHandler (after the body is parsed): every state-changing
// request carried by a cookie must come from our own origin and carry the session's CSRF token.
// The domain checks permissions again; these hooks keep a screen from even starting.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Logger } from '../../core/context.js';
import { anonymous } from '../../core/context.js';
import { DomainError } from '../../core/errors.js';
import { csrfMatches, findActorByToken, findSession, noteApiTokenUse, type SessionPolicy } from '../../domain/users/index.js';
import type { DomainCtx } from '../../domain/editions/index.js';
import type { WebDeps } from '../deps.js';
import { cookieValue } from '../personal.js';
import { FORM_COOKIE, STAFF_COOKIE, interfaceLanguage, newsroomState, setCookie } from './request-state.js';

export const ADMIN_LOGIN_PATH = '/admin/login';
export const SECOND_FACTOR_PATH = '/admin/login/code';
export const PASSWORD_PATH = '/admin/account/password';

/** Who asks: a bearer token's actor, or a session (with its state). */
export interface Resolved {
  actor: Actor;
  session?: Awaited<ReturnType<typeof findSession>>;
  sessionToken?: string;
}

export interface ActorResolver {
  (request: FastifyRequest, log: Logger): Promise<Resolved>;
}

export function sessionPolicy(config: WebDeps['config']): SessionPolicy {
  return { idleMs: config.sessionIdleMs, maxMs: config.sessionMaxMs };
}

export function resolveActor(deps: Pick<WebDeps, 'makeCtx' | 'config'>): ActorResolver {
  const policy = sessionPolicy(deps.config);
  return async (request, log) => {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (token) {
      const actor = await findActorByToken(deps.makeCtx(anonymous, log), token);
      if (actor) await noteTokenUse(deps.makeCtx(actor, log), token);
      return { actor: actor ?? anonymous };
    }
    const cookie = cookieValue(request.headers.cookie, STAFF_COOKIE);
    if (!cookie) return { actor: anonymous };
    const session = await findSession(deps.makeCtx(anonymous, log), cookie, policy);
    if (!session) return { actor: anonymous };
    return { actor: session.stage === 'signed_in' ? session.actor : anonymous, session, sessionToken: cookie };
  };
}

/**
 * `dateline token list` shows when a token was last used. A failed write (a busy SQLite file) is
 * logged and the request goes on: the bookkeeping must never refuse a valid token.
 */
export async function noteTokenUse(ctx: DomainCtx, token: string): Promise<void> {
  try {
    await noteApiTokenUse(ctx, token);
  } catch (error) {
    ctx.log.warn({ err: error }, 'could not record the token\'s last use');
  }
}

const wantsPage = (request: FastifyRequest) =>
  (request.method === 'GET' || request.method === 'HEAD') && /\btext\/html\b/.test(String(request.headers.accept ?? ''));
const isSafeMethod = (method: string) => method === 'GET' || method === 'HEAD' || method === 'OPTIONS';

const redirect = (reply: FastifyReply, to: string) => reply.header('cache-control', 'no-store').redirect(to, 303);

export function adminAuthHook(resolve: ActorResolver, deps: Pick<WebDeps, 'editions'>) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const config = request.routeOptions.config;
    const who = await resolve(request, request.log);
    const session = who.session ?? undefined;
    request.newsroom = newsroomState(who.actor, interfaceLanguage(request, session?.interfaceLanguage, deps.editions), session, who.sessionToken);
    if (config.public) return;
    if (session?.stage === 'second_factor') {
      if (config.secondFactor) return;
      if (wantsPage(request)) return redirect(reply, SECOND_FACTOR_PATH);
      throw new DomainError('Unauthenticated', 'AUTH_REQUIRED');
    }
    const actor = who.actor;
    if (actor.kind !== 'user') {
      if (wantsPage(request)) return redirect(reply, ADMIN_LOGIN_PATH);
      reply.header('www-authenticate', 'Bearer realm="dateline newsroom"');
      throw new DomainError('Unauthenticated', 'AUTH_REQUIRED');
    }
    // A full session has nothing to do on the code screen.
    if (config.secondFactor === 'only') return redirect(reply, '/admin');
    if (session?.mustChangePassword && !config.passwordChange) {
      if (wantsPage(request)) return redirect(reply, PASSWORD_PATH);
      throw new DomainError('Forbidden', 'PASSWORD_CHANGE_REQUIRED');
    }
    if (config.roles && !config.roles.includes(actor.role)) throw new DomainError('Forbidden', 'ROLE_FORBIDDEN');
  };
}

/** Origins a form may be posted from: the public BASE_URL's, and the one the request itself was addressed to. */
function sameOrigin(request: FastifyRequest, baseUrl: string): boolean {
  const origin = request.headers.origin ?? refererOrigin(request.headers.referer);
  if (!origin || origin === 'null') return false;
  const own = new Set([new URL(baseUrl).origin, `${request.protocol}://${request.host}`]);
  return own.has(origin);
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

/** The token of a form post (hidden field `_csrf`) or of a fetch (header `x-csrf-token`). */
export function submittedToken(request: FastifyRequest): string | undefined {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body as Record<string, unknown> | undefined;
  return typeof body?._csrf === 'string' ? body._csrf : undefined;
}

/**
 * CSRF: every state-changing request carried by a cookie (the browser sends it whoever made the
 * page) needs our origin and a token the attacker cannot read. Signed-in: the session's token.
 * Before a session exists (sign-in, invitation): the form cookie's token, double-submitted.
 * Bearer tokens are not ambient credentials and need neither.
 */
export function csrfHook(deps: Pick<WebDeps, 'config'>) {
  return async (request: FastifyRequest) => {
    if (isSafeMethod(request.method)) return;
    if (request.headers.authorization?.startsWith('Bearer ') && !request.newsroom.session) return;
    if (!sameOrigin(request, deps.config.baseUrl)) throw new DomainError('Forbidden', 'CSRF_FAILED');
    const submitted = submittedToken(request);
    const { session } = request.newsroom;
    if (session && !request.routeOptions.config.public) {
      if (!csrfMatches(session, submitted)) throw new DomainError('Forbidden', 'CSRF_FAILED');
      return;
    }
    const expected = cookieValue(request.headers.cookie, FORM_COOKIE);
    if (!expected || !submitted || expected.length !== submitted.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(submitted))) {
      throw new DomainError('Forbidden', 'CSRF_FAILED');
    }
  };
}

/** The CSRF token a page's forms carry: the session's, or a form cookie's (set now if missing). */
export function formToken(request: FastifyRequest, reply: FastifyReply): string {
  const { session } = request.newsroom;
  if (session && !request.routeOptions.config.public) return session.csrfToken;
  const existing = cookieValue(request.headers.cookie, FORM_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{32}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  setCookie(request, reply, FORM_COOKIE, token, { sameSite: 'Strict' });
  return token;
}
