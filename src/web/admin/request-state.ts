// What the newsroom knows about a request once its auth hook ran: who (an actor from a session
// or a bearer token), which session, its CSRF token, and the interface language and direction
// the answer is written in. Set on the request by guard.ts; read by every screen.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Role } from '../../core/context.js';
import type { ResolvedSession } from '../../domain/users/index.js';
import { INTERFACE_LANGUAGES } from '../../domain/users/index.js';
import { translator, type Translate } from '../../i18n/index.js';
import type { EditionRegistry } from '../site/editions.js';

export const STAFF_COOKIE = 'dateline_session';
/** Double-submit token of the forms shown before a session exists (sign-in, invitation). */
export const FORM_COOKIE = 'dateline_form';

export interface Newsroom {
  actor: Actor;
  /** Present when the request came with a staff session cookie (not a bearer token). */
  session?: ResolvedSession | undefined;
  /** The raw cookie value, when there is a session. */
  sessionToken?: string | undefined;
  language: string;
  dir: 'ltr' | 'rtl';
  t: Translate;
  /** Counts shown beside menu entries, by href (pending comments for moderators). */
  badges?: Record<string, number> | undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    newsroom: Newsroom;
  }
  interface FastifyContextConfig {
    /** An admin route anyone may open (sign-in, invitations). */
    public?: boolean;
    /** The roles that may open the route; absent: every staff role. See docs/newsroom-auth.md. */
    roles?: readonly Role[];
    /**
     * A route open to a session still waiting for its TOTP code; 'only': the code screen itself,
     * which sends a full session on to the dashboard.
     */
    secondFactor?: boolean | 'only';
    /** A route open while the account must replace its password (the password screen, sign-out). */
    passwordChange?: boolean;
  }
}

const RTL = new Set(['fa', 'ar', 'ur']);
const translators = new Map<string, Translate>();

export function translatorFor(language: string): Translate {
  let t = translators.get(language);
  if (!t) {
    const numbering = new Intl.NumberFormat(language).resolvedOptions().numberingSystem;
    translators.set(language, (t = translator({ language, locale: language, numbering })));
  }
  return t;
}

/** The account's choice, else the browser's Accept-Language among the shipped languages, else the default edition's, else English. */
export function interfaceLanguage(request: FastifyRequest, chosen: string | null | undefined, editions: EditionRegistry): string {
  const shipped = INTERFACE_LANGUAGES as readonly string[];
  if (chosen && shipped.includes(chosen)) return chosen;
  const ranked = String(request.headers['accept-language'] ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? '1');
      return { language: tag.toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  const match = ranked.find((x) => shipped.includes(x.language));
  if (match) return match.language;
  const fallback = editions.fallback()?.code;
  return fallback && shipped.includes(fallback) ? fallback : 'en';
}

export function newsroomState(actor: Actor, language: string, session?: ResolvedSession, sessionToken?: string): Newsroom {
  return { actor, session, sessionToken, language, dir: RTL.has(language) ? 'rtl' : 'ltr', t: translatorFor(language) };
}

/** Cookie attributes: HttpOnly, SameSite=Lax, Path=/admin, Secure when the request came over HTTPS (request.protocol honours TRUST_PROXY). */
export function setCookie(request: FastifyRequest, reply: FastifyReply, name: string, value: string, options: { maxAgeSeconds?: number; sameSite?: 'Lax' | 'Strict' } = {}): void {
  const parts = [`${name}=${value}`, 'Path=/admin', 'HttpOnly', `SameSite=${options.sameSite ?? 'Lax'}`];
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`);
  if (request.protocol === 'https') parts.push('Secure');
  const existing = reply.getHeader('set-cookie');
  const list = Array.isArray(existing) ? existing.map(String) : existing === undefined ? [] : [String(existing)];
  reply.header('set-cookie', [...list, parts.join('; ')]);
}

export function clearCookie(request: FastifyRequest, reply: FastifyReply, name: string): void {
  setCookie(request, reply, name, '', { maxAgeSeconds: 0 });
}
