// Turns anything a handler or Fastify throws into one Problem: status, stable code, field
// problems and Retry-After. Each context (site, admin, api) renders Problems its own way; none of
// them ever shows an error's message, stack or the request's input.
import type { FastifyError } from 'fastify';
import { isDomainError, type ErrorCode } from '../core/errors.js';
import { DEFAULT_RETRY_AFTER, WEB_ERROR_CODES, statusOfCode, statusOfKind, type WebErrorCode } from './http-status.js';

export interface FieldIssue {
  field?: string;
  /** i18n key; `errors.request` for a schema violation (its detail is in params.detail). */
  key: string;
  params?: Record<string, string | number>;
}

export interface Problem {
  status: number;
  code: ErrorCode | WebErrorCode;
  fields: FieldIssue[];
  retryAfter?: number | undefined;
  /** Methods the resource does answer, for 405's Allow header. */
  allow?: string[];
}

/** A failure the web layer raises itself (405, 414, …); the error handlers read it like any other. */
export class HttpProblem extends Error {
  readonly problem: Problem;
  constructor(code: WebErrorCode, extra: Partial<Omit<Problem, 'code' | 'status'>> = {}) {
    super(code);
    this.name = 'HttpProblem';
    this.problem = { status: WEB_ERROR_CODES[code], code, fields: [], ...extra };
  }
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '08006', '08001', 'SQLITE_BUSY']);

/** Fastify's own request errors, by code, as ours. */
const FASTIFY_CODES: Record<string, WebErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'REQUEST_MALFORMED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'REQUEST_MALFORMED',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'REQUEST_MALFORMED',
  FST_ERR_BAD_URL: 'URL_MALFORMED',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_MAX_PARAM_LENGTH: 'URI_TOO_LONG',
};

/** The web code for a bare status, when nothing more precise is known. */
export function codeOfStatus(status: number): WebErrorCode {
  const found = (Object.keys(WEB_ERROR_CODES) as WebErrorCode[]).find((code) => WEB_ERROR_CODES[code] === status);
  if (found) return found;
  return status >= 500 ? 'INTERNAL' : 'REQUEST_REFUSED';
}

export function withRetry(problem: Problem): Problem {
  const fallback = DEFAULT_RETRY_AFTER[problem.status];
  return problem.retryAfter === undefined && fallback !== undefined ? { ...problem, retryAfter: fallback } : problem;
}

export function classify(error: unknown): Problem {
  if (error instanceof HttpProblem) return withRetry(error.problem);
  if (isDomainError(error)) {
    return withRetry({ status: statusOfCode[error.code] ?? statusOfKind[error.kind], code: error.code, fields: error.fields, retryAfter: error.retryAfter });
  }
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation) {
    const fields = fastifyError.validation.map((v) => ({
      field: (v.instancePath || String(v.params?.missingProperty ?? '')).replace(/^\//, '').replace(/\//g, '.') || (fastifyError.validationContext ?? 'request'),
      key: 'errors.request',
      params: { detail: v.message ?? '' },
    }));
    return { status: 400, code: 'REQUEST_INVALID', fields };
  }
  const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (known) return { status: WEB_ERROR_CODES[known], code: known, fields: [] };
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) return withRetry({ status, code: codeOfStatus(status), fields: [] });
  if (CONNECTION_CODES.has(String(fastifyError.code ?? ''))) return withRetry({ status: 503, code: 'SERVICE_UNAVAILABLE', fields: [] });
  return { status: 500, code: 'INTERNAL', fields: [] };
}
