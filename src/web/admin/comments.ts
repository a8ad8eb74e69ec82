// The comment moderation desk: the comments of one state (and edition), newest first, with their
// authors' emails and hashed addresses, and bulk moves between states. Routes declare MODERATORS;
// the domain functions check the role again and keep an edition-limited editor to their editions.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../core/context.js';
import { countByState, eraseCommenterData, exportCommenterData, listForModeration, moderateComments, type HoldReason } from '../../domain/comments/index.js';
import { DomainError } from '../../core/errors.js';
import { CommentDeskPage, deskHref, type DeskProps, type DeskState } from '../../views/pages/admin-comments.js';
import { HttpProblem } from '../problem.js';
import type { ScreenDeps } from './sign-in.js';
import { fieldMessages, formList, formString, frameOf, sendPage, when } from './screens.js';

export const MODERATORS: readonly Role[] = ['admin', 'editor', 'moderator'];
const STATES: readonly DeskState[] = ['pending', 'approved', 'spam', 'trash'];
/** Every state is a destination: trash and spam restore to pending or approved. */
const MOVES: readonly DeskState[] = STATES;
const PAGE = 50;
/** The hold reasons the desk can name (domain/comments HoldReason); an unknown stored one is left out. */
const HOLD_REASONS: readonly HoldReason[] = ['fast', 'links', 'blocked', 'duplicate', 'known_spam', 'score', 'honeypot', 'policy'];

interface Filter {
  state: DeskState;
  edition: string;
  before: number | undefined;
}

/** The filter of the query string; anything malformed is a 400, not an empty page. */
function filterOf(request: FastifyRequest, known: (code: string) => boolean): Filter {
  const query = request.query as Record<string, unknown>;
  const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
  const state = one(query.state) ?? 'pending';
  const edition = one(query.edition) ?? '';
  const before = one(query.before);
  if (typeof state !== 'string' || !(STATES as readonly string[]).includes(state)) throw new HttpProblem('REQUEST_INVALID');
  if (typeof edition !== 'string' || (edition !== '' && !known(edition))) throw new HttpProblem('REQUEST_INVALID');
  if (before !== undefined && (typeof before !== 'string' || !/^[1-9][0-9]{0,9}$/.test(before) || Number(before) > 2147483647)) throw new HttpProblem('REQUEST_INVALID');
  return { state: state as DeskState, edition, before: before === undefined ? undefined : Number(before) };
}

export function registerCommentDesk(admin: FastifyInstance, deps: ScreenDeps & { deskScriptHref?: string | undefined }): void {
  const ctxOf = (request: FastifyRequest) => deps.makeCtx(request.newsroom.actor, request.log);
  const known = (code: string) => deps.editions.all().some((e) => e.code === code);

  async function deskPage(request: FastifyRequest, reply: FastifyReply, filter: Filter, extra: Partial<DeskProps> = {}, status = 200) {
    const frame = frameOf(request, reply, deps.cssHref, '/admin/comments');
    const { language, actor, t } = request.newsroom;
    const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
    const ctx = ctxOf(request);
    const edition = filter.edition || undefined;
    const [list, counts] = await Promise.all([listForModeration(ctx, { state: filter.state, edition, before: filter.before, limit: PAGE }), countByState(ctx, edition)]);
    const limited = actor.kind === 'user' && actor.editions?.length ? actor.editions : undefined;
    const editions = deps.editions
      .all()
      .filter((e) => !limited || limited.includes(e.code))
      .map((e) => ({ code: e.code, name: e.nativeName }));
    const more = list.next === undefined ? undefined : `${deskHref(filter.state, filter.edition)}&before=${list.next}`;
    return sendPage(
      reply,
      CommentDeskPage({
        frame,
        csrf: frame.csrf,
        state: filter.state,
        edition: filter.edition,
        editions,
        counts,
        more,
        scriptHref: deps.deskScriptHref,
        ...extra,
        comments: list.items.map((c) => ({
          id: c.id,
          headline: c.articleHeadline,
          articleHref: `/${c.edition}/news/${c.articleId}`,
          name: c.name,
          email: c.email,
          ipHash: c.ipHash,
          website: c.website,
          time: when(language, c.createdAt),
          body: c.body,
          replyTo: c.parentId,
          erased: c.erased,
          held: c.reasons.filter((r) => (HOLD_REASONS as readonly string[]).includes(r)).map((r) => t(`desk.reason.${r as HoldReason}`)),
          score: c.status === 'approved' ? undefined : t('desk.score', { score: percent.format(c.spamScore) }),
        })),
      }),
      status,
    );
  }

  const config = { roles: MODERATORS };
  admin.get('/comments', { config }, async (request, reply) => {
    const filter = filterOf(request, known);
    const query = request.query as Record<string, unknown>;
    const erased = typeof query.erased === 'string' && /^[0-9]{1,6}$/.test(query.erased) ? Number(query.erased) : undefined;
    const notice = erased !== undefined ? request.newsroom.t('desk.privacy.erased', { count: erased }) : query.done !== undefined ? request.newsroom.t('desk.done') : undefined;
    return deskPage(request, reply, filter, notice ? { notice } : {});
  });

  admin.post('/comments', { config }, async (request, reply) => {
    const filter = filterOf(request, known);
    const to = formString(request.body, 'to');
    if (!(MOVES as readonly string[]).includes(to)) throw new HttpProblem('REQUEST_INVALID');
    const raw = formList(request.body, 'ids');
    if (raw.some((id) => !/^[1-9][0-9]{0,9}$/.test(id) || Number(id) > 2147483647)) throw new HttpProblem('REQUEST_INVALID');
    const ids = [...new Set(raw.map(Number))];
    if (!ids.length) return deskPage(request, reply, filter, { error: request.newsroom.t('desk.none_selected') }, 422);
    await moderateComments(ctxOf(request), ids, to as DeskState);
    return reply.redirect(`${deskHref(filter.state, filter.edition)}&done`, 303);
  });

  // A reader's personal data by email address (domain/comments/privacy.ts): a JSON file to hand
  // over, or erasure after an explicit confirmation. An edition-limited account reaches its
  // editions' comments only.
  admin.post('/comments/privacy', { config }, async (request, reply) => {
    const filter: Filter = { state: 'pending', edition: '', before: undefined };
    const { t } = request.newsroom;
    const email = formString(request.body, 'email');
    const action = formString(request.body, 'action');
    if (action !== 'export' && action !== 'erase') throw new HttpProblem('REQUEST_INVALID');
    const kept = { privacyEmail: email.slice(0, 254) };
    try {
      if (action === 'export') {
        const comments = await exportCommenterData(ctxOf(request), email);
        if (!comments.length) return await deskPage(request, reply, filter, { ...kept, notice: t('desk.privacy.none') });
        reply.header('content-disposition', 'attachment; filename="commenter-data.json"');
        return reply.type('application/json; charset=utf-8').send(JSON.stringify({ email: comments[0]?.email, exportedAt: new Date().toISOString(), comments }, null, 2));
      }
      if (formString(request.body, 'confirm') !== 'yes') return await deskPage(request, reply, filter, { ...kept, privacyErrors: { confirm: t('desk.privacy.confirm_needed') } }, 422);
      const { erased } = await eraseCommenterData(ctxOf(request), email);
      if (!erased) return await deskPage(request, reply, filter, { ...kept, notice: t('desk.privacy.none') });
      return reply.redirect(`${deskHref('pending', '')}&erased=${erased}`, 303);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'Invalid') return deskPage(request, reply, filter, { ...kept, privacyErrors: fieldMessages(t, error) }, 422);
      throw error;
    }
  });
}
