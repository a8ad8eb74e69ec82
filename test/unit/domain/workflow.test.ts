import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { can } from '../../../src/domain/articles/policy.js';
import { canTransition, TRANSITIONS, type ArticleStatus } from '../../../src/domain/articles/workflow.js';
import type { Actor, Role } from '../../../src/core/context.js';

const statuses = Object.keys(TRANSITIONS) as ArticleStatus[];

describe('workflow transitions', () => {
  it('allows exactly the editorial paths', () => {
    const allowed = statuses.flatMap((from) => statuses.filter((to) => canTransition(from, to)).map((to) => `${from}->${to}`));
    assert.deepEqual(allowed.sort(), [
      'draft->in_review',
      'draft->published',
      'draft->scheduled',
      'in_review->draft',
      'in_review->published',
      'in_review->scheduled',
      'published->removed',
      'published->unpublished',
      'scheduled->draft',
      'scheduled->published',
      'unpublished->draft',
      'unpublished->published',
      'unpublished->removed',
    ]);
  });

  it('treats removal as final', () => {
    for (const to of statuses) assert.equal(canTransition('removed', to), false);
  });
});

describe('article policy (role × action × state)', () => {
  const user = (role: Role, id = 7): Actor => ({ kind: 'user', id, role, name: role });
  const own = { authorId: 7, status: 'draft' as const };
  const others = { authorId: 8, status: 'draft' as const };
  const publishedOwn = { authorId: 7, status: 'published' as const };

  const table: Array<[Role, Parameters<typeof can>[1], Parameters<typeof can>[2], boolean]> = [
    ['admin', 'publish', others, true],
    ['editor', 'publish', others, true],
    ['editor', 'edit', publishedOwn, true],
    ['reporter', 'create', undefined, true],
    ['reporter', 'edit', own, true],
    ['reporter', 'edit', others, false],
    ['reporter', 'edit', publishedOwn, false],
    ['reporter', 'submit', own, true],
    ['reporter', 'publish', own, false],
    ['reporter', 'schedule', own, false],
    ['reporter', 'remove', own, false],
    ['translator', 'create', undefined, true],
    ['translator', 'edit', own, true],
    ['translator', 'unpublish', publishedOwn, false],
    ['moderator', 'create', undefined, false],
    ['moderator', 'read', others, false],
    ['moderator', 'read', undefined, false],
    ['reporter', 'read', own, true],
    ['reporter', 'read', others, false],
    ['reporter', 'read', { authorId: 8, status: 'published' }, false],
    ['translator', 'read', others, false],
    ['translator', 'read', { authorId: 8, status: 'in_review' }, true],
    ['translator', 'read', { authorId: 8, status: 'removed' }, false],
    ['editor', 'read', others, true],
    ['moderator', 'edit', others, false],
  ];
  for (const [role, action, resource, expected] of table) {
    it(`${role} ${expected ? 'may' : 'may not'} ${action} ${resource ? (resource.authorId === 7 ? `own ${resource.status}` : `another's ${resource.status}`) : ''}`, () => {
      assert.equal(can(user(role), action, resource), expected);
    });
  }

  it('denies anonymous actors everything and allows the system actor everything', () => {
    assert.equal(can({ kind: 'anonymous' }, 'read', others), false);
    assert.equal(can({ kind: 'system', reason: 'test' }, 'remove', others), true);
  });
});
