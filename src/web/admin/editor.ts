// The article editor: new article (edition, headline, first text) → 303 to its edit screen; the
// edit screen saves every field with the version it was loaded at (a newer stored version
// answers 409 with both texts, nothing lost, nothing overwritten silently); JSON autosave for the
// rich editor; workflow buttons; a preview through the public article template. Routes declare
// WRITERS; the domain decides what each role may read, edit and move (policy.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../core/context.js';
import { isDomainError, type DomainError } from '../../core/errors.js';
import {
  TRANSITIONS,
  can,
  documentWords,
  findMedia,
  createArticle,
  documentToText,
  getArticle,
  listRevisions,
  publishArticle,
  returnToDraft,
  scheduleArticle,
  submitForReview,
  textToDocument,
  unpublishArticle,
  updateArticle,
  validateDocument,
  type ArticleAction,
  type ArticlePatch,
  type ArticleStatus,
  type BodyDocument,
  type StaffArticle,
} from '../../domain/articles/index.js';
import { listSections, listTags } from '../../domain/editions/index.js';
import type { MessageKey, Translate } from '../../i18n/index.js';
import { EditorPage, NewArticlePage, type EditorProps, type EditorValues } from '../../views/pages/admin-editor.js';
import { ArticlePage } from '../../views/pages/article.js';
import { renderDocument } from '../../views/render.js';
import { HttpProblem } from '../problem.js';
import { chromeFor, editionView, paths } from '../site/chrome.js';
import { imageOf } from '../site/page-parts.js';
import type { ScreenDeps } from './sign-in.js';
import { formList, formString, frameOf, sendPage, when } from './screens.js';
import { utcToZonedInput, zonedToUtc } from './zoned-time.js';

export const WRITERS: readonly Role[] = ['admin', 'editor', 'reporter', 'translator'];
/**
 * The save and autosave routes take a whole article. The domain bounds the document itself
 * (200,000 characters, document.ts BODY_LIMITS); posted twice over (the textarea's text and the
 * editor's JSON), URL-encoded, in Arabic script, that is under 2 MiB.
 */
export const EDITOR_BODY_LIMIT = 2 * 1024 * 1024;

export interface EditorDeps extends ScreenDeps {
  editorScriptHref?: string | undefined;
}

/** The domain action behind each target status (commands.ts asks policy the same). */
const ACTION_OF: Partial<Record<ArticleStatus, ArticleAction>> = {
  in_review: 'submit',
  draft: 'retract',
  published: 'publish',
  scheduled: 'schedule',
  unpublished: 'unpublish',
};

const ID = /^[1-9][0-9]{0,9}$/;
/** The revision note of an autosave (shown translated in the history). */
const AUTOSAVE_NOTE = 'autosave';
const idParam = { type: 'object', properties: { id: { type: 'string', pattern: '^[1-9][0-9]{0,9}$' } }, required: ['id'] } as const;

const isId = (s: string) => ID.test(s) && Number(s) <= 2147483647;

/** Field problems as messages by form field; the body's per-block problems are shown on the body. */
function messagesOf(t: Translate, error: Pick<DomainError, 'fields'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const problem of error.fields) {
    const field = problem.field?.startsWith('body') ? 'body' : (problem.field ?? 'form');
    out[field] ??= t(problem.key as MessageKey, problem.params);
  }
  return out;
}

/** What the form posted, as the editor shows it again (nothing the user typed is lost). */
interface Posted {
  values: EditorValues;
  patch: ArticlePatch;
  /** Problems found before the domain is asked (malformed numbers, a body JSON that does not parse). */
  problems: Record<string, string>;
}

/** Problems after which a posted document is not shown again (its shape cannot be trusted). */
const STRUCTURAL = new Set(['errors.body.structure', 'errors.body.too_deep', 'errors.body.too_many_nodes', 'errors.body.too_many_blocks', 'errors.body.too_many_inlines', 'errors.body.too_many_items']);

function showable(doc: BodyDocument): { doc: BodyDocument; text: string } | undefined {
  try {
    return { doc, text: documentToText(doc) };
  } catch (error) {
    // A shape validateDocument let through but the text form cannot write: show the textarea's text.
    if (error instanceof RangeError || error instanceof TypeError) return undefined;
    throw error;
  }
}

function readForm(body: unknown, t: Translate): Posted {
  const s = (name: string) => formString(body, name);
  const problems: Record<string, string> = {};
  const version = s('expected_version');
  if (!isId(version)) throw new HttpProblem('REQUEST_INVALID');
  // The rich editor's document when it sent one that holds; else the textarea's text. A document
  // refused only for its content (an unsafe link, a limit) is still shown again, so nothing typed
  // in the rich editor is lost to the stale textarea; a broken structure falls back to the text.
  let fromJson: BodyDocument | undefined;
  let shown: { doc: BodyDocument; text: string } | undefined;
  const json = s('body_json');
  if (json) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      problems.body = t('errors.body.structure');
    }
    if (!problems.body) {
      const found = validateDocument(parsed);
      if (found.length) {
        problems.body = t(found[0]!.key as MessageKey, found[0]!.params);
        if (!found.some((p) => STRUCTURAL.has(p.key))) shown = showable(parsed as BodyDocument);
      } else fromJson = parsed as BodyDocument;
    }
  }
  const bodyText = fromJson ? documentToText(fromJson) : (shown?.text ?? s('body'));
  const doc = fromJson ?? shown?.doc ?? textToDocument(bodyText);
  const section = s('section');
  const media = s('featured_media').trim();
  const tags = formList(body, 'tags');
  if (section && !isId(section)) problems.sectionId = t('errors.field.type');
  if (media && !isId(media)) problems.featuredMediaId = t('errors.field.type');
  if (tags.some((x) => !isId(x)) || tags.length > 100) problems.tagIds = t('errors.field.type');
  const slug = s('slug').trim();
  const slugWas = s('slug_was');
  const values: EditorValues = {
    headline: s('headline'),
    dek: s('dek'),
    dateline: s('dateline'),
    creditLine: s('credit_line'),
    byline: s('byline'),
    sectionId: section,
    tagIds: tags,
    slug,
    slugWas,
    featuredMediaId: media,
    commentsOpen: s('comments') === 'open',
    note: s('note'),
    bodyText,
    bodyDoc: doc,
    expectedVersion: Number(version),
  };
  if (values.note.length > 500) problems.note = t('errors.field.too_long', { max: 500 });
  const patch: ArticlePatch = {
    expectedVersion: Number(version),
    headline: values.headline,
    dek: values.dek,
    dateline: values.dateline,
    creditLine: values.creditLine,
    byline: values.byline,
    body: doc,
    sectionId: section && isId(section) ? Number(section) : null,
    tagIds: tags.filter(isId).map(Number),
    featuredMediaId: media && isId(media) ? Number(media) : null,
    commentsOpen: values.commentsOpen,
    note: values.note.trim(),
    // The slug follows the headline until publication unless the user typed one.
    ...(slug !== slugWas ? { slug } : {}),
  };
  return { values, patch, problems };
}

/** Notes the system writes itself are shown in the interface language; people's notes as written. */
const SYSTEM_NOTES: Record<string, MessageKey> = { created: 'editor.note.created', [AUTOSAVE_NOTE]: 'editor.note.autosave' };
function noteText(t: Translate, note: string): string {
  const key = SYSTEM_NOTES[note];
  return key ? t(key) : note;
}

function valuesOf(article: StaffArticle): EditorValues {
  return {
    headline: article.headline,
    dek: article.dek,
    dateline: article.dateline,
    creditLine: article.creditLine,
    byline: article.byline,
    sectionId: article.sectionId === null ? '' : String(article.sectionId),
    tagIds: article.tagIds.map(String),
    slug: article.slug,
    slugWas: article.slug,
    featuredMediaId: article.featuredMediaId === null ? '' : String(article.featuredMediaId),
    commentsOpen: article.commentsOpen,
    note: '',
    bodyText: documentToText(article.body),
    bodyDoc: article.body,
    expectedVersion: article.version,
  };
}

export function registerEditor(admin: FastifyInstance, deps: EditorDeps): void {
  const ctxOf = (request: FastifyRequest) => deps.makeCtx(request.newsroom.actor, request.log);
  const idOf = (request: FastifyRequest) => Number((request.params as { id: string }).id);
  const config = { roles: WRITERS };

  const editionsOf = (request: FastifyRequest) => {
    const { actor } = request.newsroom;
    const limit = actor.kind === 'user' ? actor.editions : undefined;
    return deps.editions
      .all()
      .filter((e) => !limit || limit.includes(e.code))
      .map((e) => ({ code: e.code, name: e.nativeName, dir: e.direction }));
  };

  function newPage(request: FastifyRequest, reply: FastifyReply, values = { edition: '', headline: '', body: '' }, errors: Record<string, string> = {}, status = 200) {
    const frame = frameOf(request, reply, deps.cssHref, '/admin/articles/new');
    const editions = editionsOf(request);
    const chosen = values.edition || editions[0]?.code || '';
    return sendPage(reply, NewArticlePage({ frame, csrf: frame.csrf, editions, values: { ...values, edition: chosen }, errors, error: Object.keys(errors).length ? request.newsroom.t('editor.fix_errors') : undefined }), status);
  }

  async function editPage(request: FastifyRequest, reply: FastifyReply, article: StaffArticle, extra: Partial<EditorProps> = {}, status = 200) {
    const frame = frameOf(request, reply, deps.cssHref, `/admin/articles/${article.id}/edit`);
    const { t, actor, language } = request.newsroom;
    const ctx = ctxOf(request);
    const edition = deps.editions.find(article.edition);
    const zone = edition?.timeZone ?? 'UTC';
    const [sections, tags, revisions] = await Promise.all([listSections(ctx, article.edition), listTags(ctx, article.edition), listRevisions(ctx, article.id)]);
    const resource = { authorId: article.authorId, status: article.status, edition: article.edition };
    const actions = TRANSITIONS[article.status].flatMap((to) => {
      const action = ACTION_OF[to];
      return action && can(actor, action, resource) ? [{ to, label: t(`editor.to.${to}` as MessageKey) }] : [];
    });
    const times: EditorProps['times'] = [];
    const stamp = (label: MessageKey, iso: string | null) => {
      if (iso) times.push({ label: t(label), ...when(language, iso) });
    };
    stamp('editor.created', article.createdAt);
    stamp('editor.updated', article.updatedAt);
    if (article.status === 'scheduled') stamp('editor.scheduled_for', article.scheduledAt);
    stamp('editor.published_at', article.publishedAt);
    const values = extra.values ?? valuesOf(article);
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
    return sendPage(
      reply,
      EditorPage({
        frame,
        csrf: frame.csrf,
        scriptHref: deps.editorScriptHref,
        article: {
          id: article.id,
          lang: edition?.code ?? article.edition,
          dir: edition?.direction ?? 'ltr',
          editionName: edition?.nativeName ?? article.edition,
          status: article.status,
          statusLabel: t(`editor.status.${article.status}` as MessageKey),
          previewHref: `/admin/articles/${article.id}/preview`,
          publicHref: article.status === 'published' ? paths.article(article.edition, article.id, article.slug) : undefined,
        },
        values,
        errors: {},
        canEdit: can(actor, 'edit', resource),
        words: documentWords(values.bodyDoc as BodyDocument),
        sections: sections.map((s) => ({ id: s.id, name: s.name })),
        tags: tags.map((x) => ({ id: x.id, name: x.name })),
        actions,
        timeZone: zone,
        scheduleValue: article.scheduledAt ? utcToZonedInput(new Date(article.scheduledAt), zone) : utcToZonedInput(tomorrow, zone),
        times,
        history: revisions.slice(0, 10).map((r) => ({ number: r.number, who: r.editor, note: noteText(t, r.note), ...isoText(language, r.createdAt) })),
        ...extra,
      }),
      status,
    );
  }

  const isoText = (language: string, iso: string) => {
    const w = when(language, iso);
    return { iso: w.iso, text: w.text };
  };

  admin.get('/articles/new', { config }, async (request, reply) => newPage(request, reply));

  admin.post('/articles', { config }, async (request, reply) => {
    const values = { edition: formString(request.body, 'edition'), headline: formString(request.body, 'headline'), body: formString(request.body, 'body') };
    if (!editionsOf(request).some((e) => e.code === values.edition)) {
      return newPage(request, reply, values, { edition: request.newsroom.t('errors.article.edition') }, 422);
    }
    try {
      const ref = await createArticle(ctxOf(request), { edition: values.edition, headline: values.headline, body: textToDocument(values.body) });
      return reply.redirect(`/admin/articles/${ref.id}/edit?created`, 303);
    } catch (error) {
      if (isDomainError(error) && error.kind === 'Invalid') return newPage(request, reply, values, messagesOf(request.newsroom.t, error), 422);
      throw error;
    }
  });

  admin.get('/articles/:id/edit', { config, schema: { params: idParam } }, async (request, reply) => {
    const article = await getArticle(ctxOf(request), idOf(request));
    const query = request.query as Record<string, unknown>;
    const { t } = request.newsroom;
    const notice = query.saved !== undefined ? t('editor.saved') : query.created !== undefined ? t('editor.created_notice') : query.moved !== undefined ? t('editor.moved') : undefined;
    return editPage(request, reply, article, notice ? { notice } : {});
  });

  admin.post('/articles/:id', { config, bodyLimit: EDITOR_BODY_LIMIT, schema: { params: idParam } }, async (request, reply) => {
    const ctx = ctxOf(request);
    const id = idOf(request);
    const { t } = request.newsroom;
    // Read first: a role that may not see the article hears 403 before anything is parsed.
    const stored = await getArticle(ctx, id);
    const posted = readForm(request.body, t);
    if (Object.keys(posted.problems).length) {
      return editPage(request, reply, stored, { values: posted.values, errors: posted.problems, error: t('editor.fix_errors') }, 422);
    }
    try {
      await updateArticle(ctx, id, posted.patch);
      return reply.redirect(`/admin/articles/${id}/edit?saved`, 303);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      if (error.code === 'ARTICLE_VERSION_CONFLICT') {
        const theirs = await getArticle(ctx, id);
        const last = (await listRevisions(ctx, id))[0];
        const values = { ...posted.values, expectedVersion: theirs.version, slugWas: theirs.slug };
        const conflict = { version: theirs.version, headline: theirs.headline, dek: theirs.dek, bodyText: documentToText(theirs.body), who: last?.editor, when: last ? when(request.newsroom.language, last.createdAt).text : undefined };
        return editPage(request, reply, theirs, { values, conflict, error: t('editor.conflict.notice') }, 409);
      }
      if (error.kind === 'Invalid') return editPage(request, reply, stored, { values: posted.values, errors: messagesOf(t, error), error: t('editor.fix_errors') }, 422);
      if (error.code === 'ARTICLE_SLUG_TAKEN') return editPage(request, reply, stored, { values: posted.values, errors: messagesOf(t, error), error: t('editor.fix_errors') }, 409);
      throw error;
    }
  });

  // The rich editor's autosave: the same patch as a save, as JSON, answered as JSON (never a page).
  admin.post('/articles/:id/autosave', { config, bodyLimit: EDITOR_BODY_LIMIT, schema: { params: idParam } }, async (request, reply) => {
    const ctx = ctxOf(request);
    const id = idOf(request);
    const body = request.body as Record<string, unknown> | undefined;
    const version = body?.expectedVersion;
    if (!body || typeof body !== 'object' || typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      return reply.code(400).send({ error: 'REQUEST_INVALID' });
    }
    const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
    const patch: ArticlePatch = { expectedVersion: version, note: AUTOSAVE_NOTE };
    for (const key of ['headline', 'dek', 'dateline', 'creditLine', 'byline'] as const) {
      const value = str(key);
      if (value !== undefined) patch[key] = value;
    }
    if (body.body !== undefined) {
      const problems = validateDocument(body.body);
      if (problems.length) return reply.code(422).send({ error: 'ARTICLE_INVALID', fields: problems.map((p) => ({ field: p.field, message: request.newsroom.t(p.key as MessageKey, p.params) })) });
      patch.body = body.body as BodyDocument;
    }
    try {
      const ref = await updateArticle(ctx, id, patch);
      return reply.send({ version: ref.version, changed: ref.changed, savedAt: new Date().toISOString() });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      if (error.code === 'ARTICLE_VERSION_CONFLICT') return reply.code(409).send({ error: error.code });
      if (error.kind === 'Invalid') return reply.code(422).send({ error: error.code, fields: error.fields.map((p) => ({ field: p.field, message: request.newsroom.t(p.key as MessageKey, p.params) })) });
      throw error;
    }
  });

  admin.post('/articles/:id/workflow', { config, schema: { params: idParam } }, async (request, reply) => {
    const ctx = ctxOf(request);
    const id = idOf(request);
    const to = formString(request.body, 'to');
    const version = formString(request.body, 'expected_version');
    if (!(to in ACTION_OF) || (version && !isId(version))) throw new HttpProblem('REQUEST_INVALID');
    const current = await getArticle(ctx, id);
    // A button from a page older than the article: say so instead of moving what the user did not see.
    if (version && Number(version) !== current.version) {
      return editPage(request, reply, current, { error: request.newsroom.t('editor.workflow_stale') }, 409);
    }
    try {
      if (to === 'in_review') await submitForReview(ctx, id);
      else if (to === 'draft') await returnToDraft(ctx, id);
      else if (to === 'published') await publishArticle(ctx, id);
      else if (to === 'unpublished') await unpublishArticle(ctx, id);
      else {
        const zone = deps.editions.find(current.edition)?.timeZone ?? 'UTC';
        const at = zonedToUtc(formString(request.body, 'scheduled_at'), zone);
        await scheduleArticle(ctx, id, at ?? new Date(Number.NaN));
      }
    } catch (error) {
      if (isDomainError(error) && error.kind === 'Invalid') {
        return editPage(request, reply, current, { errors: messagesOf(request.newsroom.t, error), error: request.newsroom.t('editor.fix_errors') }, 422);
      }
      throw error;
    }
    return reply.redirect(`/admin/articles/${id}/edit?moved`, 303);
  });

  // The public template with the current draft; the newsroom context already answers no-store.
  admin.get('/articles/:id/preview', { config, schema: { params: idParam } }, async (request, reply) => {
    const ctx = ctxOf(request);
    const article = await getArticle(ctx, idOf(request));
    const edition = deps.editions.find(article.edition);
    if (!edition) throw new HttpProblem('REQUEST_INVALID');
    const media = article.featuredMediaId === null ? undefined : await findMedia(ctx, article.featuredMediaId, article.edition);
    const view = editionView(edition);
    const chrome = chromeFor(view, deps.editions, { title: article.headline || '—', cssHref: deps.cssHref, head: { robots: 'noindex, nofollow' } });
    chrome.banner = { text: request.newsroom.t('editor.preview_bar'), lang: request.newsroom.language, dir: request.newsroom.dir, href: `/admin/articles/${article.id}/edit`, link: request.newsroom.t('editor.back_to_edit') };
    const page = ArticlePage({
      chrome,
      headline: article.headline,
      dek: article.dek,
      dateline: article.dateline,
      creditLine: article.creditLine,
      byline: article.byline,
      published: view.when(article.publishedAt ?? article.updatedAt),
      bodyHtml: article.bodyHtml,
      image: media ? { ...imageOf(media), caption: media.caption, credit: media.credit } : undefined,
      tags: [],
      entities: [],
      translations: [],
      related: [],
      sidebar: [],
    });
    return reply.type('text/html; charset=utf-8').header('x-robots-tag', 'noindex').send(renderDocument(page));
  });
}
