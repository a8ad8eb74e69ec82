// The jobs each event causes: an article change refreshes related lists and the search index, an
// entity's new names reindex its articles, and events without durable reactions cause none.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RecordedEvent } from '../../../src/core/events.js';
import { JOB_KINDS, jobsFor } from '../../../src/jobs/reactions.js';

const event = (name: string, payload: unknown) => ({ id: 1, name, payload }) as unknown as RecordedEvent;

describe('reactions', () => {
  it('reindexes the articles of an entity whose names changed', () => {
    assert.deepEqual(jobsFor(event('entity.changed', { id: 7 })), [{ kind: JOB_KINDS.searchEntity, payload: { entityId: 7 } }]);
  });

  it('refreshes related lists and the index on every article change, and indexes a created article', () => {
    for (const name of ['article.updated', 'article.published', 'article.unpublished', 'article.removed']) {
      assert.deepEqual(jobsFor(event(name, { id: 3, edition: 'fa', status: 'draft' })).map((j) => j.kind), [JOB_KINDS.relatedRefresh, JOB_KINDS.searchReindex], name);
    }
    assert.deepEqual(jobsFor(event('article.created', { id: 3 })), [{ kind: JOB_KINDS.searchReindex, payload: { articleId: 3 } }]);
  });

  it('draws the share card of a published or edited published article, and of nothing else', () => {
    for (const name of ['article.updated', 'article.published']) {
      assert.deepEqual(jobsFor(event(name, { id: 3, edition: 'fa', status: 'published' })).at(-1), { kind: JOB_KINDS.shareCard, payload: { articleId: 3, edition: 'fa' } }, name);
    }
    for (const name of ['article.unpublished', 'article.removed', 'article.created']) {
      assert.ok(!jobsFor(event(name, { id: 3, edition: 'fa', status: 'published' })).some((j) => j.kind === JOB_KINDS.shareCard), name);
    }
    assert.deepEqual(jobsFor(event('site.changed', { scope: '*' })), []);
  });

  it('causes nothing durable for a cache-only event', () => {
    assert.deepEqual(jobsFor(event('curation.changed', {})), []);
  });
});
