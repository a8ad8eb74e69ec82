// Every kind of cache tag a page can carry is dropped by some event, and every event names the
// tags it makes stale: a page tagged with a kind no event purges would go stale for its expiry.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TAG_KINDS, kindOf, tags, tagsForEvent, type TagKind } from '../../../src/core/cache-tags.js';
import { EVENT_NAMES, type EventMap, type EventName } from '../../../src/core/events.js';

const change = { id: 11, edition: 'fa', status: 'published', storyIds: [5], sectionIds: [3], tagIds: [4], entityIds: [9] };

/** One sample payload per event; a new event fails the type-check here until it has one. */
const SAMPLES: { [K in EventName]: EventMap[K] } = {
  'article.created': change,
  'article.updated': change,
  'article.published': change,
  'article.unpublished': change,
  'article.removed': change,
  'related.changed': { articleIds: [11, 12] },
  'related.rebuilt': {},
  'curation.changed': { edition: 'fa' },
  'edition.changed': { code: 'fa' },
  'section.changed': { id: 3, edition: 'fa' },
  'tag.changed': { id: 4, edition: 'fa' },
  'entity.changed': { id: 9 },
  'media.changed': { id: 21 },
  'site.changed': { scope: '*' },
  'comment.posted': { id: 1, articleId: 11, edition: 'fa', status: 'approved', parentId: null },
  'comment.moderated': { ids: [1], articleIds: [11], status: 'approved', visible: true },
};

describe('cache tags', () => {
  it('gives every tag kind a purger among the events', () => {
    const purged = new Set<TagKind>();
    let clearsAll = false;
    for (const name of EVENT_NAMES) {
      const stale = tagsForEvent(name, SAMPLES[name]);
      if (stale === 'all') {
        clearsAll = true;
        continue;
      }
      for (const tag of stale) {
        const kind = kindOf(tag);
        assert.ok(kind, `event ${name} produced a tag of no known kind: ${tag}`);
        purged.add(kind);
      }
    }
    assert.ok(clearsAll, 'a rebuild of every related list clears the whole cache');
    assert.deepEqual(TAG_KINDS.filter((kind) => !purged.has(kind)), [], 'tag kinds no event purges');
  });

  it('lists every event name once', () => {
    assert.deepEqual([...new Set(EVENT_NAMES)].sort(), Object.keys(SAMPLES).sort());
  });

  it('drops exactly what an article change touched, before and after', () => {
    const stale = tagsForEvent('article.updated', { ...change, sectionIds: [3, 8] });
    assert.ok(Array.isArray(stale));
    for (const expected of [tags.article(11), tags.home('fa'), tags.feed('fa'), tags.sitemap('fa'), tags.sitemapNews(), tags.story(5), tags.section(3), tags.section(8), tags.tag(4), tags.entity(9)]) {
      assert.ok(stale.includes(expected), expected);
    }
    assert.ok(!stale.includes(tags.home('en')), 'another edition’s front stays cached');
  });

  it('purges exactly the article of a comment readers now see, and nothing for a held one', () => {
    assert.deepEqual(tagsForEvent('comment.posted', { id: 1, articleId: 11, edition: 'fa', status: 'approved', parentId: null }), [tags.article(11)]);
    assert.deepEqual(tagsForEvent('comment.posted', { id: 2, articleId: 11, edition: 'fa', status: 'pending', parentId: null }), []);
    assert.deepEqual(tagsForEvent('comment.moderated', { ids: [1], articleIds: [11, 12], status: 'approved', visible: true }), [tags.article(11), tags.article(12)]);
    assert.deepEqual(tagsForEvent('comment.moderated', { ids: [2], articleIds: [11], status: 'spam', visible: false }), []);
  });

  it('reads a tag back to its kind', () => {
    for (const kind of TAG_KINDS) {
      const builder = tags[kind] as (arg: never) => string;
      assert.equal(kindOf(builder(7 as never)), kind);
    }
    assert.equal(kindOf('bogus:1'), undefined);
  });
});
