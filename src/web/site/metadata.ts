// Search-engine and social metadata for reader pages: reciprocal hreflang alternates with
// x-default, OpenGraph and Twitter cards, and JSON-LD NewsArticle.
import type { MediaRef, PublishedArticle } from '../../domain/articles/index.js';
import { CARD_HEIGHT, CARD_WIDTH } from '../../domain/site/index.js';
import type { HeadExtras } from '../../views/props.js';
import type { WebDeps } from '../deps.js';
import { paths, type EditionView } from './chrome.js';
import type { SiteRegistry } from './identity.js';
import { cardInputOf, cardPath } from './identity-routes.js';

/** Google's Top Stories and Discover want a share image at least this wide. */
export const SHARE_MIN_WIDTH = 1200;
/** Formats every social crawler reads (AVIF is not yet one of them). */
const SHAREABLE = new Set(['image/jpeg', 'image/png', 'image/webp']);

export interface ShareImage {
  url: string;
  width: number;
  height: number;
  alt?: string | undefined;
}

/** The widest rendition of a featured image a crawler reads, if it is wide enough to share. */
export function featuredShareImage(media: MediaRef | null, base: string): ShareImage | undefined {
  if (!media?.width || !media.height) return undefined;
  const ratio = media.height / media.width;
  const candidates = [
    ...(SHAREABLE.has(media.mimeType) ? [{ key: media.blobKey, width: media.width }] : []),
    ...(media.variants ?? []).filter((v) => SHAREABLE.has(v.mimeType)).map((v) => ({ key: v.key, width: v.width })),
  ];
  const widest = candidates.sort((a, b) => b.width - a.width)[0];
  if (!widest || widest.width < SHARE_MIN_WIDTH) return undefined;
  return { url: `${base}${paths.media(widest.key)}`, width: widest.width, height: Math.round(widest.width * ratio), alt: media.alt || undefined };
}

/** Every article's share image: its featured image when wide enough, else its card. */
export function shareImageOf(site: SiteRegistry, view: EditionView, article: PublishedArticle, base: string): ShareImage {
  return (
    featuredShareImage(article.featuredMedia, base) ?? {
      url: `${base}${cardPath(cardInputOf(site, view.edition, article))}`,
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      alt: article.headline,
    }
  );
}

const ogLocale = (locale: string) => locale.replace('-', '_');

export function homeHead(deps: WebDeps, view: EditionView, siteName = view.t('site.name')): HeadExtras {
  const base = deps.config.baseUrl;
  const all = deps.editions.all();
  return {
    alternates: [...all.map((e) => ({ hreflang: e.code, href: `${base}${paths.home(e.code)}` })), { hreflang: 'x-default', href: `${base}/` }],
    openGraph: [
      { property: 'og:type', content: 'website' },
      { property: 'og:site_name', content: siteName },
      { property: 'og:title', content: siteName },
      { property: 'og:url', content: `${base}${paths.home(view.edition.code)}` },
      { property: 'og:locale', content: ogLocale(view.edition.locale) },
    ],
  };
}

/**
 * Every published version of the story lists every version (itself included) and the same
 * x-default: the default edition's version when there is one, else the first edition's.
 */
export function storyAlternates(deps: WebDeps, article: Pick<PublishedArticle, 'id' | 'edition' | 'slug' | 'translations'>) {
  const base = deps.config.baseUrl;
  const versions = [{ id: article.id, edition: article.edition, slug: article.slug }, ...article.translations];
  const order = deps.editions.all().map((e) => e.code);
  versions.sort((a, b) => order.indexOf(a.edition) - order.indexOf(b.edition));
  const fallback = deps.editions.fallback()?.code;
  const xDefault = versions.find((v) => v.edition === fallback) ?? versions[0];
  const href = (v: { id: number; edition: string; slug: string }) => `${base}${paths.article(v.edition, v.id, v.slug)}`;
  return [...versions.map((v) => ({ hreflang: v.edition, href: href(v) })), ...(xDefault ? [{ hreflang: 'x-default', href: href(xDefault) }] : [])];
}

export function articleHead(deps: WebDeps & { site: SiteRegistry }, view: EditionView, article: PublishedArticle): HeadExtras {
  const base = deps.config.baseUrl;
  const url = `${base}${paths.article(article.edition, article.id, article.slug)}`;
  const identity = deps.site.of(view.edition);
  const siteName = identity.name;
  const share = shareImageOf(deps.site, view, article, base);
  const credit = article.creditLine || undefined;
  const keywords = article.tags.map((t) => t.name);
  const locales = article.translations.flatMap((tr) => {
    const edition = deps.editions.find(tr.edition);
    return edition ? [{ property: 'og:locale:alternate', content: ogLocale(edition.locale) }] : [];
  });
  return {
    alternates: storyAlternates(deps, article),
    openGraph: [
      { property: 'og:type', content: 'article' },
      { property: 'og:site_name', content: siteName },
      { property: 'og:title', content: article.headline },
      { property: 'og:description', content: article.dek },
      { property: 'og:url', content: url },
      { property: 'og:locale', content: ogLocale(view.edition.locale) },
      ...locales,
      { property: 'og:image', content: share.url },
      { property: 'og:image:width', content: String(share.width) },
      { property: 'og:image:height', content: String(share.height) },
      ...(share.alt ? [{ property: 'og:image:alt', content: share.alt }] : []),
      { property: 'article:published_time', content: article.publishedAt },
      { property: 'article:modified_time', content: article.updatedAt },
      ...(article.section ? [{ property: 'article:section', content: article.section.name }] : []),
      ...keywords.map((k) => ({ property: 'article:tag', content: k })),
    ],
    twitter: [
      { name: 'twitter:card', content: 'summary_large_image' },
      { name: 'twitter:title', content: article.headline },
      { name: 'twitter:description', content: article.dek },
      { name: 'twitter:image', content: share.url },
      ...(share.alt ? [{ name: 'twitter:image:alt', content: share.alt }] : []),
    ],
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: article.headline,
      description: article.dek || undefined,
      datePublished: article.publishedAt,
      dateModified: article.updatedAt,
      inLanguage: article.edition,
      mainEntityOfPage: { '@type': 'WebPage', '@id': url },
      url,
      author: article.byline ? [{ '@type': 'Person', name: article.byline }] : [{ '@type': 'Organization', name: credit ?? siteName }],
      // The publisher is the agency; a credit (a wire service, a partner) stays the article's own.
      publisher: {
        '@type': 'Organization',
        name: siteName,
        url: `${base}${paths.home(view.edition.code)}`,
        logo: { '@type': 'ImageObject', url: `${base}${identity.publisherLogo.href}`, width: identity.publisherLogo.width, height: identity.publisherLogo.height },
      },
      ...(credit ? { creditText: credit, sourceOrganization: { '@type': 'Organization', name: credit } } : {}),
      image: [{ '@type': 'ImageObject', url: share.url, width: share.width, height: share.height }],
      ...(article.section ? { articleSection: article.section.name } : {}),
      ...(keywords.length ? { keywords: keywords.join(', ') } : {}),
      ...(article.dateline ? { contentLocation: { '@type': 'Place', name: article.dateline } } : {}),
    },
  };
}
