// Security headers on every response: a strict CSP (no inline script or style, nothing from
// other origins), no sniffing, no framing, a tight referrer policy, HSTS behind https. Shared by
// every context; early answers written outside Fastify's hooks take the same list from here.
import type { FastifyInstance, FastifyReply } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** The headers as name/value pairs, for replies and for raw socket answers alike. */
export function securityHeaderList(options: { https: boolean }): Array<[string, string]> {
  return [
    ['content-security-policy', CONTENT_SECURITY_POLICY],
    ['x-content-type-options', 'nosniff'],
    ['x-frame-options', 'DENY'],
    ['referrer-policy', 'strict-origin-when-cross-origin'],
    ['permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()'],
    ['cross-origin-opener-policy', 'same-origin'],
    ...(options.https ? [['strict-transport-security', 'max-age=31536000; includeSubDomains'] as [string, string]] : []),
  ];
}

export function applySecurityHeaders(reply: FastifyReply, options: { https: boolean }): void {
  for (const [name, value] of securityHeaderList(options)) reply.header(name, value);
}

export function securityHeaders(app: FastifyInstance, options: { https: boolean }): void {
  app.addHook('onSend', async (_request, reply) => {
    applySecurityHeaders(reply, options);
  });
}
