// The newsroom's home, GET /admin: the signed-in account's work in four short blocks (each the
// article list's query with a "see all" link to the same filter), the article counts per edition
// and status the actor may read, and for those who moderate the comments waiting. Everything
// comes from the domain with the actor's ctx, so a reporter's blocks and counts hold their own
// work only and an edition-limited account sees its editions only.
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../core/context.js';
import { countArticlesByStatus, listArticles, type StaffListFilter, type StaffListItem } from '../../domain/articles/index.js';
import { countByState } from '../../domain/comments/index.js';
import { LIST_STATUSES, listHref, type ListQuery } from '../../views/pages/admin-articles.js';
import { DashboardPage, type DashboardBlock } from '../../views/pages/admin-dashboard.js';
import { ARTICLE_READERS, editHref, editionsOf } from './articles-list.js';
import { MODERATORS } from './comments.js';
import type { ScreenDeps } from './sign-in.js';
import { NAV, ROLE_LABELS, STAFF, count, frameOf, sendPage, when } from './screens.js';

/** Rows per block: enough to act on, short enough for one screen. */
export const DASHBOARD_ROWS = 5;
const EDITORIAL: readonly Role[] = ['admin', 'editor'];

export function registerDashboard(admin: FastifyInstance, deps: ScreenDeps): void {
  admin.get('/', { config: { roles: STAFF } }, async (request, reply) => {
    const { actor, t, language } = request.newsroom;
    if (actor.kind !== 'user') throw new Error('unreachable: the auth hook admits staff only');
    const ctx = deps.makeCtx(actor, request.log);
    const frame = frameOf(request, reply, deps.cssHref, '/admin');
    const links = NAV.filter((n) => n.href !== '/admin' && n.roles.includes(actor.role)).map((n) => ({ href: n.href, label: t(n.label) }));
    const editions = actor.editions ? t('newsroom.dashboard.editions', { editions: actor.editions.join(', ') }) : t('newsroom.dashboard.all_editions');

    const readsArticles = ARTICLE_READERS.includes(actor.role);
    // Editors and admins follow the whole desk; writers their own work.
    const own: Pick<ListQuery, 'author'> = EDITORIAL.includes(actor.role) ? { author: '' } : { author: 'mine' };
    const mine = own.author === 'mine' ? { authorId: actor.id } : {};
    const specs: Array<{ key: DashboardBlock['key']; title: string; filter: StaffListFilter; query: Partial<ListQuery> }> = readsArticles
      ? [
          { key: 'drafts', title: t('dash.drafts'), filter: { status: 'draft', authorId: actor.id }, query: { status: 'draft', author: 'mine' } },
          { key: 'review', title: t('dash.review'), filter: { status: 'in_review', ...mine }, query: { status: 'in_review', ...own } },
          { key: 'scheduled', title: t('dash.scheduled'), filter: { status: 'scheduled', ...mine }, query: { status: 'scheduled', ...own } },
          { key: 'published', title: t('dash.published'), filter: { status: 'published', ...mine }, query: { status: 'published', ...own } },
        ]
      : [];
    const moderates = MODERATORS.includes(actor.role);
    const [pages, counts, comments] = await Promise.all([
      Promise.all(specs.map((s) => listArticles(ctx, { ...s.filter, order: 'updated', limit: DASHBOARD_ROWS }))),
      readsArticles ? countArticlesByStatus(ctx) : undefined,
      moderates ? countByState(ctx) : undefined,
    ]);
    const itemOf = (key: DashboardBlock['key']) => (a: StaffListItem) => ({
      id: a.id,
      headline: a.headline,
      href: editHref(a.id),
      edition: a.edition,
      status: a.status,
      time: when(language, key === 'scheduled' && a.scheduledAt ? a.scheduledAt : a.updatedAt),
    });
    const blocks: DashboardBlock[] = specs.map((s, i) => ({ key: s.key, title: s.title, items: (pages[i]?.items ?? []).map(itemOf(s.key)), seeAll: listHref(s.query) }));
    const table = counts
      ? editionsOf(deps, actor).map((e) => ({
          edition: e.code,
          name: e.nativeName,
          cells: LIST_STATUSES.map((status) => {
            const n = counts.find((c) => c.edition === e.code && c.status === status)?.count ?? 0;
            return { status, count: n, text: count(language, n), href: listHref({ edition: e.code, status, ...own }) };
          }),
        }))
      : undefined;
    return sendPage(
      reply,
      DashboardPage({
        frame,
        name: actor.name,
        role: t(ROLE_LABELS[actor.role]),
        editions,
        links,
        blocks,
        counts: table,
        comments: comments ? { pending: count(language, comments.pending), href: '/admin/comments?state=pending' } : undefined,
      }),
    );
  });
}
