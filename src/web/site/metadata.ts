// Search-engine and social metadata for reader pages: reciprocal hreflang alternates with
// x-default, OpenGraph and Twitter cards, and JSON-LD NewsArticle.
import type { PublishedArticle } from '../../domain/articles/index.js';
import type { HeadExtras } from '../../views/props.js';
import type { WebDeps } from '../deps.js';
import { paths, type EditionView } from './chrome.js';

const ogLocale = (locale: string) => locale.replace('-', '_');

export function homeHead(deps: WebDeps, view: EditionView): HeadExtras {
  const base = deps.config.baseUrl;
  const all = deps.editions.all();
  return {
    alternates: [...all.map((e) => ({ hreflang: e.code, href: `${base}${paths.home(e.code)}` })), { hreflang: 'x-default', href: `${base}/` }],
    openGraph: [
      { property: 'og:type', content: 'website' },
      { property: 'og:site_name', content: view.t('site.name') },
      { property: 'og:title', content: view.t('site.name') },
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

export function articleHead(deps: WebDeps & { logoHref: string }, view: EditionView, article: PublishedArticle): HeadExtras {
  const base = deps.config.baseUrl;
  const url = `${base}${paths.article(article.edition, article.id, article.slug)}`;
  const image = article.featuredMedia ? `${base}${paths.media(article.featuredMedia.blobKey)}` : undefined;
  const siteName = view.t('site.name');
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
      ...(image ? [{ property: 'og:image', content: image }, ...(article.featuredMedia?.alt ? [{ property: 'og:image:alt', content: article.featuredMedia.alt }] : [])] : []),
      { property: 'article:published_time', content: article.publishedAt },
      { property: 'article:modified_time', content: article.updatedAt },
      ...(article.section ? [{ property: 'article:section', content: article.section.name }] : []),
      ...keywords.map((k) => ({ property: 'article:tag', content: k })),
    ],
    twitter: [
      { name: 'twitter:card', content: image ? 'summary_large_image' : 'summary' },
      { name: 'twitter:title', content: article.headline },
      { name: 'twitter:description', content: article.dek },
      ...(image ? [{ name: 'twitter:image', content: image }] : []),
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
      author: article.byline ? [{ '@type': 'Person', name: article.byline }] : [{ '@type': 'Organization', name: article.creditLine || siteName }],
      publisher: { '@type': 'Organization', name: article.creditLine || siteName, logo: { '@type': 'ImageObject', url: `${base}${deps.logoHref}` } },
      ...(image ? { image: [image] } : {}),
      ...(article.section ? { articleSection: article.section.name } : {}),
      ...(keywords.length ? { keywords: keywords.join(', ') } : {}),
      ...(article.dateline ? { contentLocation: { '@type': 'Place', name: article.dateline } } : {}),
    },
  };
}
