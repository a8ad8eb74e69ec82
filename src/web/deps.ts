// What the web contexts receive from app.ts: a way to build a domain Ctx per request, the
// configuration, the blob store and the edition registry. Web never opens storage itself.
import type { Config } from '../config.js';
import type { Actor, Logger } from '../core/context.js';
import type { DomainCtx } from '../domain/editions/index.js';
import type { BlobStore } from '../domain/media/index.js';
import type { SearchCache } from '../domain/search/index.js';
import type { FailureLimiter } from './plugins/rate-limit.js';
import type { EditionRegistry } from './site/editions.js';

export interface WebDeps {
  config: Config;
  makeCtx(actor: Actor, log: Logger): DomainCtx;
  blobs: BlobStore;
  editions: EditionRegistry;
  /** Search results shared by the search page and the JSON API (one per app). */
  searchCache: SearchCache;
  /** Counts the searches each client runs past the cache (undefined: no limit). */
  searchLimiter: FailureLimiter | undefined;
}
