// Props of the syndication documents: plain strings and absolute URLs prepared by web/site/feeds.ts.
// Dates are ISO-8601 UTC text; each format writes them its own way.

export interface FeedImage {
  url: string;
  /** MIME type, e.g. image/jpeg. */
  type: string;
  /** Bytes, for the RSS enclosure. */
  length: number;
  alt: string;
}

export interface FeedItemProps {
  /** Permanent identifier: an absolute URL that does not depend on the slug. */
  id: string;
  /** Canonical article URL. */
  url: string;
  title: string;
  /** The dek, plain text. */
  summary: string;
  /** Sanitized article body with absolute links. */
  contentHtml: string;
  published: string;
  updated: string;
  /** The byline; empty when the article has none. */
  byline: string;
  /** The credit line (agency, copyright holder); empty when none. */
  credit: string;
  /** Section name first, then tag names. */
  categories: string[];
  image?: FeedImage | undefined;
}

export interface FeedProps {
  /** Edition code: <language>, xml:lang, JSON Feed language. */
  language: string;
  title: string;
  description: string;
  siteName: string;
  siteUrl: string;
  /** The HTML page this feed follows (edition front, section or tag listing). */
  homeUrl: string;
  /** This document's own URL. */
  selfUrl: string;
  /** Newest change among the items (or now, for an empty feed). */
  updated: string;
  items: FeedItemProps[];
}
