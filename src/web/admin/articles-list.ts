// The newsroom's article list, GET /admin/articles: the articles the actor may read (the domain's
// listArticles, whose query carries the read policy and the edition limit), last updated first,
// filtered by the query string. Every filter value is checked here against the choices the form
// offers; a value outside them (another edition than the actor's included) re-renders the page
// with 422 and a message per field, never a 500 and never another edition's rows.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Role } from '../../core/context.js';
import { isDomainError } from '../../core/errors.js';
import { listArticles, TEXT_FILTER_MAX, type StaffListFilter } from '../../domain/articles/index.js';
import { listSections } from '../../domain/editions/index.js';
import { ArticleListPage, LIST_STATUSES, listHref, type ListQuery, type ListStatus } from '../../views/pages/admin-articles.js';
import type { ScreenDeps } from './sign-in.js';
import { count, frameOf, sendPage, when } from './screens.js';

export const ARTICLE_READERS: readonly Role[] = ['admin', 'editor', 'reporter', 'translator'];
export const LIST_PAGE = 25;
const MAX_ID = 2147483647;
/** A cursor is base64url of "ISO time|id": well under this. */
const CURSOR_MAX = 80;

type ErrorField = keyof ListQuery | 'cursor';
type Errors = Partial<Record<ErrorField, string>>;

/** The editions the actor works in, as the registry lists them. */
export function editionsOf(deps: ScreenDeps, actor: Actor) {
  const limited = actor.kind === 'user' ? actor.editions : undefined;
  return deps.editions.all().filter((e) => !limited || limited.includes(e.code));
}

export function editHref(id: number): string {
  return `/admin/articles/${id}/edit`;
}

interface Parsed {
  query: ListQuery;
  filter: StaffListFilter;
  before: string | undefined;
  after: string | undefined;
  errors: Errors;
}

/** One value of a query parameter; a repeated parameter is refused like a bad value. */
function single(raw: Record<string, unknown>, name: string): string | null {
  const value = raw[name];
  if (value === undefined) return '';
  return typeof value === 'string' ? value : null;
}

function parse(request: FastifyRequest, deps: ScreenDeps, sectionIds: Set<number>): Parsed {
  const { actor, t } = request.newsroom;
  const raw = (request.query ?? {}) as Record<string, unknown>;
  const errors: Errors = {};
  const query: ListQuery = { edition: '', status: '', section: '', author: '', text: '' };
  const filter: StaffListFilter = { order: 'updated', limit: LIST_PAGE };

  const edition = single(raw, 'edition');
  if (edition === null || (edition !== '' && !editionsOf(deps, actor).some((e) => e.code === edition))) errors.edition = t('list.error.edition');
  else if (edition) query.edition = filter.edition = edition;

  const status = single(raw, 'status');
  if (status === null || (status !== '' && !(LIST_STATUSES as readonly string[]).includes(status))) errors.status = t('list.error.status');
  else if (status) {
    query.status = status;
    filter.status = status as ListStatus;
  }

  const section = single(raw, 'section');
  if (section === null || (section !== '' && (!/^[1-9][0-9]{0,9}$/.test(section) || Number(section) > MAX_ID || !sectionIds.has(Number(section))))) errors.section = t('list.error.section');
  else if (section) {
    query.section = section;
    filter.sectionId = Number(section);
  }

  const author = single(raw, 'author');
  if (author === null || (author !== '' && author !== 'mine' && (!/^[1-9][0-9]{0,9}$/.test(author) || Number(author) > MAX_ID))) errors.author = t('list.error.author');
  else if (author === 'mine' && actor.kind === 'user') {
    query.author = author;
    filter.authorId = actor.id;
  } else if (author && author !== 'mine') {
    query.author = author;
    filter.authorId = Number(author);
  }

  const text = single(raw, 'text');
  // Control characters have no place in a headline; refusing them keeps them out of the page too.
  // eslint-disable-next-line no-control-regex
  if (text === null || [...text.trim()].length > TEXT_FILTER_MAX || /[\u0000-\u001f\u007f]/.test(text)) errors.text = t('list.error.text', { max: TEXT_FILTER_MAX });
  else if (text.trim()) query.text = filter.text = text.trim();

  const before = single(raw, 'before');
  const after = single(raw, 'after');
  const cursorOk = (c: string | null) => c !== null && c.length <= CURSOR_MAX && /^[A-Za-z0-9_-]*$/.test(c);
  if (!cursorOk(before) || !cursorOk(after) || (before && after)) errors.cursor = t('list.error.cursor');
  else {
    if (before) filter.older = before;
    if (after) filter.newer = after;
  }
  return { query, filter, before: before || undefined, after: after || undefined, errors };
}

export function registerArticleList(admin: FastifyInstance, deps: ScreenDeps): void {
  const ctxOf = (request: FastifyRequest) => deps.makeCtx(request.newsroom.actor, request.log);

  admin.get('/articles', { config: { roles: ARTICLE_READERS } }, async (request: FastifyRequest, reply: FastifyReply) => {
    const { actor, language, t } = request.newsroom;
    const ctx = ctxOf(request);
    const editions = editionsOf(deps, actor);
    const sections = await Promise.all(
      editions.map(async (e) => ({ edition: e.code, editionName: e.nativeName, items: (await listSections(ctx, e.code)).map((s) => ({ id: s.id, name: s.name })) })),
    );
    const parsed = parse(request, deps, new Set(sections.flatMap((g) => g.items.map((s) => s.id))));
    const { query, errors } = parsed;
    const frame = frameOf(request, reply, deps.cssHref, '/admin/articles');
    const page = async (extra: { rows?: Awaited<ReturnType<typeof listArticles>> }, status: number) => {
      const list = extra.rows;
      const cursorBase = { ...query };
      const paged = parsed.before !== undefined || parsed.after !== undefined;
      return sendPage(
        reply,
        ArticleListPage({
          frame,
          query,
          editions: editions.map((e) => ({ code: e.code, name: e.nativeName })),
          sections: sections.filter((g) => g.items.length > 0),
          authorChoice: actor.kind === 'user' && actor.role !== 'reporter',
          errors,
          rows: (list?.items ?? []).map((a) => ({
            id: a.id,
            headline: a.headline,
            editHref: editHref(a.id),
            edition: a.edition,
            status: a.status,
            section: a.sectionName,
            author: a.authorId === null || a.authorName === null ? null : { name: a.authorName, href: listHref({ ...query, author: String(a.authorId) }) },
            updated: when(language, a.updatedAt),
            version: count(language, a.version),
          })),
          newer: list?.prev ? listHref(cursorBase, { after: list.prev }) : undefined,
          older: list?.next ? listHref(cursorBase, { before: list.next }) : undefined,
          first: paged ? listHref(cursorBase) : undefined,
        }),
        status,
      );
    };
    if (Object.keys(errors).length) return page({}, 422);
    try {
      return await page({ rows: await listArticles(ctx, parsed.filter) }, 200);
    } catch (error) {
      // A cursor that decodes to nothing (hand-edited, truncated) is the reader's link, not a fault.
      if (isDomainError(error) && error.kind === 'Invalid') {
        for (const f of error.fields) {
          if (f.field === 'before') errors.cursor = t('list.error.cursor');
          else if (f.field === 'text') errors.text = t('list.error.text', { max: TEXT_FILTER_MAX });
        }
        if (!Object.keys(errors).length) errors.cursor = t('list.error.cursor');
        return page({}, 422);
      }
      throw error;
    }
  });
}
