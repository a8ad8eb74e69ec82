// An article's story in the newsroom: its revisions (list, a diff of two, restore one as a new
// revision), who else has it open (a JSON heartbeat for the edit screen's script), and the
// translation desk (the story's editions, and a side-by-side form that creates or updates the
// translation into one of them). Routes declare their roles; every domain function checks again.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../core/context.js';
import { DomainError } from '../../core/errors.js';
import {
  addCorrection,
  can,
  compareRevisions,
  CORRECTION_MAX,
  getTranslationDesk,
  listPresence,
  listRevisionHistory,
  restoreRevision,
  saveTranslation,
  touchPresence,
  RESTORED_NOTE,
  TRANSLATING,
  type PresentUser,
  type RevisionDiff,
  type StaffArticle,
  type TranslationDesk,
} from '../../domain/articles/index.js';
import type { MessageKey, Translate } from '../../i18n/index.js';
import { RevisionsPage, type BlockView, type RevisionsProps } from '../../views/pages/admin-revisions.js';
import { TranslatePage, type TranslateProps } from '../../views/pages/admin-translate.js';
import { HttpProblem } from '../problem.js';
import type { ScreenDeps } from './sign-in.js';
import { fieldMessages, formString, frameOf, sendPage, when } from './screens.js';

/** Who works on articles: the domain narrows it further (a reporter, their own drafts). */
export const WRITERS: readonly Role[] = ['admin', 'editor', 'reporter', 'translator'];
export const TRANSLATORS: readonly Role[] = TRANSLATING;
/** A translation's body is an article's body: the form takes what the Admin API takes. */
const TRANSLATION_BODY_LIMIT = 1024 * 1024;

const ID = /^[1-9][0-9]{0,9}$/;
const EDITION = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$/;

/** A positive 32-bit id from a path or form, or undefined. */
function idOf(value: unknown): number | undefined {
  return typeof value === 'string' && ID.test(value) && Number(value) <= 2147483647 ? Number(value) : undefined;
}

function pathId(request: FastifyRequest, name = 'id'): number {
  const id = idOf((request.params as Record<string, unknown>)[name]);
  if (id === undefined) throw new HttpProblem('NOT_FOUND');
  return id;
}

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const editHref = (id: number) => `/admin/articles/${id}/edit`;
export const revisionsHref = (id: number) => `/admin/articles/${id}/revisions`;
export const translateHref = (id: number, to?: string) => `/admin/articles/${id}/translate${to ? `?to=${encodeURIComponent(to)}` : ''}`;

const FIELD_LABELS: Record<string, MessageKey> = {
  headline: 'story.field.headline',
  dek: 'story.field.dek',
  dateline: 'story.field.dateline',
  creditLine: 'story.field.credit',
  byline: 'story.field.byline',
  slug: 'story.field.slug',
  sectionId: 'story.field.section',
  tagIds: 'story.field.tags',
  entityIds: 'story.field.entities',
  featuredMediaId: 'story.field.media',
  commentsOpen: 'story.field.comments',
};

const STATUS_LABELS: Record<string, MessageKey> = {
  draft: 'story.status.draft',
  in_review: 'story.status.in_review',
  scheduled: 'story.status.scheduled',
  published: 'story.status.published',
  unpublished: 'story.status.unpublished',
  removed: 'story.status.removed',
};

/** A name inside a sentence of the other direction, isolated (FSI … PDI) so that it does not reorder its neighbours. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** Notes the domain writes itself are shown in the reader's language; an editor's own note as typed. */
function noteText(t: Translate, note: string): string {
  if (note === 'created') return t('story.note.created');
  const restored = RESTORED_NOTE.exec(note);
  if (restored) return t('story.note.restored', { n: Number(restored[1]) });
  const translated = /^Translated from revision (\d+)$/.exec(note);
  if (translated) return t('story.note.translated', { n: Number(translated[1]) });
  return note;
}

function diffView(t: Translate, diff: RevisionDiff): NonNullable<RevisionsProps['diff']> {
  return {
    text: diff.text.map((f) => ({ label: t(FIELD_LABELS[f.field] ?? 'story.field.headline'), changed: f.changed, parts: f.parts })),
    values: diff.values.map((v) => ({ label: t(FIELD_LABELS[v.field] ?? 'story.field.headline'), before: v.before, after: v.after })),
    body: diff.body.map((b): BlockView => (b.kind === 'skipped' ? { kind: 'skipped', label: t('story.diff.skipped', { count: b.count }) } : b)),
    simplified: diff.simplified,
  };
}

/** The key of the screen's session for presence: the session row, or the account for a bearer token. */
function presenceKey(request: FastifyRequest): string {
  const { session, actor } = request.newsroom;
  if (session) return `s:${session.id}`;
  return `u:${actor.kind === 'user' ? actor.id : 0}`;
}

export function registerStory(admin: FastifyInstance, deps: ScreenDeps): void {
  const ctxOf = (request: FastifyRequest) => deps.makeCtx(request.newsroom.actor, request.log);
  const editionOf = (code: string) => deps.editions.all().find((e) => e.code === code);
  const presentView = (language: string, others: PresentUser[]) => others.map((o) => ({ name: o.name, since: when(language, o.since) }));

  // ---- Revisions -------------------------------------------------------------------------------

  async function revisionsPage(request: FastifyRequest, reply: FastifyReply, id: number, extra: Partial<RevisionsProps> = {}, status = 200) {
    const { t, language, actor } = request.newsroom;
    const ctx = ctxOf(request);
    const { article, revisions } = await listRevisionHistory(ctx, id);
    const latest = revisions[0]?.number ?? 1;
    const query = request.query as Record<string, unknown>;
    const asked = (name: string) => {
      const raw = one(query[name]);
      if (raw === undefined || raw === '') return undefined;
      const n = idOf(raw);
      if (n === undefined) throw new HttpProblem('REQUEST_INVALID');
      return n;
    };
    const to = asked('to') ?? latest;
    const from = asked('from') ?? Math.max(1, to - 1);
    const diff = revisions.length > 1 || from !== to ? await compareRevisions(ctx, id, from, to) : undefined;
    const others = await listPresence(ctx, id);
    const edition = editionOf(article.edition);
    const frame = { ...frameOf(request, reply, deps.cssHref, ''), scripts: deps.presenceJsHref ? [deps.presenceJsHref] : undefined };
    const mayTranslate = actor.kind === 'user' && TRANSLATORS.includes(actor.role);
    return sendPage(
      reply,
      RevisionsPage({
        frame,
        csrf: frame.csrf,
        article: { id, headline: article.headline, version: article.version, lang: article.edition, dir: edition?.direction ?? 'ltr', editHref: editHref(id), translateHref: mayTranslate ? translateHref(id) : undefined },
        others: presentView(language, others),
        revisions: revisions.map((r) => ({ number: r.number, editor: r.editor, time: when(language, r.createdAt), note: noteText(t, r.note), headline: r.headline, current: r.number === latest })),
        canRestore: can(actor, 'edit', { authorId: article.authorId, status: article.status, edition: article.edition }) && article.status !== 'removed',
        correction: can(actor, 'publish', { authorId: article.authorId, status: article.status, edition: article.edition }) ? { max: CORRECTION_MAX, value: '' } : undefined,
        from,
        to,
        diff: diff ? diffView(t, diff) : undefined,
        ...extra,
      }),
      status,
    );
  }

  admin.get('/articles/:id/revisions', { config: { roles: WRITERS } }, async (request, reply) => {
    const id = pathId(request);
    const query = request.query as Record<string, unknown>;
    const done = one(query.restored);
    const n = done === undefined ? undefined : idOf(done);
    if (one(query.corrected) !== undefined) return revisionsPage(request, reply, id, { notice: request.newsroom.t('story.correction.added') });
    return revisionsPage(request, reply, id, n !== undefined ? { notice: request.newsroom.t('story.revisions.restored', { n }) } : {});
  });

  admin.post('/articles/:id/corrections', { config: { roles: ['admin', 'editor'] } }, async (request, reply) => {
    const id = pathId(request);
    const { t } = request.newsroom;
    const note = formString(request.body, 'note');
    try {
      await addCorrection(ctxOf(request), id, note);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'Invalid') {
        const page = { error: t('story.error.form'), correctionError: fieldMessages(t, error).note, correctionValue: note };
        return revisionsPage(request, reply, id, page, 422);
      }
      throw error;
    }
    return reply.redirect(`${revisionsHref(id)}?corrected`, 303);
  });

  admin.post('/articles/:id/revisions/:n/restore', { config: { roles: WRITERS } }, async (request, reply) => {
    const id = pathId(request);
    const n = pathId(request, 'n');
    const { t } = request.newsroom;
    const expected = idOf(formString(request.body, 'expectedVersion'));
    if (expected === undefined) return revisionsPage(request, reply, id, { error: t('story.error.version') }, 422);
    try {
      const result = await restoreRevision(ctxOf(request), id, n, expected);
      if (!result.changed) return revisionsPage(request, reply, id, { notice: t('story.revisions.same', { n }) });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'ARTICLE_VERSION_CONFLICT') return revisionsPage(request, reply, id, { error: t('story.error.stale') }, 409);
      if (error instanceof DomainError && error.kind === 'Invalid') return revisionsPage(request, reply, id, { error: t('story.error.restore_invalid') }, 422);
      throw error;
    }
    return reply.redirect(`${revisionsHref(id)}?restored=${n}`, 303);
  });

  // ---- Presence ------------------------------------------------------------------------------

  admin.post('/articles/:id/presence', { config: { roles: WRITERS }, bodyLimit: 1024 }, async (request, reply) => {
    const id = pathId(request);
    const { actor, language } = request.newsroom;
    if (actor.kind !== 'user') throw new HttpProblem('REQUEST_INVALID');
    const others = await touchPresence(ctxOf(request), id, presenceKey(request));
    return reply.type('application/json; charset=utf-8').send({ others: others.map((o) => ({ name: o.name, since: o.since, sinceText: when(language, o.since).text })) });
  });

  // ---- Translation desk ---------------------------------------------------------------------

  function targetOf(request: FastifyRequest): string | undefined {
    const raw = one((request.query as Record<string, unknown>).to);
    if (raw === undefined) return undefined;
    if (typeof raw !== 'string' || !EDITION.test(raw) || !editionOf(raw)) throw new HttpProblem('NOT_FOUND');
    return raw;
  }

  function translateProps(request: FastifyRequest, reply: FastifyReply, desk: TranslationDesk, to: string | undefined, form?: { values: Record<string, string>; errors: Record<string, string> }): TranslateProps {
    const { t } = request.newsroom;
    const frame = frameOf(request, reply, deps.cssHref, '');
    const { source } = desk;
    const sourceEdition = editionOf(source.edition);
    const byEdition = new Map(desk.editions.map((e) => [e.edition, e]));
    const { actor } = request.newsroom;
    const limit = actor.kind === 'user' ? actor.editions : undefined;
    const editions = deps.editions
      .all()
      .filter((e) => e.code === source.edition || !limit || limit.includes(e.code))
      .map((e) => {
        const found = byEdition.get(e.code);
        const state = e.code === source.edition ? t('story.translate.is_source') : found ? t(STATUS_LABELS[found.status] ?? 'story.status.draft') : t('story.translate.missing');
        return { code: e.code, name: e.nativeName, state, outdated: found?.outdated ?? false, href: translateHref(source.id, e.code), current: e.code === to, isSource: e.code === source.edition };
      });
    const targetEdition = to ? editionOf(to) : undefined;
    const existing: (StaffArticle & { bodyText: string; outdated: boolean }) | undefined = desk.target;
    return {
      frame,
      csrf: frame.csrf,
      source: {
        id: source.id,
        editionName: isolate(sourceEdition?.nativeName ?? source.edition),
        lang: source.edition,
        dir: sourceEdition?.direction ?? 'ltr',
        headline: source.headline,
        dek: source.dek,
        paragraphs: source.bodyText.split('\n\n'),
        revision: source.revision,
        status: t(STATUS_LABELS[source.status] ?? 'story.status.draft'),
        revisionsHref: revisionsHref(source.id),
      },
      editions,
      target:
        to && targetEdition
          ? {
              code: to,
              name: isolate(targetEdition.nativeName),
              lang: to,
              dir: targetEdition.direction,
              exists: existing !== undefined,
              rich: desk.target?.rich ?? false,
              status: existing ? t(STATUS_LABELS[existing.status] ?? 'story.status.draft') : undefined,
              outdated: existing?.outdated ?? false,
              editHref: existing ? editHref(existing.id) : undefined,
              values: {
                headline: form?.values.headline ?? existing?.headline ?? '',
                dek: form?.values.dek ?? existing?.dek ?? '',
                body: form?.values.body ?? existing?.bodyText ?? '',
                expectedVersion: existing ? String(existing.version) : undefined,
                sourceRevision: String(source.revision),
              },
              errors: form?.errors ?? {},
            }
          : undefined,
    };
  }

  admin.get('/articles/:id/translate', { config: { roles: TRANSLATORS } }, async (request, reply) => {
    const id = pathId(request);
    const to = targetOf(request);
    const desk = await getTranslationDesk(ctxOf(request), id, to);
    const saved = one((request.query as Record<string, unknown>).saved) !== undefined;
    return sendPage(reply, TranslatePage({ ...translateProps(request, reply, desk, to), ...(saved ? { notice: request.newsroom.t('story.translate.saved') } : {}) }));
  });

  admin.post('/articles/:id/translate', { config: { roles: TRANSLATORS }, bodyLimit: TRANSLATION_BODY_LIMIT }, async (request, reply) => {
    const id = pathId(request);
    const to = targetOf(request);
    const { t } = request.newsroom;
    if (to === undefined) throw new HttpProblem('REQUEST_INVALID');
    const values = { headline: formString(request.body, 'headline'), dek: formString(request.body, 'dek'), body: formString(request.body, 'body') };
    const rawExpected = formString(request.body, 'expectedVersion');
    const rawRevision = formString(request.body, 'sourceRevision');
    const expectedVersion = rawExpected === '' ? undefined : idOf(rawExpected);
    const sourceRevision = rawRevision === '' ? undefined : idOf(rawRevision);
    const ctx = ctxOf(request);
    const again = async (status: number, errors: Record<string, string>, error: string) => {
      const desk = await getTranslationDesk(ctx, id, to);
      return sendPage(reply, TranslatePage({ ...translateProps(request, reply, desk, to, { values, errors }), error }), status);
    };
    if ((rawExpected !== '' && expectedVersion === undefined) || (rawRevision !== '' && sourceRevision === undefined)) return again(422, {}, t('story.error.version'));
    try {
      await saveTranslation(ctx, id, { edition: to, ...values, expectedVersion, sourceRevision });
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'Invalid') return again(422, fieldMessages(t, error), t('story.error.form'));
      if (error instanceof DomainError && (error.code === 'ARTICLE_VERSION_CONFLICT' || error.code === 'ARTICLE_TRANSLATION_EXISTS')) return again(409, {}, t('story.error.stale'));
      throw error;
    }
    return reply.redirect(`${translateHref(id, to)}&saved`, 303);
  });
}
