// Search: reader queries over an edition's articles, and the upkeep of the index they read.
export { searchArticles, PAGE_SIZE, MAX_PAGE, type SearchQuery, type SearchHit, type SearchResult } from './queries.js';
export { reindexArticle, reindexEntity, rebuildSearchIndex, repairSearchIndex } from './upkeep.js';
export { expandQuery, type ExpandedQuery } from './expand.js';
export { suggestEntities, MAX_SUGGEST_TEXT, type EntitySuggestion } from './entity-suggest.js';
export { cleanQuery, queryTokens, MAX_QUERY_LENGTH } from './query-text.js';
export { buildSnippet, type SnippetSegment } from './snippet.js';
export { SearchCache, SEARCH_CACHE_TTL_MS } from './result-cache.js';
