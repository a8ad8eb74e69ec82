// The only place failures become HTTP answers: a localized HTML page in the edition's language and
// direction for the site, { errors: [{ code, message, field }] } for the API, and a generic 500
// logged with the request id for anything unknown. No stack trace, SQL or path reaches a client.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError, statusOfKind, type DomainError } from '../../core/errors.js';
import { catalogs, type MessageKey } from '../../i18n/index.js';
import { renderDocument } from '../../views/render.js';
import { ErrorPage } from '../../views/pages/error.js';
import type { ArticleCardProps } from '../../views/props.js';
import { chromeFor, editionView } from '../site/chrome.js';
import type { EditionRegistry } from '../site/editions.js';

const isMessageKey = (key: string): key is MessageKey => key in (catalogs.en ?? {});

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '08006', '08001', 'SQLITE_BUSY']);

interface Problem {
  status: number;
  code: string;
  /** For the page heading and body. */
  page: 'not_found' | 'gone' | 'bad_request' | 'server' | 'unavailable';
  fields: Array<{ field?: string; key: string; params?: Record<string, string | number> }>;
  retryAfter?: number | undefined;
}

function classify(error: FastifyError | DomainError | Error): Problem {
  if (isDomainError(error)) {
    const status = statusOfKind[error.kind];
    const page = error.kind === 'NotFound' ? 'not_found' : error.kind === 'Gone' ? 'gone' : error.kind === 'Unavailable' ? 'unavailable' : 'bad_request';
    return { status, code: error.code, page, fields: error.fields, retryAfter: error.retryAfter };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const fields = fastifyError.validation.map((v) => ({
      field: (v.instancePath || String(v.params?.missingProperty ?? '')).replace(/^\//, '').replace(/\//g, '.') || (fastifyError.validationContext ?? 'request'),
      key: 'errors.request',
      params: { detail: v.message ?? '' },
    }));
    return { status: 400, code: 'REQUEST_INVALID', page: 'bad_request', fields };
  }
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    return { status, code: fastifyError.code?.replace(/^FST_ERR_/, 'REQUEST_') ?? 'REQUEST_INVALID', page: status === 404 ? 'not_found' : 'bad_request', fields: [] };
  }
  const code = String((error as { code?: unknown }).code ?? '');
  if (CONNECTION_CODES.has(code)) return { status: 503, code: 'SERVICE_UNAVAILABLE', page: 'unavailable', fields: [], retryAfter: 5 };
  return { status: 500, code: 'INTERNAL', page: 'server', fields: [] };
}

function englishMessage(key: string, params?: Record<string, string | number>): string {
  const text = isMessageKey(key) ? (catalogs.en?.[key] ?? key) : key;
  return text.replace(/\{(\w+)\}/g, (_m, name: string) => String(params?.[name] ?? ''));
}

export interface ErrorPageOptions {
  editions: EditionRegistry;
  cssHref: string;
  /** Recent articles of an edition, offered on 404 and 410 pages as a way back in. */
  suggest?: (edition: string, request: FastifyRequest) => Promise<ArticleCardProps[]>;
}

export function registerErrorHandling(app: FastifyInstance, options: ErrorPageOptions): void {
  const suggestions = async (edition: string, request: FastifyRequest, problem: Problem) => {
    if (!options.suggest || (problem.page !== 'not_found' && problem.page !== 'gone')) return [];
    try {
      return await options.suggest(edition, request);
    } catch (error) {
      request.log.warn({ err: error }, 'could not list suggestions for an error page');
      return [];
    }
  };

  const send = async (problem: Problem, request: FastifyRequest, reply: FastifyReply) => {
    reply.code(problem.status);
    if (problem.retryAfter) reply.header('retry-after', String(problem.retryAfter));
    reply.header('cache-control', 'no-store');
    if (request.url.startsWith('/api/')) {
      const errors = problem.fields.length
        ? problem.fields.map((f) => ({ code: problem.code, message: f.key === 'errors.request' ? `${f.field}: ${String(f.params?.detail ?? '')}` : englishMessage(f.key, f.params), field: f.field }))
        : [{ code: problem.code, message: englishMessage(`error.${problem.page}.title`) }];
      return reply.type('application/json; charset=utf-8').send({ errors });
    }
    const prefix = request.url.split('/')[1]?.split('?')[0] ?? '';
    const edition = options.editions.find(prefix) ?? options.editions.fallback();
    if (!edition) return reply.type('text/plain; charset=utf-8').send(englishMessage(`error.${problem.page}.title`));
    const view = editionView(edition);
    const detail = problem.fields
      .map((f) => {
        if (f.key === 'errors.request' || !isMessageKey(f.key)) return view.t('errors.request');
        return view.t(f.key, f.params);
      })
      .filter((v, i, all) => all.indexOf(v) === i)
      .join(' ');
    const heading = view.t(`error.${problem.page}.title` as MessageKey);
    const message = view.t(`error.${problem.page}.body` as MessageKey, { detail, requestId: request.id });
    const chrome = chromeFor(view, options.editions, { title: heading, cssHref: options.cssHref });
    const suggested = await suggestions(edition.code, request, problem);
    return reply.type('text/html; charset=utf-8').send(renderDocument(ErrorPage({ chrome, heading, message, suggestions: suggested })));
  };

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = classify(error);
    if (problem.status >= 500) request.log.error({ err: error, reqId: request.id }, 'request failed');
    else request.log.info({ code: problem.code, status: problem.status }, 'request refused');
    return send(problem, request, reply);
  });

  app.setNotFoundHandler((request, reply) => send({ status: 404, code: 'NOT_FOUND', page: 'not_found', fields: [] }, request, reply));
}
