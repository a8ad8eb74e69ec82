// Security headers on every response: a strict CSP (no inline script or style, nothing from
// other origins), no sniffing, no framing, a tight referrer policy, HSTS behind https. Shared by
// every context; early answers written outside Fastify's hooks take the same list from here.
import type { FastifyInstance, FastifyReply } from 'fastify';

const BASE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
];
export const CONTENT_SECURITY_POLICY = BASE_POLICY.join('; ');

/**
 * The policy with frames allowed from exactly these origins (an article page with click-to-load
 * embeds, after the reader asks); every other page frames nothing (default-src 'none').
 */
export function contentSecurityPolicy(frameSrc: readonly string[] = []): string {
  return frameSrc.length ? [...BASE_POLICY, `frame-src ${frameSrc.join(' ')}`].join('; ') : CONTENT_SECURITY_POLICY;
}

const FRAMES = Symbol('frameSrc');
type FramingReply = FastifyReply & { [FRAMES]?: readonly string[] };

/** Lets this answer's page frame the given origins (the page cache keeps them with the entry). */
export function allowFrames(reply: FastifyReply, origins: readonly string[]): void {
  if (origins.length) (reply as FramingReply)[FRAMES] = [...new Set(origins)].sort();
}

export function framesOf(reply: FastifyReply): readonly string[] | undefined {
  return (reply as FramingReply)[FRAMES];
}

/** The headers as name/value pairs, for replies and for raw socket answers alike. */
export function securityHeaderList(options: { https: boolean; frameSrc?: readonly string[] | undefined }): Array<[string, string]> {
  return [
    ['content-security-policy', contentSecurityPolicy(options.frameSrc)],
    ['x-content-type-options', 'nosniff'],
    ['x-frame-options', 'DENY'],
    ['referrer-policy', 'strict-origin-when-cross-origin'],
    ['permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()'],
    ['cross-origin-opener-policy', 'same-origin'],
    ...(options.https ? [['strict-transport-security', 'max-age=31536000; includeSubDomains'] as [string, string]] : []),
  ];
}

export function applySecurityHeaders(reply: FastifyReply, options: { https: boolean }): void {
  for (const [name, value] of securityHeaderList({ ...options, frameSrc: framesOf(reply) })) reply.header(name, value);
}

export function securityHeaders(app: FastifyInstance, options: { https: boolean }): void {
  app.addHook('onSend', async (_request, reply) => {
    applySecurityHeaders(reply, options);
  });
}
