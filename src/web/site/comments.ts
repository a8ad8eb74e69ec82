// Reader comments on the site: the thread and form under each article (built for the article
// route), posting (form POST → 303 to the anchor, or JSON), the 422 form with messages beside each
// field, reply pages, later pages of long threads, the comment feed and a fresh form token for
// the script. The article page stays shared in the page cache: see docs/comments.md.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { tags } from '../../core/cache-tags.js';
import { isDomainError, notFound, type DomainError } from '../../core/errors.js';
import type { PublishedArticle } from '../../domain/articles/index.js';
import { getPublished } from '../../domain/articles/index.js';
import {
  MAX_DEPTH,
  bodyParts,
  findAuthorDetails,
  getCommentSettings,
  getPublicComment,
  isOpen,
  issueFormToken,
  listForFeed,
  listThread,
  submitComment,
  threadPageOf,
  unsubscribeReplies,
  type ThreadComment,
} from '../../domain/comments/index.js';
import type { DomainCtx } from '../../domain/editions/index.js';
import type { MessageKey } from '../../i18n/index.js';
import { CommentPage } from '../../views/components/comment-page.js';
import type { CommentFormProps, CommentItemProps, CommentsSectionProps } from '../../views/components/comments.js';
import { renderAtom } from '../../views/feeds/rss-atom.js';
import { renderDocument } from '../../views/render.js';
import type { WebDeps } from '../deps.js';
import { SESSION_COOKIES, cookieValue } from '../personal.js';
import { classify } from '../problem.js';
import { ID, LANG, SLUG } from '../schemas/params.js';
import { chromeFor, paths, type EditionView } from './chrome.js';
import { readerContext } from './page-parts.js';
import { pageOf } from './errors.js';

export const commentPaths = {
  post: (lang: string, id: number) => `/${lang}/news/${id}/comments`,
  more: (lang: string, id: number, slug: string, after: number) => `${paths.article(lang, id, slug)}/comments?after=${after}`,
  reply: (lang: string, id: number, slug: string, commentId: number) => `${paths.article(lang, id, slug)}/reply/${commentId}`,
  feed: (lang: string, id: number) => `/${lang}/news/${id}/comments.atom`,
  token: (lang: string, id: number) => `/${lang}/news/${id}/comments/token`,
};

const AUTHOR_KEY = /^([rs])\.([A-Za-z0-9_-]{32})$/;
const YEAR_S = 365 * 24 * 3600;

/** The author's cookie: its key, and whether they asked to be remembered. */
function authorOf(request: FastifyRequest): { key: string; remember: boolean } | undefined {
  const match = AUTHOR_KEY.exec(cookieValue(request.headers.cookie, SESSION_COOKIES.commentAuthor) ?? '');
  return match ? { key: match[2]!, remember: match[1] === 'r' } : undefined;
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
];

/** "3 hours ago", "hace 3 horas", "۳ ساعت پیش" in the edition's locale and digits. */
export function relativeTime(view: EditionView, iso: string, now: Date): string {
  const locale = `${view.locale.locale}-u-nu-${view.locale.numbering}`;
  let format = relativeFormats.get(locale);
  if (!format) relativeFormats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  let value = (new Date(iso).getTime() - now.getTime()) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return format.format(Math.round(value), unit);
    value /= size;
  }
  return format.format(Math.round(value), 'year');
}

function itemOf(view: EditionView, c: ThreadComment, now: Date, replyHref: (id: number) => string | undefined): CommentItemProps {
  return {
    id: c.id,
    depth: c.depth,
    state: c.state,
    name: c.name,
    website: c.website,
    body: bodyParts(c.body),
    time: { datetime: c.createdAt, text: relativeTime(view, c.createdAt, now), title: view.when(c.createdAt).text },
    avatar: c.avatar,
    replyHref: c.state === 'approved' && c.depth < MAX_DEPTH ? replyHref(c.id) : undefined,
  };
}

const EMPTY_VALUES = { name: '', email: '', website: '', body: '', remember: false, notify: false };

interface ThreadOptions {
  after?: number | undefined;
  /** Whether the page is the article's own (its first page of comments) or a later page. */
  firstPage: boolean;
  scriptHref?: string | undefined;
}

export interface ArticleComments {
  section: CommentsSectionProps;
  count: number;
}

/**
 * The comments part of an article page. Shared by every reader unless the request carries the
 * author's cookie: then that reader's own held comments are shown and the page is made personal
 * (never stored in the page cache, private to every cache on the way).
 */
export async function articleComments(ctx: DomainCtx, view: EditionView, article: PublishedArticle, request: FastifyRequest, reply: FastifyReply, options: ThreadOptions = { firstPage: true }): Promise<ArticleComments> {
  const lang = view.edition.code;
  const author = authorOf(request);
  if (author) reply.personal();
  const [thread, settings, token, remembered] = await Promise.all([
    listThread(ctx, article.id, { after: options.after, authorKey: author?.key }),
    getCommentSettings(ctx, lang),
    // A reader with the author cookie gets a personal page: their token may be their own.
    issueFormToken(ctx, article.id, { shared: !author }),
    author?.remember ? findAuthorDetails(ctx, author.key) : Promise.resolve(undefined),
  ]);
  const now = ctx.clock.now();
  const open = isOpen(settings, article, now);
  const replyHref = (id: number) => (open ? commentPaths.reply(lang, article.id, article.slug, id) : undefined);
  const section: CommentsSectionProps = {
    t: view.t,
    countText: view.t('comments.count', { count: thread.total }),
    items: thread.items.map((c) => itemOf(view, c, now, replyHref)),
    olderHref: thread.next !== undefined ? commentPaths.more(lang, article.id, article.slug, thread.next) : undefined,
    newerHref: options.firstPage ? undefined : `${paths.article(lang, article.id, article.slug)}#comments`,
    feedHref: commentPaths.feed(lang, article.id),
    scriptHref: options.scriptHref,
    form: open
      ? {
          action: commentPaths.post(lang, article.id),
          token,
          tokenUrl: commentPaths.token(lang, article.id),
          values: remembered ? { ...EMPTY_VALUES, ...remembered, remember: true } : EMPTY_VALUES,
          errors: {},
        }
      : undefined,
  };
  return { section, count: thread.total };
}

const str = (value: unknown, max = 20_000): string => (typeof value === 'string' ? value.slice(0, max) : '');
const checked = (value: unknown) => value === true || value === '1' || value === 'on' || value === 'true';

function wantsJson(request: FastifyRequest): boolean {
  const type = String(request.headers['content-type'] ?? '');
  if (type.startsWith('application/json')) return true;
  const accept = String(request.headers.accept ?? '');
  return /application\/json/.test(accept) && !/text\/html/.test(accept);
}

export function registerComments(site: FastifyInstance, deps: WebDeps & { cssHref: string; scriptHref?: string }): void {
  const { editions } = deps;
  const { ctxOf, editionOf } = readerContext(deps);
  const pageChrome = (view: EditionView, title: string, canonical?: string) =>
    chromeFor(view, editions, { title, cssHref: deps.cssHref, ...(canonical ? { canonical: `${deps.config.baseUrl}${canonical}` } : {}), head: { robots: 'noindex' } });

  const messageOf = (view: EditionView, key: string, params?: Record<string, string | number>) => view.t(key as MessageKey, params);

  {
    const c = site;
    // Forms arrive as application/x-www-form-urlencoded; each field is read as a string below.
    c.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => {
      const fields: Record<string, string> = {};
      for (const [name, value] of new URLSearchParams(String(body))) if (!(name in fields)) fields[name] = value;
      done(null, fields);
    });

    const articleParams = { type: 'object', properties: { lang: LANG, id: ID }, required: ['lang', 'id'] } as const;
    const slugParams = { type: 'object', properties: { lang: LANG, id: ID, slug: SLUG }, required: ['lang', 'id', 'slug'] } as const;

    c.post('/:lang/news/:id/comments', { schema: { params: articleParams }, bodyLimit: 64 * 1024 }, async (request, reply) => {
      const { lang, id } = request.params as { lang: string; id: string };
      const view = editionOf(lang);
      const ctx = ctxOf(request);
      const json = wantsJson(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const values = { name: str(body.name), email: str(body.email), website: str(body.website), body: str(body.comment ?? body.body), remember: checked(body.remember), notify: checked(body.notify) };
      const parentRaw = str(body.parent);
      const parentId = /^[1-9]\d{0,14}$/.test(parentRaw) ? Number(parentRaw) : undefined;
      const existing = authorOf(request);
      const authorKey = existing?.key ?? randomBytes(24).toString('base64url');
      reply.personal();
      try {
        const result = await submitComment(
          ctx,
          {
            edition: view.edition.code,
            articleId: Number(id),
            parentId,
            ...values,
            honeypot: str(body.homepage),
            token: str(body.token, 200),
            ip: request.ip,
            userAgent: String(request.headers['user-agent'] ?? ''),
            notifyReplies: values.notify,
            authorKey,
          },
          { ...deps.config.commentRates, windowMs: 60_000 },
        );
        const remember = values.remember || existing?.remember === true;
        const secure = deps.config.baseUrl.startsWith('https:') ? '; Secure' : '';
        reply.header('set-cookie', `${SESSION_COOKIES.commentAuthor}=${remember ? 'r' : 's'}.${authorKey}; Path=/; HttpOnly; SameSite=Lax${secure}${remember ? `; Max-Age=${YEAR_S}` : ''}`);
        const article = await getPublished(ctx, { edition: view.edition.code, id: Number(id) });
        // Oldest first: a new comment may be on a later page of a long thread.
        const after = result.status === 'spam' ? undefined : await threadPageOf(ctx, article.id, result.id, { authorKey });
        const anchor = result.status === 'spam' ? '#comments' : `#comment-${result.id}`;
        const location = `${after === undefined ? paths.article(lang, article.id, article.slug) : commentPaths.more(lang, article.id, article.slug, after)}${anchor}`;
        // A robot caught by the honeypot is told what a held comment's author is told.
        const status = result.status === 'spam' ? 'pending' : result.status;
        if (json) return reply.code(result.repeated ? 200 : 201).send({ comment: { id: result.status === 'spam' ? null : result.id, status, url: location } });
        return reply.code(303).header('location', location).send();
      } catch (error) {
        if (!isDomainError(error)) throw error;
        return refuse(request, reply, view, error, json, values, parentId);
      }
    });

    async function refuse(request: FastifyRequest, reply: FastifyReply, view: EditionView, error: DomainError, json: boolean, values: CommentFormProps['values'], parentId: number | undefined) {
      const problem = classify(error);
      const formLevel = error.code === 'COMMENT_CLOSED' || error.code === 'COMMENT_REPLAYED' || error.code === 'COMMENT_TOKEN_INVALID' || error.kind === 'Invalid';
      if (json) {
        if (problem.retryAfter !== undefined) reply.header('retry-after', String(problem.retryAfter));
        const general = error.code === 'COMMENT_CLOSED' ? 'comments.closed' : `error.${pageOf(problem.status, problem.code)}.title`;
        const errors = problem.fields.length
          ? problem.fields.map((f) => ({ code: problem.code, message: messageOf(view, f.key, f.params), field: f.field }))
          : [{ code: problem.code, message: messageOf(view, general) }];
        return reply.code(problem.status).type('application/json; charset=utf-8').send({ errors });
      }
      if (!formLevel) throw error;
      const { id } = request.params as { id: string };
      const ctx = ctxOf(request);
      const article = await getPublished(ctx, { edition: view.edition.code, id: Number(id) });
      const articleHref = paths.article(view.edition.code, article.id, article.slug);
      const errors: Record<string, string> = {};
      for (const f of problem.fields) errors[f.field ?? 'form'] = messageOf(view, f.key, f.params);
      if (error.code === 'COMMENT_REPLAYED') errors.form = view.t('comments.error.form_invalid');
      // The parent's problem belongs to the form as a whole: there is no field for it.
      if (errors.parent) errors.form = errors.parent;
      delete errors.parent;
      const closed = error.code === 'COMMENT_CLOSED';
      const replyTo = parentId !== undefined && !closed ? await getPublicComment(ctx, article.id, parentId).catch(() => undefined) : undefined;
      const form: CommentFormProps | undefined = closed
        ? undefined
        : { action: commentPaths.post(view.edition.code, article.id), token: await issueFormToken(ctx, article.id), parentId: replyTo?.id, replyToName: replyTo?.name, values, errors };
      const html = renderDocument(
        CommentPage({
          chrome: pageChrome(view, view.t('comments.page_title', { headline: article.headline })),
          headline: article.headline,
          articleHref,
          replyTo: replyTo ? itemOf(view, replyTo, ctx.clock.now(), () => undefined) : undefined,
          form,
          notice: closed ? view.t('comments.closed') : undefined,
        }),
      );
      return reply.code(problem.status).type('text/html; charset=utf-8').send(html);
    }

    // A fresh token for the script: its own nonce and the time this reader opened the form.
    c.get('/:lang/news/:id/comments/token', { schema: { params: articleParams } }, async (request, reply) => {
      const { lang, id } = request.params as { lang: string; id: string };
      const view = editionOf(lang);
      const ctx = ctxOf(request);
      const article = await getPublished(ctx, { edition: view.edition.code, id: Number(id) });
      reply.personal();
      return reply.type('application/json; charset=utf-8').send({ token: await issueFormToken(ctx, article.id) });
    });

    c.get(
      '/:lang/news/:id/:slug/comments',
      { schema: { params: slugParams, querystring: { type: 'object', properties: { after: ID }, additionalProperties: true } } },
      async (request, reply) => {
        const { lang, id, slug } = request.params as { lang: string; id: string; slug: string };
        const after = Number((request.query as { after?: string }).after ?? 0);
        const view = editionOf(lang);
        const ctx = ctxOf(request);
        const article = await getPublished(ctx, { edition: view.edition.code, id: Number(id) });
        const self = `${paths.article(lang, article.id, article.slug)}/comments`;
        if (slug !== article.slug) return reply.redirect(after ? `${self}?after=${after}` : self, 301);
        if (!after) return reply.redirect(`${paths.article(lang, article.id, article.slug)}#comments`, 301);
        const { section } = await articleComments(ctx, view, article, request, reply, { after, firstPage: false, scriptHref: deps.scriptHref });
        const html = renderDocument(
          CommentPage({ chrome: pageChrome(view, view.t('comments.page_title', { headline: article.headline }), `${self}?after=${after}`), headline: article.headline, articleHref: paths.article(lang, article.id, article.slug), section }),
        );
        reply.header('cache-control', 'public, max-age=0, s-maxage=60, stale-while-revalidate=300');
        reply.cacheWith([tags.site(), tags.edition(lang), tags.article(article.id)]);
        return reply.type('text/html; charset=utf-8').send(html);
      },
    );

    c.get(
      '/:lang/news/:id/:slug/reply/:comment',
      { schema: { params: { type: 'object', properties: { lang: LANG, id: ID, slug: SLUG, comment: ID }, required: ['lang', 'id', 'slug', 'comment'] } } },
      async (request, reply) => {
        const { lang, id, slug, comment } = request.params as { lang: string; id: string; slug: string; comment: string };
        const view = editionOf(lang);
        const ctx = ctxOf(request);
        const article = await getPublished(ctx, { edition: view.edition.code, id: Number(id) });
        if (slug !== article.slug) return reply.redirect(commentPaths.reply(lang, article.id, article.slug, Number(comment)), 301);
        const parent = await getPublicComment(ctx, article.id, Number(comment));
        const settings = await getCommentSettings(ctx, lang);
        const open = isOpen(settings, article, ctx.clock.now()) && parent.depth < MAX_DEPTH;
        const author = authorOf(request);
        if (author) reply.personal();
        const remembered = author?.remember ? await findAuthorDetails(ctx, author.key) : undefined;
        const form: CommentFormProps | undefined = open
          ? { action: commentPaths.post(lang, article.id), token: await issueFormToken(ctx, article.id, { shared: !author }), parentId: parent.id, replyToName: parent.name, values: remembered ? { ...EMPTY_VALUES, ...remembered, remember: true } : EMPTY_VALUES, errors: {} }
          : undefined;
        const html = renderDocument(
          CommentPage({
            chrome: pageChrome(view, view.t('comments.reply_heading', { name: parent.name })),
            headline: article.headline,
            articleHref: `${paths.article(lang, article.id, article.slug)}#comment-${parent.id}`,
            replyTo: itemOf(view, parent, ctx.clock.now(), () => undefined),
            form,
            notice: open ? undefined : view.t('comments.closed'),
          }),
        );
        reply.header('cache-control', 'public, max-age=0, s-maxage=60, stale-while-revalidate=300');
        reply.cacheWith([tags.site(), tags.edition(lang), tags.article(article.id)]);
        return reply.type('text/html; charset=utf-8').send(html);
      },
    );

    // One click from the email (RFC 8058 posts to the same address); a visit shows a button, so
    // a mail scanner that follows links unsubscribes no one.
    const unsubscribeParams = { type: 'object', properties: { lang: LANG, id: ID, sig: { type: 'string', pattern: '^[A-Za-z0-9_-]{32}$' } }, required: ['lang', 'id', 'sig'] } as const;
    const unsubscribePage = (request: FastifyRequest, reply: FastifyReply, done: boolean) => {
      const { lang, id, sig } = request.params as { lang: string; id: string; sig: string };
      const view = editionOf(lang);
      reply.personal();
      const html = renderDocument(
        CommentPage({
          chrome: pageChrome(view, view.t('comments.unsubscribe_title')),
          headline: view.t('comments.unsubscribe_title'),
          articleHref: paths.home(lang),
          notice: done ? view.t('comments.unsubscribe_done') : undefined,
          confirm: done ? undefined : { action: `/${lang}/comments/unsubscribe/${id}/${sig}`, label: view.t('comments.unsubscribe_confirm') },
        }),
      );
      return reply.type('text/html; charset=utf-8').send(html);
    };
    c.get('/:lang/comments/unsubscribe/:id/:sig', { schema: { params: unsubscribeParams } }, async (request, reply) => unsubscribePage(request, reply, false));
    c.post('/:lang/comments/unsubscribe/:id/:sig', { schema: { params: unsubscribeParams }, bodyLimit: 4096 }, async (request, reply) => {
      const { lang, id, sig } = request.params as { lang: string; id: string; sig: string };
      editionOf(lang);
      if (!(await unsubscribeReplies(ctxOf(request), Number(id), sig))) throw notFound('COMMENT_NOT_FOUND');
      return unsubscribePage(request, reply, true);
    });

    c.get('/:lang/news/:id/comments.atom', { schema: { params: articleParams } }, async (request, reply) => {
      const { lang, id } = request.params as { lang: string; id: string };
      const view = editionOf(lang);
      const ctx = ctxOf(request);
      const article = await getPublished(ctx, { edition: view.edition.code, id: Number(id) });
      const base = deps.config.baseUrl;
      const articleUrl = `${base}${paths.article(lang, article.id, article.slug)}`;
      const items = await listForFeed(ctx, article.id);
      const xml = renderAtom({
        language: lang,
        title: view.t('comments.feed_title', { headline: article.headline }),
        description: view.t('comments.feed_title', { headline: article.headline }),
        siteName: view.t('site.name'),
        siteUrl: `${base}${paths.home(lang)}`,
        homeUrl: articleUrl,
        selfUrl: `${base}${commentPaths.feed(lang, article.id)}`,
        updated: items[0]?.createdAt ?? article.updatedAt,
        items: items.map((item) => ({
          id: `${articleUrl}#comment-${item.id}`,
          url: `${articleUrl}#comment-${item.id}`,
          title: view.t('comments.feed_item', { name: item.name, headline: article.headline }),
          summary: item.body,
          contentHtml: bodyHtml(item.body),
          published: item.createdAt,
          updated: item.createdAt,
          byline: item.name,
          credit: '',
          categories: [],
        })),
      });
      reply.header('cache-control', 'public, max-age=0, s-maxage=300, stale-while-revalidate=600');
      reply.cacheWith([tags.site(), tags.edition(lang), tags.article(article.id)]);
      return reply.type('application/atom+xml; charset=utf-8').send(xml);
    });
  }
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A comment's text as HTML for feed readers: the same paragraphs, breaks and links as the page. */
function bodyHtml(text: string): string {
  return bodyParts(text)
    .map((p) => `<p>${p.map((line) => line.map((s) => ('href' in s ? `<a href="${escapeHtml(s.href)}" rel="nofollow ugc noopener">${escapeHtml(s.text)}</a>` : escapeHtml(s.text))).join('')).join('<br/>')}</p>`)
    .join('');
}
