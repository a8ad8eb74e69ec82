// Pieces several reader pages share: article cards, images with their variants, the sidebar, and
// the media cache tags of what they show (so media.changed reaches every page with the image).
import { findMediaMany, listPublished, listPublishedByIds, type ArticleSummary, type MediaRef } from '../../domain/articles/index.js';
import { countApproved } from '../../domain/comments/index.js';
import { listLiveBlocks } from '../../domain/curation/index.js';
import { tags, type CacheTag } from '../../core/cache-tags.js';
import { anonymous } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import type { DomainCtx } from '../../domain/editions/index.js';
import type { ArticleCardProps, ImageProps, SidebarBlock } from '../../views/props.js';
import type { FastifyRequest } from 'fastify';
import type { WebDeps } from '../deps.js';
import { editionView, paths, type EditionView } from './chrome.js';

/** Formats of <picture> sources, best first; the original is the <img> itself. */
const SOURCE_TYPES = ['image/avif', 'image/webp'] as const;

export function imageOf(media: MediaRef, sizes = '(min-width: 64rem) 42rem, 100vw'): ImageProps {
  const variants = media.variants ?? [];
  const original = media.width ? { url: paths.media(media.blobKey), width: media.width } : undefined;
  const sources = SOURCE_TYPES.flatMap((type) => {
    const widths = variants.filter((v) => v.mimeType === type).map((v) => ({ url: paths.media(v.key), width: v.width }));
    if (media.mimeType === type && original) widths.push(original);
    if (!widths.length) return [];
    // Images stored before a format reached the original's width (older uploads had WebP only
    // below it) offer the original at that width, so a wide screen never gets an upscaled one.
    const widest = Math.max(...widths.map((w) => w.width));
    if (original && widest < original.width) widths.push(original);
    return [{ type, srcset: widths.sort((a, b) => a.width - b.width).map((w) => `${w.url} ${w.width}w`).join(', ') }];
  });
  return {
    sources: sources.length ? sources : undefined,
    src: paths.media(media.blobKey),
    srcset: undefined,
    sizes: sources.length ? sizes : undefined,
    width: media.width,
    height: media.height,
    alt: media.alt,
  };
}

export function toCards(view: EditionView, items: ArticleSummary[], media?: Map<number, MediaRef>): ArticleCardProps[] {
  return items.map((a) => {
    const image = a.featuredMediaId === null ? undefined : media?.get(a.featuredMediaId);
    return {
      id: a.id,
      href: paths.article(a.edition, a.id, a.slug),
      headline: a.headline,
      dek: a.dek,
      datetime: a.publishedAt,
      dateText: view.when(a.publishedAt).text,
      section: a.section ? { name: a.section.name, href: paths.section(a.edition, a.section.slug) } : undefined,
      image: image ? imageOf(image, '(min-width: 64rem) 20rem, 100vw') : undefined,
    };
  });
}

/**
 * Adds each card's approved-comment count ("3 comments", linking to the thread), with one grouped
 * query for every card of the page. The page already carries each card's `article:N` tag, which a
 * newly approved or removed comment purges, so the count cannot go stale in the cache.
 */
export async function withCommentCounts(ctx: DomainCtx, view: EditionView, groups: ArticleCardProps[][]): Promise<ArticleCardProps[][]> {
  const counts = await countApproved(ctx, [...new Set(groups.flat().map((card) => card.id))]);
  return groups.map((cards) =>
    cards.map((card) => {
      const count = counts.get(card.id) ?? 0;
      return count > 0 ? { ...card, comments: { text: view.t('comments.count_short', { count }), href: `${card.href}#comments` } } : card;
    }),
  );
}

/** Media tags for the featured images of articles shown with their images. */
export function mediaTagsOf(items: Array<Pick<ArticleSummary, 'featuredMediaId'>>): CacheTag[] {
  return items.flatMap((a) => (a.featuredMediaId === null ? [] : [tags.media(a.featuredMediaId)]));
}

export async function cardsWithImages(ctx: DomainCtx, view: EditionView, items: ArticleSummary[]): Promise<ArticleCardProps[]> {
  const media = await findMediaMany(ctx, items.flatMap((a) => (a.featuredMediaId === null ? [] : [a.featuredMediaId])), view.edition.code);
  return toCards(view, items, media);
}

export interface SidebarData {
  blocks: SidebarBlock[];
  lead?: ArticleSummary | undefined;
  top: ArticleSummary[];
  recent: ArticleSummary[];
  /** Media the sidebar shows (cartoons), for the page's cache tags. */
  mediaIds: number[];
}

export interface SidebarOptions {
  /** Whether to load the front's curated lead and top stories. */
  curation?: boolean;
  /**
   * What the rest of the page shows, given the curated stories: "most recent" leaves those out
   * (the front would otherwise list its lead and top stories twice). Always called when given.
   */
  shownBesides?: (curated: { lead?: ArticleSummary | undefined; top: ArticleSummary[] }) => Promise<Iterable<number>>;
}

const RECENT_COUNT = 5;

/** The live curated blocks of an edition as sidebar props, plus the lead and top stories for the front page. */
export async function sidebarFor(ctx: DomainCtx, view: EditionView, options: SidebarOptions = {}): Promise<SidebarData> {
  const code = view.edition.code;
  const blocks = await listLiveBlocks(ctx, code);
  const wantsRecent = blocks.some((b) => b.kind === 'most_recent');
  const leadId = options.curation === false ? undefined : blocks.find((b) => b.slot === 'lead')?.articleId ?? undefined;
  const topIds = options.curation === false ? [] : blocks.filter((b) => b.slot === 'top' && b.articleId !== null).map((b) => b.articleId as number);
  const { shownBesides } = options;
  // Without a page to leave out, "most recent" is read beside the curated stories, not after them.
  const [curated, media, early] = await Promise.all([
    listPublishedByIds(ctx, code, [...(leadId ? [leadId] : []), ...topIds]),
    findMediaMany(ctx, blocks.flatMap((b) => (b.kind === 'cartoon' && b.mediaId !== null ? [b.mediaId] : [])), code),
    wantsRecent && !shownBesides ? listPublished(ctx, { edition: code, limit: RECENT_COUNT }) : undefined,
  ]);
  const lead = leadId ? curated.find((a) => a.id === leadId) : undefined;
  const top = curated.filter((a) => a.id !== leadId);
  const shown = shownBesides ? [...(await shownBesides({ lead, top }))] : [];
  const recentPage = early ?? (wantsRecent ? await listPublished(ctx, { edition: code, limit: RECENT_COUNT, excludeIds: shown }) : undefined);
  const recent = recentPage?.items ?? [];
  const sidebar: SidebarBlock[] = blocks
    .filter((b) => b.slot === 'sidebar')
    .flatMap((b): SidebarBlock[] => {
      switch (b.kind) {
        case 'cartoon': {
          const image = b.mediaId === null ? undefined : media.get(b.mediaId);
          return image ? [{ kind: 'cartoon', title: b.title, image: imageOf(image, '20rem'), caption: b.body }] : [];
        }
        case 'statement':
          return [{ kind: 'statement', quote: b.body, attribution: b.attribution }];
        case 'banner':
          return b.linkUrl ? [{ kind: 'banner', title: b.title, text: b.body, href: b.linkUrl, until: b.endsAt ? view.when(b.endsAt).text : undefined }] : [];
        case 'most_recent':
          return recent.length ? [{ kind: 'most_recent', items: toCards(view, recent) }] : [];
        default:
          return [];
      }
    });
  return {
    blocks: sidebar,
    lead,
    top,
    recent,
    mediaIds: [...media.keys()],
  };
}

/** What every reader route starts from: an anonymous reader's domain context, and the edition of the path (404 if unknown). */
export function readerContext(deps: Pick<WebDeps, 'makeCtx' | 'editions'>) {
  return {
    ctxOf: (request: FastifyRequest): DomainCtx => deps.makeCtx(anonymous, request.log),
    editionOf: (lang: string): EditionView => {
      const edition = deps.editions.find(lang);
      if (!edition) throw notFound('EDITION_NOT_FOUND');
      return editionView(edition);
    },
  };
}

/** For error pages: the five latest articles of the edition the reader was in. */
export function latestSuggestions(deps: WebDeps) {
  return async (code: string, request: FastifyRequest): Promise<ArticleCardProps[]> => {
    const edition = deps.editions.find(code);
    if (!edition) return [];
    const page = await listPublished(deps.makeCtx(anonymous, request.log), { edition: code, limit: 5 });
    return toCards(editionView(edition), page.items);
  };
}
