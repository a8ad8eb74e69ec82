// The newsroom's auth hook: every /admin request resolves an actor from a bearer token or a staff
// session cookie, or is refused before any handler runs (default-deny). A page request from a
// browser is sent to the sign-in page; anything else hears 401.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Logger } from '../../core/context.js';
import { anonymous } from '../../core/context.js';
import { DomainError } from '../../core/errors.js';
import { findActorByToken, noteApiTokenUse } from '../../domain/users/index.js';
import type { DomainCtx } from '../../domain/editions/index.js';
import type { WebDeps } from '../deps.js';
import { SESSION_COOKIES, cookieValue } from '../personal.js';

export const ADMIN_LOGIN_PATH = '/admin/login';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** An admin route anyone may open (the sign-in page). */
    public?: boolean;
  }
}

export interface ActorResolver {
  (request: FastifyRequest, log: Logger): Promise<Actor | undefined>;
}

/**
 * Bearer tokens resolve through the users module. Staff sessions are not stored yet (sign-in is a
 * later issue), so a session cookie alone never authenticates: it resolves to nobody.
 */
export function resolveActor(deps: Pick<WebDeps, 'makeCtx'>): ActorResolver {
  return async (request, log) => {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (token) {
      const actor = await findActorByToken(deps.makeCtx(anonymous, log), token);
      if (actor) await noteTokenUse(deps.makeCtx(actor, log), token);
      return actor;
    }
    // The cookie is read so its name stays the one web/personal.ts declares; with no session
    // store behind it, its value cannot name anyone yet.
    if (cookieValue(request.headers.cookie, SESSION_COOKIES.staff)) request.log.debug('staff session cookie ignored: sessions are not stored yet');
    return undefined;
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

export function adminAuthHook(resolve: ActorResolver, actors: WeakMap<FastifyRequest, Actor>) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.routeOptions.config.public) return;
    const actor = await resolve(request, request.log);
    if (actor && actor.kind === 'user') {
      actors.set(request, actor);
      return;
    }
    if (wantsPage(request)) {
      reply.header('cache-control', 'no-store').redirect(ADMIN_LOGIN_PATH, 303);
      return reply;
    }
    reply.header('www-authenticate', 'Bearer realm="dateline newsroom"');
    throw new DomainError('Unauthenticated', 'AUTH_REQUIRED');
  };
}
