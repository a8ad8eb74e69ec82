// The one place cache tags are spelled. Pages are tagged with these (web/site) and events purge
// with these (tagsForEvent), so a tag a page carries and the tag an event drops cannot drift
// apart. Every tag kind must be reachable from some event: test/unit/core/cache-tags.test.ts
// enumerates TAG_KINDS and proves it.
import type { EventMap, EventName } from './events.js';

declare const brand: unique symbol;
/** A tag built by this module; a bare string is not one. */
export type CacheTag = string & { readonly [brand]: 'CacheTag' };

const tag = (value: string) => value as CacheTag;

export const tags = {
  /** Every page: cleared when something shown on all pages changes (the list of editions). */
  site: () => tag('site'),
  /** Every page of an edition (its name, direction and chrome). */
  edition: (code: string) => tag(`edition:${code}`),
  article: (id: number) => tag(`article:${id}`),
  story: (id: number) => tag(`story:${id}`),
  home: (code: string) => tag(`home:${code}`),
  sidebar: (code: string) => tag(`sidebar:${code}`),
  feed: (code: string) => tag(`feed:${code}`),
  sitemap: (code: string) => tag(`sitemap:${code}`),
  sitemapNews: () => tag('sitemap:news'),
  section: (id: number) => tag(`section:${id}`),
  tag: (id: number) => tag(`tag:${id}`),
  entity: (id: number) => tag(`entity:${id}`),
  media: (id: number) => tag(`media:${id}`),
} as const;

export type TagKind = keyof typeof tags;
export const TAG_KINDS = Object.keys(tags) as TagKind[];

/** The kind of a tag string, for tests and diagnostics. */
export function kindOf(value: string): TagKind | undefined {
  const head = value.split(':')[0];
  if (value === 'sitemap:news') return 'sitemapNews';
  return TAG_KINDS.find((k) => k === head);
}

/** Every page that showed something this event changed; `'all'` when no tag is narrow enough. */
export function tagsForEvent<K extends EventName>(name: K, payload: EventMap[K]): CacheTag[] | 'all' {
  const p = payload as EventMap[EventName];
  const event: EventName = name;
  switch (event) {
    case 'article.created':
    case 'article.updated':
    case 'article.published':
    case 'article.unpublished':
    case 'article.removed': {
      const change = p as EventMap['article.created'];
      return [
        tags.article(change.id),
        tags.home(change.edition),
        tags.feed(change.edition),
        tags.sitemap(change.edition),
        tags.sitemapNews(),
        ...change.storyIds.map(tags.story),
        ...change.sectionIds.map(tags.section),
        ...change.tagIds.map(tags.tag),
        ...change.entityIds.map(tags.entity),
      ];
    }
    case 'related.changed':
      return (p as EventMap['related.changed']).articleIds.map(tags.article);
    case 'related.rebuilt':
      return 'all';
    case 'curation.changed': {
      const { edition } = p as EventMap['curation.changed'];
      return [tags.home(edition), tags.sidebar(edition)];
    }
    case 'edition.changed':
      return [tags.site()];
    case 'section.changed': {
      const { id, edition } = p as EventMap['section.changed'];
      // Section names appear in the section's listing, its feed, article pages and cards.
      return [tags.section(id), tags.edition(edition)];
    }
    case 'tag.changed': {
      const { id, edition } = p as EventMap['tag.changed'];
      return [tags.tag(id), tags.edition(edition)];
    }
    case 'entity.changed':
      // An entity's names appear on its topic page and in the entity list of every article
      // about it, in any edition; renames are rare, so they drop every page.
      return [tags.entity((p as EventMap['entity.changed']).id), tags.site()];
    case 'media.changed':
      return [tags.media((p as EventMap['media.changed']).id)];
    case 'site.changed':
      // The agency's name and logo are on every page and feed, and name the Google News publication.
      return [tags.site(), tags.sitemapNews()];
    case 'comment.posted': {
      // A held comment changes no public page (its author sees it on a page the cache never keeps).
      const posted = p as EventMap['comment.posted'];
      return posted.status === 'approved' ? [tags.article(posted.articleId)] : [];
    }
    case 'comment.moderated': {
      const moderated = p as EventMap['comment.moderated'];
      return moderated.visible ? moderated.articleIds.map(tags.article) : [];
    }
    default: {
      const unhandled: never = event;
      throw new Error(`no cache tags for event ${String(unhandled)}`);
    }
  }
}
