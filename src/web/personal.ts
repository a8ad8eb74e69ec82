// What makes a request or an answer personal, in one place: the cookies that identify someone
// (staff session; a comment author's pending-comment notice), credentials, and replies a handler
// marks with reply.personal(). The page cache neither stores nor serves anything personal.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyReply {
    /** This answer depends on who asked: never cached here, and private to every cache on the way. */
    personal(): FastifyReply;
  }
}

export const SESSION_COOKIES = {
  /** A newsroom staff member's signed-in session. */
  staff: 'dateline_session',
  /** A reader who just posted a comment, shown "your comment awaits moderation". */
  commentAuthor: 'dateline_comment_author',
} as const;

const PERSONAL_COOKIE_NAMES: readonly string[] = Object.values(SESSION_COOKIES);

/** Names of the cookies in a Cookie header (values are never looked at here). */
export function cookieNames(header: string | undefined): string[] {
  if (!header) return [];
  return header.split(';').flatMap((part) => {
    const name = part.split('=')[0]?.trim();
    return name ? [name] : [];
  });
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

/** True when the answer may depend on who asks: a session cookie or credentials. */
export function isPersonalRequest(request: FastifyRequest): boolean {
  if (request.headers.authorization !== undefined) return true;
  return cookieNames(request.headers.cookie).some((name) => PERSONAL_COOKIE_NAMES.includes(name));
}

const PERSONAL = Symbol('personal');
type MarkedReply = FastifyReply & { [PERSONAL]?: boolean };

export function markPersonal(reply: FastifyReply): void {
  (reply as MarkedReply)[PERSONAL] = true;
}

/** True when the reply set a cookie, said it is private or not to be stored, or was marked personal. */
export function isPersonalReply(reply: FastifyReply): boolean {
  if ((reply as MarkedReply)[PERSONAL]) return true;
  if (reply.hasHeader('set-cookie')) return true;
  return /\b(private|no-store)\b/i.test(String(reply.getHeader('cache-control') ?? ''));
}

/** Shared by every context: reply.personal(), and its Cache-Control enforced whatever a handler set later. */
export function registerPersonal(app: FastifyInstance): void {
  app.decorateReply('personal', function (this: FastifyReply) {
    markPersonal(this);
    return this.header('cache-control', 'private, no-store');
  });
  app.addHook('onSend', async (_request, reply) => {
    if ((reply as MarkedReply)[PERSONAL]) reply.header('cache-control', 'private, no-store');
  });
}
