// The editions, held in memory so an unknown language prefix is a 404 before any query.
// Refreshed in the background at most every 30 seconds, and at once when an edition.changed event
// reaches this server (main.ts), so an edition added by the CLI or another server appears.
import type { Edition } from '../../domain/editions/index.js';

export interface EditionRegistry {
  all(): Edition[];
  find(code: string): Edition | undefined;
  fallback(): Edition | undefined;
  /** Best edition for an Accept-Language header (exact tag, then primary language), else the default. */
  negotiate(acceptLanguage: string | undefined): Edition | undefined;
  /** Reloads now; a failed load keeps the list it had (the next request retries after the TTL). */
  refresh(): Promise<void>;
}

export async function createEditionRegistry(load: () => Promise<Edition[]>, ttlMs = 30_000): Promise<EditionRegistry> {
  let editions = await load();
  let loadedAt = Date.now();
  let refreshing = false;
  const reload = () =>
    load()
      .then((list) => {
        editions = list;
        loadedAt = Date.now();
      })
      // The last good list keeps serving; loadedAt stays old, so the next request tries again.
      .catch(() => {});
  const fresh = () => {
    if (refreshing || Date.now() - loadedAt < ttlMs) return;
    refreshing = true;
    void reload().finally(() => {
      refreshing = false;
    });
  };
  const registry: EditionRegistry = {
    all() {
      fresh();
      return editions;
    },
    find(code) {
      return registry.all().find((e) => e.code === code);
    },
    fallback() {
      const list = registry.all();
      return list.find((e) => e.isDefault) ?? list[0];
    },
    negotiate(header) {
      const wanted = (header ?? '')
        .split(',')
        .map((part) => {
          const [tag = '', ...params] = part.trim().split(';');
          const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
          return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
        })
        .filter((w) => w.tag && w.q > 0)
        .sort((a, b) => b.q - a.q);
      const list = registry.all();
      for (const { tag } of wanted) {
        const exact = list.find((e) => e.code.toLowerCase() === tag);
        if (exact) return exact;
        const primary = list.find((e) => e.code.toLowerCase() === tag.split('-')[0]);
        if (primary) return primary;
      }
      return registry.fallback();
    },
    refresh: reload,
  };
  return registry;
}
