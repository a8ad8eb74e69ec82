// The page cache's store: tag purges, and the race a purge can lose against a render in flight (a
// page rendered from data that changed mid-render must not outlive the purge meant for it).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tags } from '../../../src/core/cache-tags.js';
import { createPageCache, type CacheEntry } from '../../../src/web/plugins/page-cache.js';

const entry = (tagList: string[]): CacheEntry => ({
  body: Buffer.from('<p>page</p>'),
  etag: '"x"',
  contentType: 'text/html; charset=utf-8',
  cacheControl: 'public',
  tags: tagList,
  expiresAt: Date.now() + 60_000,
});

describe('page cache store', () => {
  it('drops exactly the entries carrying a purged tag', () => {
    const cache = createPageCache();
    cache.set('/en/', entry([tags.home('en'), tags.article(1)]));
    cache.set('/fa/', entry([tags.home('fa')]));
    assert.equal(cache.purge([tags.article(1)]), 1);
    assert.equal(cache.peek('/en/'), undefined);
    assert.ok(cache.peek('/fa/'));
  });

  it('refuses a render that started before a purge of one of its tags', () => {
    const cache = createPageCache();
    const started = cache.version();
    cache.purge([tags.article(7)]);
    assert.equal(cache.set('/en/news/7/x', entry([tags.article(7)]), started), false);
    assert.equal(cache.peek('/en/news/7/x'), undefined);
    assert.equal(cache.set('/en/news/8/y', entry([tags.article(8)]), started), true, 'a purge of other tags does not matter');
    const after = cache.version();
    assert.equal(cache.set('/en/news/7/x', entry([tags.article(7)]), after), true, 'a render started after the purge is stored');
  });

  it('refuses every render in flight when the whole cache is cleared', () => {
    const cache = createPageCache();
    const started = cache.version();
    cache.clear();
    assert.equal(cache.set('/en/', entry([tags.home('en')]), started), false);
  });
});
