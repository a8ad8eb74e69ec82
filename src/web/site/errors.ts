// The reader site's answers to failures: a localized HTML page in the edition's language and
// direction (edition from the URL prefix, else the default edition), with its own heading and body
// for each status, Retry-After on 429/503, Allow on 405, never cached, no stack or input echoed.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catalogs, type MessageKey } from '../../i18n/index.js';
import { ErrorPage } from '../../views/pages/error.js';
import type { ArticleCardProps } from '../../views/props.js';
import { renderDocument } from '../../views/render.js';
import type { Problem } from '../problem.js';
import { chromeFor, editionView } from './chrome.js';
import type { EditionRegistry } from './editions.js';

/** Which page each status shows; any other 4xx shows bad_request, any other 5xx server. */
const PAGE_OF_STATUS: Record<number, ErrorPageName> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  422: 'invalid',
  429: 'rate_limited',
  500: 'server',
  503: 'unavailable',
};

/** Codes that say more than their status: a body that does not parse is not a bad address. */
const PAGE_OF_CODE: Partial<Record<string, ErrorPageName>> = {
  REQUEST_MALFORMED: 'malformed',
};

export type ErrorPageName =
  | 'unauthorized'
  | 'forbidden'
  | 'bad_request'
  | 'malformed'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'gone'
  | 'payload_too_large'
  | 'uri_too_long'
  | 'unsupported_media_type'
  | 'invalid'
  | 'rate_limited'
  | 'server'
  | 'unavailable';

export function pageOf(status: number, code?: string): ErrorPageName {
  return (code ? PAGE_OF_CODE[code] : undefined) ?? PAGE_OF_STATUS[status] ?? (status >= 500 ? 'server' : 'bad_request');
}

const isMessageKey = (key: string): key is MessageKey => key in (catalogs.en ?? {});

export interface SiteErrorOptions {
  editions: EditionRegistry;
  cssHref: string;
  /** Recent articles of an edition, offered on 404 and 410 pages as a way back in. */
  suggest?: (edition: string, request: FastifyRequest) => Promise<ArticleCardProps[]>;
}

/** Headers every error answer carries, whichever context renders it. */
export function problemHeaders(reply: FastifyReply, problem: Problem): void {
  reply.code(problem.status);
  if (problem.retryAfter !== undefined) reply.header('retry-after', String(problem.retryAfter));
  if (problem.allow) reply.header('allow', problem.allow.join(', '));
  reply.header('cache-control', 'no-store');
}

/** The site's error document for a problem; synchronous, so early (pre-routing) answers can use it too. */
export function siteErrorDocument(options: SiteErrorOptions, problem: Problem, url: string, requestId: string, suggestions: ArticleCardProps[] = []): { type: string; body: string } {
  const prefix = url.split('/')[1]?.split('?')[0] ?? '';
  const edition = options.editions.find(prefix) ?? options.editions.fallback();
  const page = pageOf(problem.status, problem.code);
  if (!edition) return { type: 'text/plain; charset=utf-8', body: catalogs.en?.[`error.${page}.title` as MessageKey] ?? 'Error' };
  const view = editionView(edition);
  const detail = problem.fields
    .map((f) => (f.key === 'errors.request' || !isMessageKey(f.key) ? view.t('errors.request') : view.t(f.key, f.params)))
    .filter((v, i, all) => all.indexOf(v) === i)
    .join(' ');
  const heading = view.t(`error.${page}.title` as MessageKey);
  const message = view.t(`error.${page}.body` as MessageKey, { detail: detail || view.t('errors.request'), requestId });
  const chrome = chromeFor(view, options.editions, { title: heading, cssHref: options.cssHref });
  return { type: 'text/html; charset=utf-8', body: renderDocument(ErrorPage({ chrome, heading, message, suggestions })) };
}

export function siteErrorRenderer(options: SiteErrorOptions) {
  const suggestions = async (edition: string, request: FastifyRequest, page: ErrorPageName) => {
    if (!options.suggest || (page !== 'not_found' && page !== 'gone')) return [];
    try {
      return await options.suggest(edition, request);
    } catch (error) {
      request.log.warn({ err: error }, 'could not list suggestions for an error page');
      return [];
    }
  };
  return async (problem: Problem, request: FastifyRequest, reply: FastifyReply) => {
    problemHeaders(reply, problem);
    const prefix = request.url.split('/')[1]?.split('?')[0] ?? '';
    const edition = options.editions.find(prefix) ?? options.editions.fallback();
    const suggested = edition ? await suggestions(edition.code, request, pageOf(problem.status, problem.code)) : [];
    const { type, body } = siteErrorDocument(options, problem, request.url, request.id, suggested);
    return reply.type(type).send(body);
  };
}
