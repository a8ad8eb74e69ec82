// The newsroom's answers to failures: an HTML page in the default edition's language and
// direction, framed as the newsroom (home link to /admin, no edition links, no suggestions of
// public articles), never cached, no stack or input echoed.
import type { FastifyReply } from 'fastify';
import { catalogs, type MessageKey } from '../../i18n/index.js';
import { ErrorPage } from '../../views/pages/error.js';
import type { Chrome } from '../../views/props.js';
import { renderDocument } from '../../views/render.js';
import type { Problem } from '../problem.js';
import { editionView } from '../site/chrome.js';
import type { EditionRegistry } from '../site/editions.js';
import { pageOf, problemHeaders } from '../site/errors.js';

export interface AdminChromeOptions {
  editions: EditionRegistry;
  cssHref: string;
}

/** The interface language of the request, once the auth hook has resolved it. */
export interface AdminVoice {
  language: string;
  dir: 'ltr' | 'rtl';
  t: Chrome['t'];
}

/** The newsroom's page frame, in the default edition's language; undefined before any edition exists. */
export function adminChrome(options: AdminChromeOptions, title: string | ((t: Chrome['t']) => string), voice?: AdminVoice): Chrome | undefined {
  const edition = options.editions.fallback();
  if (!edition) return undefined;
  const view = editionView(edition);
  const t = voice?.t ?? view.t;
  const text = typeof title === 'string' ? title : title(t);
  return {
    lang: voice?.language ?? edition.code,
    dir: voice?.dir ?? edition.direction,
    title: `${text} — ${t('admin.name')}`,
    t,
    homeHref: '/admin',
    cssHref: options.cssHref,
    editions: [],
    head: { robots: 'noindex, nofollow' },
  };
}

export function adminErrorDocument(options: AdminChromeOptions, problem: Problem, requestId: string, voice?: AdminVoice): { type: string; body: string } {
  const page = pageOf(problem.status, problem.code);
  const chrome = adminChrome(options, (t) => t(`error.${page}.title` as MessageKey), voice);
  if (!chrome) return { type: 'text/plain; charset=utf-8', body: catalogs.en?.[`error.${page}.title` as MessageKey] ?? 'Error' };
  const heading = chrome.t(`error.${page}.title` as MessageKey);
  const message = chrome.t(`error.${page}.body` as MessageKey, { detail: chrome.t('errors.request'), requestId });
  return { type: 'text/html; charset=utf-8', body: renderDocument(ErrorPage({ chrome, heading, message })) };
}

export function sendAdminProblem(options: AdminChromeOptions, problem: Problem, requestId: string, reply: FastifyReply, voice?: AdminVoice) {
  problemHeaders(reply, problem);
  const { type, body } = adminErrorDocument(options, problem, requestId, voice);
  return reply.type(type).send(body);
}
