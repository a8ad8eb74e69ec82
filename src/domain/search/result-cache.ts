// A short-lived cache of search results, shared by the search page and the JSON API. Readers of a
// news site search for the same few things at once (the day's event, a name in the news), and a
// query costs the index a bm25 score for every matching article; a repeated one costs a lookup.
// Correctness: an entry belongs to a generation, the id of the latest event any server recorded
// (storage/outbox.ts), so every committed change (publish, edit, unpublish, entity names) starts
// a new one on every server at its next search. What no event announces — the index catching up
// a moment after the event, a scheduled article's time arriving — is bounded by the entry's life,
// the same 30 seconds the page tells browsers and CDNs (Cache-Control: max-age=30). Identical
// searches arriving together run once. Only results are kept, never a refusal.
import { latestEventId } from '../../storage/outbox.js';
import type { DbCtx } from '../../storage/database.js';
import { searchArticles, type SearchQuery, type SearchResult } from './queries.js';
import { cleanQuery } from './query-text.js';

export const SEARCH_CACHE_TTL_MS = 30_000;

interface Entry {
  generation: number;
  expiresAt: number;
  result: SearchResult;
}

/** What makes two queries the same search: the query as searchArticles reads it, and every filter. */
function keyOf(query: SearchQuery): string {
  const q = typeof query.q === 'string' ? cleanQuery(query.q) : '';
  return JSON.stringify([query.edition, q, query.sectionId ?? null, query.from ?? null, query.to ?? null, query.sort ?? 'relevance', query.page ?? 1]);
}

export class SearchCache {
  readonly #entries = new Map<string, Entry>();
  readonly #pending = new Map<string, Promise<SearchResult>>();
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  #hits = 0;
  #misses = 0;

  /** A zero life turns the cache off: every search runs. */
  constructor(options: { maxEntries?: number; ttlMs?: number } = {}) {
    this.#maxEntries = options.maxEntries ?? 2_000;
    this.#ttlMs = options.ttlMs ?? SEARCH_CACHE_TTL_MS;
  }

  /**
   * searchArticles, answered from the cache while the generation and the entry's life allow.
   * `beforeRun` is called when the search must run (it may throw to refuse it: a rate limit that
   * counts only what costs the index).
   */
  async search(ctx: DbCtx, query: SearchQuery, beforeRun?: () => void): Promise<SearchResult> {
    if (this.#ttlMs <= 0) {
      beforeRun?.();
      return searchArticles(ctx, query);
    }
    const key = keyOf(query);
    const generation = await latestEventId(ctx.db);
    const now = ctx.clock.now().getTime();
    const entry = this.#entries.get(key);
    if (entry && entry.generation === generation && entry.expiresAt > now) {
      this.#hits++;
      // Least recently used leaves first: a hit moves to the end.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      return entry.result;
    }
    this.#misses++;
    const flight = `${generation}\u0000${key}`;
    const running = this.#pending.get(flight);
    if (running) return running;
    beforeRun?.();
    const search = searchArticles(ctx, query)
      .then((result) => {
        this.#entries.delete(key);
        this.#entries.set(key, { generation, expiresAt: now + this.#ttlMs, result });
        while (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value as string);
        return result;
      })
      .finally(() => this.#pending.delete(flight));
    this.#pending.set(flight, search);
    return search;
  }

  clear(): void {
    this.#entries.clear();
  }

  stats(): { entries: number; hits: number; misses: number } {
    return { entries: this.#entries.size, hits: this.#hits, misses: this.#misses };
  }
}
