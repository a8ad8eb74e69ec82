// RSS 2.0 and Atom 1.0 documents from feed props. Written by hand rather than with the `feed`
// package: its Atom output marks plain-text titles as HTML, cannot set xml:lang, leaves `<` raw in
// attributes, escapes only the first `]]>` of a CDATA section and types .jpg enclosures as
// image/jpg; here every value passes through xml.ts, so any headline yields well-formed XML.
import type { FeedItemProps, FeedProps } from './props.js';
import { XML_DECLARATION, attrs, element, xmlText } from './xml.js';

const GENERATOR = 'Dateline';

/** RSS readers take <description> as HTML (RSS 2.0: "entity-encoded HTML"), so the plain-text dek is escaped as HTML first. */
const plainToHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** RFC 822 (with a four-digit year, as RFC 1123 and every reader expect). */
const rfc822 = (iso: string) => new Date(iso).toUTCString();
/** RFC 3339, in UTC. */
const rfc3339 = (iso: string) => new Date(iso).toISOString();

function rssItem(item: FeedItemProps): string {
  return [
    '<item>',
    element('title', item.title),
    element('link', item.url),
    element('guid', item.id, { isPermaLink: 'false' }),
    element('pubDate', rfc822(item.published)),
    element('atom:updated', rfc3339(item.updated)),
    element('description', plainToHtml(item.summary)),
    element('content:encoded', item.contentHtml),
    element('dc:creator', item.byline),
    element('dc:rights', item.credit),
    ...item.categories.map((name) => element('category', name)),
    item.image ? `<enclosure${attrs({ url: item.image.url, length: item.image.length, type: item.image.type })}/>` : '',
    '</item>',
  ]
    .filter(Boolean)
    .join('\n');
}

export function renderRss(feed: FeedProps): string {
  const namespaces = {
    version: '2.0',
    'xmlns:atom': 'http://www.w3.org/2005/Atom',
    'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
    'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  };
  return (
    XML_DECLARATION +
    [
      `<rss${attrs(namespaces)}>`,
      '<channel>',
      element('title', feed.title),
      element('link', feed.homeUrl),
      // <description> is required in a channel, even when empty.
      `<description>${xmlText(plainToHtml(feed.description))}</description>`,
      element('language', feed.language),
      element('lastBuildDate', rfc822(feed.updated)),
      element('generator', GENERATOR),
      `<atom:link${attrs({ href: feed.selfUrl, rel: 'self', type: 'application/rss+xml' })}/>`,
      ...feed.items.map(rssItem),
      '</channel>',
      '</rss>',
    ]
      .filter(Boolean)
      .join('\n') +
    '\n'
  );
}

function atomEntry(item: FeedItemProps): string {
  return [
    '<entry>',
    element('id', item.id),
    element('title', item.title, { type: 'text' }),
    `<link${attrs({ rel: 'alternate', type: 'text/html', href: item.url })}/>`,
    item.image ? `<link${attrs({ rel: 'enclosure', type: item.image.type, length: item.image.length, href: item.image.url, title: item.image.alt || undefined })}/>` : '',
    element('published', rfc3339(item.published)),
    element('updated', rfc3339(item.updated)),
    item.byline ? `<author>${element('name', item.byline)}</author>` : '',
    element('rights', item.credit, { type: 'text' }),
    ...item.categories.map((name) => `<category${attrs({ term: name })}/>`),
    element('summary', item.summary, { type: 'text' }),
    element('content', item.contentHtml, { type: 'html' }),
    '</entry>',
  ]
    .filter(Boolean)
    .join('\n');
}

export function renderAtom(feed: FeedProps): string {
  return (
    XML_DECLARATION +
    [
      `<feed${attrs({ xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': feed.language })}>`,
      element('id', feed.selfUrl),
      element('title', feed.title, { type: 'text' }),
      element('subtitle', feed.description, { type: 'text' }),
      element('updated', rfc3339(feed.updated)),
      `<link${attrs({ rel: 'self', type: 'application/atom+xml', href: feed.selfUrl })}/>`,
      `<link${attrs({ rel: 'alternate', type: 'text/html', href: feed.homeUrl })}/>`,
      // The feed-level author stands in for entries without a byline (Atom requires one or the other).
      `<author>${element('name', feed.siteName)}${element('uri', feed.siteUrl)}</author>`,
      element('generator', GENERATOR),
      ...feed.items.map(atomEntry),
      '</feed>',
    ]
      .filter(Boolean)
      .join('\n') +
    '\n'
  );
}
