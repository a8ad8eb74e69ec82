// Reader pages: edition fronts, article pages at /{lang}/news/{id}/{slug}, section, tag and entity
// listings, and media files. Each handler resolves the edition first (unknown → 404 before any
// query), calls the domain, maps its data to page props, renders, and tags the response for the
// page cache with what it shows.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { tags, type CacheTag } from '../../core/cache-tags.js';
import { notFound } from '../../core/errors.js';
import type { Page } from '../../core/page.js';
import { getPublished, listPublished, listRelated, EMBED_FRAME_ORIGINS, type ArticleSummary, type ListFilter } from '../../domain/articles/index.js';
import { getEntityByKey, getSectionBySlug, getTagBySlug, listSections, type Edition } from '../../domain/editions/index.js';
import { BLOB_KEY } from '../../domain/media/index.js';
import { ArticlePage, type BodyPartProps } from '../../views/pages/article.js';
import { EditionHome } from '../../views/pages/edition-home.js';
import { Listing } from '../../views/pages/listing.js';
import { renderDocument } from '../../views/render.js';
import type { ArticleCardProps } from '../../views/props.js';
import type { WebDeps } from '../deps.js';
import { allowFrames } from '../plugins/security.js';
import { ID, LANG, LIST_QUERY, SLUG } from '../schemas/params.js';
import { chromeFor, paths, type EditionView } from './chrome.js';
import { feedLinks } from './feeds.js';
import { articleComments } from './comments.js';
import { articleHead, homeHead } from './metadata.js';
import type { SiteRegistry } from './identity.js';
import { cardsWithImages, imageOf, mediaTagsOf, readerContext, sidebarFor, toCards, withCommentCounts, type SidebarData } from './page-parts.js';

const MIME: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', avif: 'image/avif' };
const HTML_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300';

export function registerSite(app: FastifyInstance, deps: WebDeps & { cssHref: string; logoHref: string; site: SiteRegistry; commentsScriptHref?: string; embedsScriptHref?: string }): void {
  const { editions } = deps;
  const { ctxOf, editionOf } = readerContext(deps);

  /** Every page shows the list of editions and its edition's chrome, and its sidebar's images. */
  const html = (reply: FastifyReply, view: EditionView, side: SidebarData, body: string, shown: Iterable<CacheTag>) => {
    reply.header('cache-control', HTML_CACHE_CONTROL);
    // The stylesheet is the only render-blocking request: announce it before the HTML is parsed.
    reply.header('link', `<${deps.cssHref}>; rel=preload; as=style`);
    reply.cacheWith([tags.site(), tags.edition(view.edition.code), ...shown, ...side.mediaIds.map(tags.media)]);
    return reply.type('text/html; charset=utf-8').send(body);
  };

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

  app.get('/:lang/', { schema: { params: { type: 'object', properties: { lang: LANG }, required: ['lang'] } } }, async (request, reply) => {
    const view = editionOf((request.params as { lang: string }).lang);
    const code = view.edition.code;
    const ctx = ctxOf(request);
    const main = Promise.all([listSections(ctx, code), listPublished(ctx, { edition: code, limit: 12 })]).then(async ([sections, latestPage]) => ({
      sections,
      latestPage,
      perSection: await Promise.all(sections.map((s) => listPublished(ctx, { edition: code, sectionId: s.id, limit: 7 }))),
    }));
    // Each article appears once on the front: curated slots first, then the latest, then by
    // section, and the sidebar's "most recent" lists only what none of those shows.
    const seen = new Set<number>();
    let latest: ArticleSummary[] = [];
    let sectionBlocks: Array<{ name: string; href: string; articles: ArticleCardProps[] }> = [];
    // Awaited together, so a failure of either is handled (no unhandled rejection of the other).
    const [side] = await Promise.all([
      sidebarFor(ctx, view, {
        shownBesides: async ({ lead, top }) => {
          const { sections, latestPage, perSection } = await main;
          for (const a of [...(lead ? [lead] : []), ...top]) seen.add(a.id);
          const take = (items: ArticleSummary[], n: number) => {
            const picked = items.filter((a) => !seen.has(a.id)).slice(0, n);
            for (const a of picked) seen.add(a.id);
            return picked;
          };
          latest = take(latestPage.items, 6);
          sectionBlocks = sections.flatMap((s, i) => {
            const items = take(perSection[i]?.items ?? [], 3);
            return items.length ? [{ name: s.name, href: paths.section(code, s.slug), articles: toCards(view, items) }] : [];
          });
          return seen;
        },
      }),
      main,
    ]);
    const [leadCards, topCards, latestCards, ...sectionCards] = await withCommentCounts(ctx, view, [
      side.lead ? await cardsWithImages(ctx, view, [side.lead]) : [],
      toCards(view, side.top),
      toCards(view, latest),
      ...sectionBlocks.map((block) => block.articles),
    ]);
    const [lead] = leadCards ?? [];
    const sections = sectionBlocks.map((block, i) => ({ ...block, articles: sectionCards[i] ?? block.articles }));
    const siteName = deps.site.of(view.edition).name;
    const heading = `${siteName} — ${view.edition.nativeName}`;
    const chrome = chromeFor(view, editions, {
      title: siteName,
      siteName: false,
      description: view.t('feeds.description', { name: siteName }),
      canonical: `${deps.config.baseUrl}${paths.home(code)}`,
      cssHref: deps.cssHref,
      head: { ...homeHead(deps, view, siteName), feeds: feedLinks(code) },
    });
    const body = renderDocument(
      EditionHome({ chrome, heading, lead, top: topCards ?? [], latest: latestCards ?? [], sections, sidebar: side.blocks }),
    );
    return html(reply, view, side, body, [
      tags.home(code),
      tags.sidebar(code),
      ...[...seen, ...side.recent.map((a) => a.id)].map(tags.article),
      ...(side.lead ? mediaTagsOf([side.lead]) : []),
    ]);
  });

  async function listing(
    request: FastifyRequest,
    reply: FastifyReply,
    view: EditionView,
    heading: string,
    filter: Omit<ListFilter, 'edition'>,
    path: string,
    scopeTag: CacheTag,
    feedScope?: { kind: 'section' | 'tag'; slug: string },
  ) {
    const section = feedScope?.kind === 'section' ? feedScope.slug : undefined;
    const { before, after } = request.query as { before?: string; after?: string };
    const ctx = ctxOf(request);
    const [page, side]: [Page<ArticleSummary>, Awaited<ReturnType<typeof sidebarFor>>] = await Promise.all([
      listPublished(ctx, { ...filter, edition: view.edition.code, before, after, limit: 20 }),
      sidebarFor(ctx, view, { curation: false }),
    ]);
    const base = deps.config.baseUrl;
    const olderHref = page.next ? `${path}?before=${page.next}` : undefined;
    const newerHref = page.prev ? `${path}?after=${page.prev}` : before || after ? path : undefined;
    const self = before ? `${path}?before=${before}` : after ? `${path}?after=${after}` : path;
    const feeds = feedScope ? feedLinks(view.edition.code, feedScope) : undefined;
    const chrome = chromeFor(view, editions, {
      title: heading,
      canonical: `${base}${self}`,
      cssHref: deps.cssHref,
      head: { prev: newerHref && `${base}${newerHref}`, next: olderHref && `${base}${olderHref}`, feeds: feeds },
      ...(section ? { section } : {}),
    });
    const [cards = []] = await withCommentCounts(ctx, view, [toCards(view, page.items)]);
    const body = renderDocument(
      // On a section's own page every card's kicker would repeat the page's title.
      Listing({ chrome, heading, articles: cards.map((a) => (filter.sectionId === undefined ? a : { ...a, section: undefined })), olderHref, newerHref, feedHref: feeds?.[0]?.href, sidebar: side.blocks }),
    );
    // A page reached with ?before= is stable while articles are published above it; the first
    // page and ?after= pages change with every new article in their scope.
    const scope = before ? [] : [scopeTag];
    return html(reply, view, side, body, [...scope, tags.sidebar(view.edition.code), ...page.items.map((a) => tags.article(a.id))]);
  }

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
        // The page is titled by the section's or tag's own name ("Economy", "الاقتصاد"), not a
        // back-office label ("Section: Economy").
        return listing(request, reply, view, term.name, filter, paths[kind](lang, term.slug), tags[kind](term.id), { kind, slug: term.slug });
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
      return listing(request, reply, view, view.t('listing.entity', { name: entity.name }), { entityId: entity.id }, paths.entity(lang, entity.key), tags.entity(entity.id));
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
      const ctx = ctxOf(request);
      const article = await getPublished(ctx, { edition: view.edition.code, id: Number(id) });
      const canonicalPath = paths.article(lang, article.id, article.slug);
      if (slug !== article.slug) return reply.redirect(canonicalPath, 301);
      const [side, related, comments] = await Promise.all([sidebarFor(ctx, view, { curation: false }), listRelated(ctx, article.id, 6), articleComments(ctx, view, article, request, reply, { firstPage: true, scriptHref: deps.commentsScriptHref })]);
      const chrome = chromeFor(view, editions, {
        title: article.headline,
        description: article.dek,
        canonical: `${deps.config.baseUrl}${canonicalPath}`,
        cssHref: deps.cssHref,
        head: articleHead(deps, view, article),
      });
      const media = article.featuredMedia;
      const rich = article.rich;
      const bodyParts = rich?.parts.flatMap((part): BodyPartProps[] => {
        if (part.kind !== 'image') return [part];
        const ref = rich.media.get(part.mediaId);
        return ref ? [{ kind: 'image', image: imageOf(ref), caption: part.caption || ref.caption, credit: part.credit || ref.credit }] : [];
      });
      const embeds = rich?.parts.flatMap((part) => (part.kind === 'embed' ? [part.provider] : [])) ?? [];
      allowFrames(reply, embeds.map((provider) => EMBED_FRAME_ORIGINS[provider]));
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
          image: media ? { ...imageOf(media), caption: media.caption, credit: media.credit } : undefined,
          bodyHtml: article.bodyHtml,
          bodyParts,
          embedScriptHref: embeds.length ? deps.embedsScriptHref : undefined,
          section: article.section ? { name: article.section.name, href: paths.section(lang, article.section.slug) } : undefined,
          tags: article.tags.map((tag) => ({ name: tag.name, href: paths.tag(lang, tag.slug) })),
          entities: article.entities.map((e) => ({ name: e.name, href: paths.entity(lang, e.key) })),
          translations: article.translations.flatMap((tr) => {
            const other = editions.find(tr.edition);
            return other ? [{ lang: tr.edition, dir: other.direction, languageName: other.nativeName, headline: tr.headline, href: paths.article(tr.edition, tr.id, tr.slug) }] : [];
          }),
          // The page carries each related article's article:N tag, so a comment there refreshes the count.
          related: (await withCommentCounts(ctx, view, [await cardsWithImages(ctx, view, related)]))[0] ?? [],
          sidebar: side.blocks,
          comments: comments.section,
          commentCount: { text: view.t('comments.count_short', { count: comments.count }), href: '#comments' },
        }),
      );
      return html(reply, view, side, body, [
        tags.article(article.id),
        tags.story(article.storyId),
        tags.sidebar(lang),
        ...(media ? [tags.media(media.id)] : []),
        ...[...(rich?.media.keys() ?? [])].map(tags.media),
        ...related.map((a) => tags.article(a.id)),
        ...mediaTagsOf(related),
        ...side.recent.map((a) => tags.article(a.id)),
      ]);
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
