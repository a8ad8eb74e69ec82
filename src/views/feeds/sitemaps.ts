// Sitemaps (https://www.sitemaps.org/protocol.html): the index, URL sets with hreflang alternates
// (https://developers.google.com/search/docs/specialty/international/localized-versions#sitemap),
// the Google News sitemap, and robots.txt. Props are absolute URLs and ISO-8601 UTC dates.
import { XML_DECLARATION, attrs, element } from './xml.js';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

export interface SitemapRef {
  loc: string;
  lastmod?: string | undefined;
}

export interface SitemapUrl {
  loc: string;
  lastmod?: string | undefined;
  /** Every language version, this one included, plus x-default; empty when there is only one. */
  alternates: Array<{ hreflang: string; href: string }>;
}

export interface NewsUrl {
  loc: string;
  publicationName: string;
  language: string;
  publicationDate: string;
  title: string;
}

const w3cDate = (iso: string) => new Date(iso).toISOString();

const lines = (parts: string[]) => `${XML_DECLARATION}${parts.filter(Boolean).join('\n')}\n`;

export function renderSitemapIndex(sitemaps: SitemapRef[]): string {
  return lines([
    `<sitemapindex${attrs({ xmlns: SITEMAP_NS })}>`,
    ...sitemaps.map((s) => `<sitemap>${element('loc', s.loc)}${s.lastmod ? element('lastmod', w3cDate(s.lastmod)) : ''}</sitemap>`),
    '</sitemapindex>',
  ]);
}

export function renderUrlSet(urls: SitemapUrl[]): string {
  return lines([
    `<urlset${attrs({ xmlns: SITEMAP_NS, 'xmlns:xhtml': XHTML_NS })}>`,
    ...urls.map(
      (u) =>
        `<url>${element('loc', u.loc)}${u.lastmod ? element('lastmod', w3cDate(u.lastmod)) : ''}` +
        u.alternates.map((a) => `<xhtml:link${attrs({ rel: 'alternate', hreflang: a.hreflang, href: a.href })}/>`).join('') +
        '</url>',
    ),
    '</urlset>',
  ]);
}

export function renderNewsSitemap(urls: NewsUrl[]): string {
  return lines([
    `<urlset${attrs({ xmlns: SITEMAP_NS, 'xmlns:news': NEWS_NS })}>`,
    ...urls.map(
      (u) =>
        `<url>${element('loc', u.loc)}<news:news><news:publication>${element('news:name', u.publicationName)}${element('news:language', u.language)}</news:publication>` +
        `${element('news:publication_date', w3cDate(u.publicationDate))}${element('news:title', u.title)}</news:news></url>`,
    ),
    '</urlset>',
  ]);
}

export function renderRobots(props: { sitemapUrl: string; disallow: string[] }): string {
  // Disallow lines come first for crawlers that take the first matching rule, not the longest.
  return ['User-agent: *', ...props.disallow.map((path) => `Disallow: ${path}`), 'Allow: /', '', `Sitemap: ${props.sitemapUrl}`, ''].join('\n');
}
