// Syndication and crawling: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for each edition, section and tag;
// robots.txt; the sitemap index, per-edition sitemaps with hreflang alternates, and the Google News
// sitemap. Like the pages, each handler resolves the edition first, reads through the domain, maps
// to plain props for views/feeds, and tags the response for the page cache with what it shows.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { tags, type CacheTag } from '../../core/cache-tags.js';
import { anonymous } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import {
  countSitemapEntries,
  listPublishedForFeed,
  listRecentlyPublished,
  listSitemapArticles,
  listSitemapTerms,
  type FeedArticle,
} from '../../domain/articles/index.js';
import { getSectionBySlug, getTagBySlug, type DomainCtx, type Term } from '../../domain/editions/index.js';
import { translator } from '../../i18n/index.js';
import { renderJsonFeed } from '../../views/feeds/json-feed.js';
import type { FeedItemProps, FeedProps } from '../../views/feeds/props.js';
import { renderAtom, renderRss } from '../../views/feeds/rss-atom.js';
import { renderNewsSitemap, renderRobots, renderSitemapIndex, renderUrlSet, type SitemapUrl } from '../../views/feeds/sitemaps.js';
import type { WebDeps } from '../deps.js';
import { LANG, SLUG } from '../schemas/params.js';
import { editionView, paths, type EditionView } from './chrome.js';
import { homeHead, storyAlternates } from './metadata.js';
import type { SiteRegistry } from './identity.js';

const SITEMAP_FILE = { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*-[1-9][0-9]{0,5}\\.xml$', maxLength: 60 } as const;

const CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300';
/** The sitemap protocol's limit of URLs per file. */
export const SITEMAP_PAGE_SIZE = 50_000;

const FORMATS = {
  rss: { file: 'feed.rss', contentType: 'application/rss+xml; charset=utf-8', linkType: 'application/rss+xml', title: 'feeds.rss', render: renderRss },
  atom: { file: 'feed.atom', contentType: 'application/atom+xml; charset=utf-8', linkType: 'application/atom+xml', title: 'feeds.atom', render: renderAtom },
  json: { file: 'feed.json', contentType: 'application/feed+json; charset=utf-8', linkType: 'application/feed+json', title: 'feeds.json', render: renderJsonFeed },
} as const;
type Format = keyof typeof FORMATS;
type Scope = { kind: 'section' | 'tag'; slug: string };

/** Path of a feed: /{lang}/feed.rss, /{lang}/section/{slug}/feed.atom … */
export function feedPath(lang: string, format: Format, scope?: Scope): string {
  const page = scope ? `${paths[scope.kind](lang, scope.slug)}/` : paths.home(lang);
  return `${page}${FORMATS[format].file}`;
}

/** The three feeds of a page, for <link rel="alternate" type=… href=… title=…>. */
export function feedLinks(lang: string, scope?: Scope): Array<{ type: string; href: string; title: string }> {
  // The feed names contain no numbers, so the edition's numbering system does not matter here.
  const t = translator({ language: lang, locale: lang, numbering: 'latn' });
  return (Object.keys(FORMATS) as Format[]).map((format) => ({
    type: FORMATS[format].linkType,
    href: feedPath(lang, format, scope),
    title: t(FORMATS[format].title),
  }));
}

/**
 * How an edition's sitemap is split: page 1 holds the front, its sections and tags, and as many
 * articles as still fit; later pages hold SITEMAP_PAGE_SIZE articles each.
 */
export function sitemapPlan(count: { articles: number; terms: number }, pageSize = SITEMAP_PAGE_SIZE) {
  const terms = Math.min(count.terms, pageSize - 1);
  const firstPageArticles = pageSize - 1 - terms;
  const pages = 1 + Math.ceil(Math.max(0, count.articles - firstPageArticles) / pageSize);
  return {
    pages,
    terms,
    slice: (page: number) => (page === 1 ? { offset: 0, limit: firstPageArticles } : { offset: firstPageArticles + (page - 2) * pageSize, limit: pageSize }),
  };
}

/** Root-relative links and fragment links in a stored body, made absolute for readers that show it out of context. */
function absoluteLinks(html: string, baseUrl: string, articleUrl: string): string {
  // src too: a body's images are this site's (/media/…) and a feed reader is elsewhere.
  return html.replace(/(\s(?:href|src)=")(\/(?!\/)|#)/g, (_match, attribute: string, start: string) => `${attribute}${start === '#' ? `${articleUrl}#` : `${baseUrl}/`}`);
}

export function registerFeeds(app: FastifyInstance, deps: WebDeps & { cssHref: string; site: SiteRegistry }): void {
  const { editions } = deps;
  const base = deps.config.baseUrl;
  const ctxOf = (request: FastifyRequest): DomainCtx => deps.makeCtx(anonymous, request.log);

  const editionOf = (lang: string): EditionView => {
    const edition = editions.find(lang);
    if (!edition) throw notFound('EDITION_NOT_FOUND');
    return editionView(edition);
  };

  /** Every document lists the editions' names or URLs: the site tag reaches it when they change. */
  const send = (reply: FastifyReply, contentType: string, body: string, shown: Iterable<CacheTag>) => {
    reply.header('cache-control', CACHE_CONTROL);
    reply.cacheWith([tags.site(), ...shown]);
    return reply.type(contentType).send(body);
  };

  /** A feed item shows its article and its featured image (as an enclosure). */
  const articleTags = (articles: FeedArticle[]): CacheTag[] =>
    articles.flatMap((a) => [tags.article(a.id), ...(a.featuredMedia ? [tags.media(a.featuredMedia.id)] : [])]);

  const item = (a: FeedArticle): FeedItemProps => {
    const url = `${base}${paths.article(a.edition, a.id, a.slug)}`;
    const media = a.featuredMedia;
    return {
      id: `${base}/${a.edition}/news/${a.id}`,
      url,
      title: a.headline,
      summary: a.dek,
      contentHtml: absoluteLinks(a.bodyHtml, base, url),
      published: a.publishedAt,
      updated: a.updatedAt,
      byline: a.byline,
      credit: a.creditLine,
      categories: [...(a.section ? [a.section.name] : []), ...a.tags.map((t) => t.name)],
      image: media ? { url: `${base}${paths.media(media.blobKey)}`, type: media.mimeType, length: media.byteSize, alt: media.alt } : undefined,
    };
  };

  for (const format of Object.keys(FORMATS) as Format[]) {
    const { file, contentType, render } = FORMATS[format];

    app.get(`/:lang/${file}`, { schema: { params: { type: 'object', properties: { lang: LANG }, required: ['lang'] } } }, async (request, reply) => {
      const view = editionOf((request.params as { lang: string }).lang);
      const ctx = ctxOf(request);
      const articles = await listPublishedForFeed(ctx, { edition: view.edition.code });
      const siteName = deps.site.of(view.edition).name;
      const props = feedProps(view, ctx, articles, { title: siteName, description: view.t('feeds.description', { name: siteName }), format });
      return send(reply, contentType, render(props), [tags.edition(view.edition.code), tags.feed(view.edition.code), ...articleTags(articles)]);
    });

    for (const kind of ['section', 'tag'] as const) {
      app.get(
        `/:lang/${kind}/:slug/${file}`,
        { schema: { params: { type: 'object', properties: { lang: LANG, slug: SLUG }, required: ['lang', 'slug'] } } },
        async (request, reply) => {
          const { lang, slug } = request.params as { lang: string; slug: string };
          const view = editionOf(lang);
          const ctx = ctxOf(request);
          const term: Term = kind === 'section' ? await getSectionBySlug(ctx, lang, slug) : await getTagBySlug(ctx, lang, slug);
          const articles = await listPublishedForFeed(ctx, { edition: lang, ...(kind === 'section' ? { sectionId: term.id } : { tagId: term.id }) });
          const heading = view.t(kind === 'section' ? 'listing.section' : 'listing.tag', { name: term.name });
          const props = feedProps(view, ctx, articles, {
            title: `${heading} — ${deps.site.of(view.edition).name}`,
            description: view.t('feeds.description', { name: term.name }),
            format,
            scope: { kind, slug: term.slug },
          });
          return send(reply, contentType, render(props), [tags.edition(lang), tags.feed(lang), tags[kind](term.id), ...articleTags(articles)]);
        },
      );
    }
  }

  function feedProps(view: EditionView, ctx: DomainCtx, articles: FeedArticle[], meta: { title: string; description: string; format: Format; scope?: Scope }): FeedProps {
    const lang = view.edition.code;
    const newest = articles.reduce<string | undefined>((max, a) => (max === undefined || a.updatedAt > max ? a.updatedAt : max), undefined);
    return {
      language: lang,
      title: meta.title,
      description: meta.description,
      siteName: deps.site.of(view.edition).name,
      siteUrl: `${base}${paths.home(lang)}`,
      homeUrl: `${base}${meta.scope ? paths[meta.scope.kind](lang, meta.scope.slug) : paths.home(lang)}`,
      selfUrl: `${base}${feedPath(lang, meta.format, meta.scope)}`,
      updated: newest ?? ctx.clock.now().toISOString(),
      items: articles.map(item),
    };
  }

  // Every edition's sitemap tag, on every sitemap document: a page lists other editions' URLs as
  // hreflang alternates, and an article event only names its own edition.
  const allSitemapTags = () => editions.all().flatMap((e) => [tags.sitemap(e.code), tags.edition(e.code)]);

  app.get('/robots.txt', async (_request, reply) => {
    reply.header('cache-control', CACHE_CONTROL);
    return reply.type('text/plain; charset=utf-8').send(renderRobots({ sitemapUrl: `${base}/sitemap.xml`, disallow: ['/api/'] }));
  });

  app.get('/sitemap.xml', async (request, reply) => {
    const counts = await countSitemapEntries(ctxOf(request));
    const sitemaps = editions.all().flatMap((edition) => {
      const count = counts.find((c) => c.edition === edition.code) ?? { articles: 0, terms: 0 };
      const { pages } = sitemapPlan(count);
      return Array.from({ length: pages }, (_, i) => ({ loc: `${base}/sitemaps/${edition.code}-${i + 1}.xml` }));
    });
    sitemaps.push({ loc: `${base}/sitemaps/news.xml` });
    return send(reply, 'application/xml; charset=utf-8', renderSitemapIndex(sitemaps), allSitemapTags());
  });

  app.get('/sitemaps/news.xml', async (request, reply) => {
    const articles = await listRecentlyPublished(ctxOf(request));
    const urls = articles.flatMap((a) => {
      const edition = editions.find(a.edition);
      if (!edition) return [];
      return [
        {
          loc: `${base}${paths.article(a.edition, a.id, a.slug)}`,
          publicationName: deps.site.of(edition).name,
          language: edition.code,
          publicationDate: a.publishedAt,
          title: a.headline,
        },
      ];
    });
    return send(reply, 'application/xml; charset=utf-8', renderNewsSitemap(urls), [tags.sitemapNews(), ...editions.all().map((e) => tags.edition(e.code))]);
  });

  app.get('/sitemaps/:file', { schema: { params: { type: 'object', properties: { file: SITEMAP_FILE }, required: ['file'] } } }, async (request, reply) => {
    const { file } = request.params as { file: string };
    const dash = file.lastIndexOf('-');
    const view = editionOf(file.slice(0, dash));
    const page = Number(file.slice(dash + 1, -'.xml'.length));
    const lang = view.edition.code;
    const ctx = ctxOf(request);

    const urls: SitemapUrl[] = [];
    let slice: { offset: number; limit: number };
    if (page === 1) {
      const [count, terms] = await Promise.all([countSitemapEntries(ctx, lang), listSitemapTerms(ctx, lang, SITEMAP_PAGE_SIZE - 1)]);
      urls.push({ loc: `${base}${paths.home(lang)}`, lastmod: count[0]?.lastModified, alternates: homeHead(deps, view, '').alternates ?? [] });
      for (const term of terms) urls.push({ loc: `${base}${paths[term.kind](lang, term.slug)}`, lastmod: term.lastModified, alternates: [] });
      slice = sitemapPlan({ articles: 0, terms: terms.length }).slice(1);
    } else {
      const count = (await countSitemapEntries(ctx, lang))[0] ?? { articles: 0, terms: 0 };
      const plan = sitemapPlan(count);
      if (page > plan.pages) throw notFound('SITEMAP_NOT_FOUND');
      slice = plan.slice(page);
    }

    const articles = await listSitemapArticles(ctx, { edition: lang, ...slice });
    for (const a of articles) {
      const translations = a.versions.filter((v) => v.id !== a.id && editions.find(v.edition)).map((v) => ({ ...v, headline: '' }));
      urls.push({
        loc: `${base}${paths.article(lang, a.id, a.slug)}`,
        lastmod: a.updatedAt,
        alternates: translations.length ? storyAlternates(deps, { id: a.id, edition: a.edition, slug: a.slug, translations }) : [],
      });
    }
    return send(reply, 'application/xml; charset=utf-8', renderUrlSet(urls), allSitemapTags());
  });
}
