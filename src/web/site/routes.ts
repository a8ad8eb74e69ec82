// Reader pages: edition fronts, article pages at /{lang}/news/{id}/{slug}, section, tag and entity
// listings, and media files. Each handler resolves the edition first (unknown → 404 before any
// query), calls the domain, maps its data to page props and renders.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { anonymous } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { getPublished, listPublished, type ArticleSummary, type ListFilter } from '../../domain/articles/index.js';
import { getEntityByKey, getSectionBySlug, getTagBySlug, type Edition } from '../../domain/editions/index.js';
import { BLOB_KEY } from '../../domain/media/index.js';
import { ArticlePage } from '../../views/pages/article.js';
import { EditionHome } from '../../views/pages/edition-home.js';
import type { ArticleCardProps } from '../../views/props.js';
import { renderDocument } from '../../views/render.js';
import type { WebDeps } from '../deps.js';
import { chromeFor, editionView, paths, type EditionView } from './chrome.js';

const LANG = { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', maxLength: 35 } as const;
const ID = { type: 'string', pattern: '^[1-9][0-9]{0,14}$' } as const;
const SLUG = { type: 'string', minLength: 1, maxLength: 200 } as const;
const LIST_QUERY = {
  type: 'object',
  properties: { before: { type: 'string', maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' } },
  additionalProperties: true,
} as const;

const MIME: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', avif: 'image/avif' };

export function registerSite(app: FastifyInstance, deps: WebDeps & { cssHref: string }): void {
  const { editions } = deps;
  const ctxOf = (request: FastifyRequest) => deps.makeCtx(anonymous, request.log);

  const editionOf = (lang: string): EditionView => {
    const edition = editions.find(lang);
    if (!edition) throw notFound('EDITION_NOT_FOUND');
    return editionView(edition);
  };

  const html = (reply: FastifyReply, body: string) => {
    reply.header('cache-control', 'public, max-age=0, s-maxage=60, stale-while-revalidate=300');
    return reply.type('text/html; charset=utf-8').send(body);
  };

  const card = (view: EditionView, a: ArticleSummary): ArticleCardProps => ({
    id: a.id,
    href: paths.article(a.edition, a.id, a.slug),
    headline: a.headline,
    dek: a.dek,
    datetime: a.publishedAt,
    dateText: view.when(a.publishedAt).text,
    section: a.section?.name,
  });

  async function listing(request: FastifyRequest, reply: FastifyReply, view: EditionView, heading: string, filter: Omit<ListFilter, 'edition'>, path: string) {
    const { before } = request.query as { before?: string };
    const page = await listPublished(ctxOf(request), { ...filter, edition: view.edition.code, before, limit: 20 });
    const chrome = chromeFor(view, editions, {
      title: heading,
      canonical: `${deps.config.baseUrl}${path}${before ? `?before=${before}` : ''}`,
      cssHref: deps.cssHref,
    });
    return html(
      reply,
      renderDocument(
        EditionHome({
          chrome,
          heading,
          articles: page.items.map((a) => card(view, a)),
          olderHref: page.next ? `${path}?before=${page.next}` : undefined,
        }),
      ),
    );
  }

  app.get('/', async (request, reply) => {
    const edition: Edition | undefined = editions.negotiate(request.headers['accept-language']);
    if (!edition) throw notFound('EDITION_NOT_FOUND');
    reply.header('vary', 'accept-language');
    reply.header('cache-control', 'no-cache');
    return reply.redirect(paths.home(edition.code), 302);
  });

  app.get('/:lang', { schema: { params: { type: 'object', properties: { lang: LANG }, required: ['lang'] } } }, async (request, reply) => {
    const { lang } = request.params as { lang: string };
    return reply.redirect(paths.home(editionOf(lang).edition.code), 301);
  });

  app.get('/:lang/', { schema: { params: { type: 'object', properties: { lang: LANG }, required: ['lang'] }, querystring: LIST_QUERY } }, async (request, reply) => {
    const view = editionOf((request.params as { lang: string }).lang);
    return listing(request, reply, view, view.t('site.latest'), {}, paths.home(view.edition.code));
  });

  for (const kind of ['section', 'tag'] as const) {
    app.get(
      `/:lang/${kind}/:slug`,
      { schema: { params: { type: 'object', properties: { lang: LANG, slug: SLUG }, required: ['lang', 'slug'] }, querystring: LIST_QUERY } },
      async (request, reply) => {
        const { lang, slug } = request.params as { lang: string; slug: string };
        const view = editionOf(lang);
        const ctx = ctxOf(request);
        const term = kind === 'section' ? await getSectionBySlug(ctx, lang, slug) : await getTagBySlug(ctx, lang, slug);
        const filter = kind === 'section' ? { sectionId: term.id } : { tagId: term.id };
        return listing(request, reply, view, term.name, filter, paths[kind](lang, term.slug));
      },
    );
  }

  app.get(
    '/:lang/entity/:key',
    { schema: { params: { type: 'object', properties: { lang: LANG, key: { type: 'string', pattern: '^[a-z0-9-]{1,80}$' } }, required: ['lang', 'key'] }, querystring: LIST_QUERY } },
    async (request, reply) => {
      const { lang, key } = request.params as { lang: string; key: string };
      const view = editionOf(lang);
      const entity = await getEntityByKey(ctxOf(request), key, lang);
      return listing(request, reply, view, entity.name, { entityId: entity.id }, paths.entity(lang, entity.key));
    },
  );

  app.get('/:lang/news/:id', { schema: { params: { type: 'object', properties: { lang: LANG, id: ID }, required: ['lang', 'id'] } } }, async (request, reply) => {
    const { lang, id } = request.params as { lang: string; id: string };
    const view = editionOf(lang);
    const article = await getPublished(ctxOf(request), { edition: view.edition.code, id: Number(id) });
    return reply.redirect(paths.article(lang, article.id, article.slug), 301);
  });

  app.get(
    '/:lang/news/:id/:slug',
    { schema: { params: { type: 'object', properties: { lang: LANG, id: ID, slug: SLUG }, required: ['lang', 'id', 'slug'] } } },
    async (request, reply) => {
      const { lang, id, slug } = request.params as { lang: string; id: string; slug: string };
      const view = editionOf(lang);
      const article = await getPublished(ctxOf(request), { edition: view.edition.code, id: Number(id) });
      const canonicalPath = paths.article(lang, article.id, article.slug);
      if (slug !== article.slug) return reply.redirect(canonicalPath, 301);
      const chrome = chromeFor(view, editions, {
        title: article.headline,
        description: article.dek,
        canonical: `${deps.config.baseUrl}${canonicalPath}`,
        cssHref: deps.cssHref,
      });
      const media = article.featuredMedia;
      const body = renderDocument(
        ArticlePage({
          chrome,
          headline: article.headline,
          dek: article.dek,
          dateline: article.dateline,
          creditLine: article.creditLine,
          byline: article.byline,
          published: view.when(article.publishedAt),
          updated: article.updatedAt > article.publishedAt ? view.when(article.updatedAt) : undefined,
          image: media ? { src: paths.media(media.blobKey), width: media.width, height: media.height, alt: media.alt, caption: media.caption, credit: media.credit } : undefined,
          bodyHtml: article.bodyHtml,
          section: article.section ? { name: article.section.name, href: paths.section(lang, article.section.slug) } : undefined,
          tags: article.tags.map((tag) => ({ name: tag.name, href: paths.tag(lang, tag.slug) })),
          entities: article.entities.map((e) => ({ name: e.name, href: paths.entity(lang, e.key) })),
          translations: article.translations.flatMap((tr) => {
            const other = editions.find(tr.edition);
            return other ? [{ lang: tr.edition, languageName: other.nativeName, headline: tr.headline, href: paths.article(tr.edition, tr.id, tr.slug) }] : [];
          }),
        }),
      );
      return html(reply, body);
    },
  );

  app.get('/media/*', async (request, reply) => {
    const key = (request.params as { '*': string })['*'];
    if (!BLOB_KEY.test(key)) throw notFound('MEDIA_NOT_FOUND');
    const data = await deps.blobs.get(key);
    if (!data) throw notFound('MEDIA_NOT_FOUND');
    reply.header('cache-control', 'public, max-age=31536000, immutable');
    return reply.type(MIME[key.split('.').pop() ?? ''] ?? 'application/octet-stream').send(data);
  });
}
