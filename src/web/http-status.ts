// HTTP's view of failures: the status of each domain error kind, and the codes the web layer
// itself raises (malformed requests, unknown paths and methods, oversize requests). Domain codes
// live in core/errors.ts; these never leave web/.
import type { ErrorCode, ErrorKind } from '../core/errors.js';

/** HTTP status for each kind; the web layer's single mapping table. */
export const statusOfKind: Record<ErrorKind, number> = {
  NotFound: 404,
  Gone: 410,
  Invalid: 422,
  Unauthenticated: 401,
  Forbidden: 403,
  Conflict: 409,
  RateLimited: 429,
  Unavailable: 503,
};

/**
 * Domain codes whose status is not their kind's. A cursor is an opaque token the site itself wrote
 * into a link: one that does not decode is a malformed request (400), as when the route's schema
 * refuses its characters, not a rule the request broke (422). One status, wherever it is read.
 */
export const statusOfCode: Partial<Record<ErrorCode, number>> = {
  CURSOR_INVALID: 400,
  MEDIA_TOO_LARGE: 413,
  MEDIA_UNSUPPORTED: 415,
};

/** Codes raised by the web layer, with the status each answers. */
export const WEB_ERROR_CODES = {
  REQUEST_INVALID: 400,
  /** The body does not parse (invalid or empty JSON, a Content-Length that does not match). */
  REQUEST_MALFORMED: 400,
  /** The request target does not decode (a stray `%`). */
  URL_MALFORMED: 400,
  AUTH_REQUIRED: 401,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  /** Too many failed authentications from one client address (web/plugins/rate-limit.ts). */
  AUTH_RATE_LIMITED: 429,
  HEADERS_TOO_LARGE: 431,
  REQUEST_REFUSED: 400,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type WebErrorCode = keyof typeof WEB_ERROR_CODES;

/** Seconds a client should wait before retrying, when a 429 or 503 does not say. */
export const DEFAULT_RETRY_AFTER: Partial<Record<number, number>> = { 429: 60, 503: 5 };

/** Longest request target we read; longer ones answer 414 before routing does any work. */
export const MAX_URL_LENGTH = 8192;
