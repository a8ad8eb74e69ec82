// How a newsroom screen is declared and framed. A screen's routes say which roles may open them
// in `config.roles` (the auth hook refuses the others with 403 before the handler runs; the domain
// function the handler calls checks again). Its navigation entry goes in NAV with the same roles,
// so the menu shows what the role may open. See docs/newsroom-auth.md, "Adding a screen".
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { ROLES, type Role } from '../../core/context.js';
import type { DomainError, FieldProblem } from '../../core/errors.js';
import type { MessageKey, Translate } from '../../i18n/index.js';
import type { AdminFrameProps } from '../../views/pages/admin-frame.js';
import { renderDocument } from '../../views/render.js';
import { formToken } from './auth.js';

export const STAFF: readonly Role[] = ROLES;
export const ADMINS: readonly Role[] = ['admin'];

export interface NavEntry {
  href: string;
  label: MessageKey;
  roles: readonly Role[];
}

/** The newsroom's menu, in order. A new screen adds its line here and the same roles on its routes. */
export const NAV: NavEntry[] = [
  { href: '/admin', label: 'newsroom.nav.dashboard', roles: STAFF },
  { href: '/admin/articles', label: 'list.nav', roles: ['admin', 'editor', 'reporter', 'translator'] },
  { href: '/admin/articles/new', label: 'editor.nav', roles: ['admin', 'editor', 'reporter', 'translator'] },
  { href: '/admin/users', label: 'newsroom.nav.users', roles: ADMINS },
  { href: '/admin/comments', label: 'desk.nav', roles: ['admin', 'editor', 'moderator'] },
  { href: '/admin/media', label: 'media.nav', roles: ['admin', 'editor', 'reporter', 'translator'] },
  { href: '/admin/account', label: 'newsroom.nav.account', roles: STAFF },
];

export function navFor(role: Role, t: Translate, current: string, badges: Record<string, number> = {}) {
  return NAV.filter((entry) => entry.roles.includes(role)).map((entry) => {
    const count = badges[entry.href];
    return { href: entry.href, label: t(entry.label), current: entry.href === current, ...(count ? { badge: { count: t('newsroom.nav.count', { count }), text: t('newsroom.nav.pending', { count }) } } : {}) };
  });
}

/** The frame of a page: interface language and direction, and for a signed-in account its menu, name and CSRF token. */
export function frameOf(request: FastifyRequest, reply: FastifyReply, cssHref: string, current: string, options: { bare?: boolean } = {}): Omit<AdminFrameProps, 'title'> & { csrf: string } {
  const { newsroom } = request;
  const csrf = formToken(request, reply);
  const base = { lang: newsroom.language, dir: newsroom.dir, t: newsroom.t, cssHref, csrf };
  const { actor, session } = newsroom;
  if (options.bare || actor.kind !== 'user' || !session || session.stage !== 'signed_in' || session.mustChangePassword) return base;
  return { ...base, nav: navFor(actor.role, newsroom.t, current, newsroom.badges), user: { name: actor.name } };
}

export function sendPage(reply: FastifyReply, page: VNode, status = 200) {
  return reply.code(status).type('text/html; charset=utf-8').send(renderDocument(page));
}

/** A domain error's field problems as localized messages, by field. */
export function fieldMessages(t: Translate, error: Pick<DomainError, 'fields'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const problem of error.fields as FieldProblem[]) out[problem.field] ??= t(problem.key as MessageKey, problem.params);
  return out;
}

/** A string field of a parsed form (the first, if it was repeated), or ''. */
export function formString(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** Every value of a repeated form field (checkboxes). */
export function formList(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is string => typeof v === 'string');
}

// One formatter per interface language: building an Intl.DateTimeFormat costs ~0.2 ms, which a
// list of 25 rows paid on every row (measured on the article list, bench/admin-list.ts).
const timeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** "3 Dec 2026, 14:05 UTC" in the interface language. */
export function when(language: string, iso: string): { iso: string; text: string } {
  let format = timeFormats.get(language);
  if (!format) timeFormats.set(language, (format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })));
  return { iso, text: `${format.format(new Date(iso))} UTC` };
}

/** A count in the interface language's digits. */
export function count(language: string, n: number): string {
  let format = numberFormats.get(language);
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language)));
  return format.format(n);
}

export const ROLE_LABELS: Record<Role, MessageKey> = {
  admin: 'newsroom.role.admin',
  editor: 'newsroom.role.editor',
  reporter: 'newsroom.role.reporter',
  translator: 'newsroom.role.translator',
  moderator: 'newsroom.role.moderator',
};
