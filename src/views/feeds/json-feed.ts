// JSON Feed 1.1 (https://jsonfeed.org/version/1.1) from feed props. The `feed` package writes
// version 1 only (single `author`, no `language`), so this builds the object itself.
import type { FeedItemProps, FeedProps } from './props.js';

const rfc3339 = (iso: string) => new Date(iso).toISOString();

function jsonItem(item: FeedItemProps, language: string): Record<string, unknown> {
  return {
    id: item.id,
    url: item.url,
    title: item.title,
    ...(item.summary ? { summary: item.summary } : {}),
    content_html: item.contentHtml,
    ...(item.image ? { image: item.image.url } : {}),
    date_published: rfc3339(item.published),
    date_modified: rfc3339(item.updated),
    ...(item.byline ? { authors: [{ name: item.byline }] } : {}),
    ...(item.categories.length ? { tags: item.categories } : {}),
    language,
    // JSON Feed has no rights field; extensions start with an underscore (spec, "Extensions").
    ...(item.credit ? { _dateline: { credit: item.credit } } : {}),
  };
}

export function renderJsonFeed(feed: FeedProps): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.selfUrl,
    description: feed.description,
    language: feed.language,
    authors: [{ name: feed.siteName, url: feed.siteUrl }],
    items: feed.items.map((item) => jsonItem(item, feed.language)),
  });
}
