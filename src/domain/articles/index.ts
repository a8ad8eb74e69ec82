// Articles: stories and translations, workflow, revisions, slugs, published reads.
export {
  createArticle,
  createTranslation,
  updateArticle,
  submitForReview,
  returnToDraft,
  publishArticle,
  unpublishArticle,
  removeArticle,
  scheduleArticle,
  releaseDueArticles,
  linkTranslation,
} from './commands.js';
export {
  getPublished,
  listPublished,
  getArticle,
  listRevisions,
  listStoryArticles,
  listArticles,
  countArticlesByStatus,
  TEXT_FILTER_MAX,
  type StaffListFilter,
  type StaffListItem,
  findMedia,
  findMediaMany,
  listPublishedByIds,
  type ListFilter,
} from './queries.js';
export type { ArticleRef, ArticleSummary, PublishedArticle, StaffArticle, Revision, MediaRef } from './records.js';
export { slugify, isValidSlug } from './slug.js';
export { canTransition, TRANSITIONS, type ArticleStatus } from './workflow.js';
export { can, readScope, TRANSLATOR_READS, type ArticleAction, type ReadScope } from './policy.js';
export {
  documentFromText,
  documentMediaIds,
  documentParts,
  embedFrameSrc,
  renderDocument,
  validateDocument,
  documentText,
  BODY_LIMITS,
  EMBED_FRAME_ORIGINS,
  EMBED_PROVIDERS,
  type BodyDocument,
  type BodyPart,
  type Block,
  type EmbedProvider,
  type Inline,
} from './document.js';
export type { ArticleInput, ArticlePatch } from './rules.js';
export { documentToText, textToDocument, countWords, documentWords } from './body-text.js';
export { listPublishedForFeed, countSitemapEntries, listSitemapTerms, listSitemapArticles, listRecentlyPublished, FEED_SIZE, NEWS_WINDOW_MS, NEWS_LIMIT, type FeedArticle, type FeedMedia, type FeedFilter, type ArticleVersion, type SitemapArticle, type SitemapTerm, type SitemapCount, type NewsArticle } from './feed-queries.js';
export { refreshRelated } from './related-refresh.js';
export { rebuildRelated } from './related-rebuild.js';
export { listRelated } from './related-list.js';
export { visible, nowOf, type Visibility } from './visibility.js';
