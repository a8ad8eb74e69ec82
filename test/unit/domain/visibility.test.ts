// The visibility rule's contract with compile-once queries (storage/prepared.ts): the time and the
// edition are bound parameters, once each (the status is the constant 'published' in the SQL), and
// the expression's shape depends only on whether an edition is given.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { visible } from '../../../src/domain/articles/visibility.js';
import type { DB } from '../../../src/storage/schema.js';

const db = new Kysely<DB>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new SqliteIntrospector(k),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

const compile = (rule: ReturnType<typeof visible>) => db.selectFrom('articles as page').select('page.id').where(rule).compile();

describe('visible', () => {
  it('binds the time and the edition as parameters, each once, and names the aliased table', () => {
    const withEdition = compile(visible({ now: '2026-11-24T12:00:00.000Z', edition: 'fa', alias: 'page' }));
    assert.deepEqual(withEdition.parameters, ['2026-11-24T12:00:00.000Z', 'fa']);
    assert.match(withEdition.sql, /"page"\."status" = 'published' and "page"\."published_at" <= \? and "page"\."edition_code" = \?/);
    assert.deepEqual(compile(visible({ now: '2026-11-24T12:00:00.000Z', alias: 'page' })).parameters, ['2026-11-24T12:00:00.000Z']);
  });

  it('keeps one shape for any values, so a query compiled with placeholders stays valid', () => {
    const a = compile(visible({ now: 'x', edition: 'en', alias: 'page' })).sql;
    const b = compile(visible({ now: '2030-01-01T00:00:00.000Z', edition: 'ar', alias: 'page' })).sql;
    assert.equal(a, b);
  });
});
