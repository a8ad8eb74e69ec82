// Compile-once queries: arguments are swapped into the compiled parameter list, constants stay,
// and a builder whose shape depends on its arguments is refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { prepared } from '../../../src/storage/prepared.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

describe('prepared queries', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase('sqlite');
    const now = new Date().toISOString();
    await db.storage.db
      .insertInto('editions')
      .values([
        { code: 'en', native_name: 'English', english_name: 'English', direction: 'ltr', locale: 'en-GB', calendar: 'gregory', numbering: 'latn', time_zone: 'UTC', is_default: 1, position: 0, created_at: now },
        { code: 'fa', native_name: 'فارسی', english_name: 'Persian', direction: 'rtl', locale: 'fa-IR', calendar: 'persian', numbering: 'arabext', time_zone: 'Asia/Tehran', is_default: 0, position: 1, created_at: now },
      ])
      .execute();
  });
  after(() => db.drop());

  it('runs the compiled query with each call’s arguments, keeping constants', async () => {
    const byDirection = prepared((k, direction: 'ltr' | 'rtl') => k.selectFrom('editions').select('code').where('direction', '=', direction).where('is_default', '>=', 0).orderBy('code'));
    assert.deepEqual(await byDirection(db.storage.db, 'rtl'), [{ code: 'fa' }]);
    assert.deepEqual(await byDirection(db.storage.db, 'ltr'), [{ code: 'en' }]);
    assert.deepEqual(await byDirection(db.storage.db, 'sideways' as 'ltr'), []);
  });

  it('refuses a builder that uses an argument twice or not at all', async () => {
    const twice = prepared((k, code: string) => k.selectFrom('editions').select('code').where('code', '=', code).where('english_name', '!=', code));
    await assert.rejects(twice(db.storage.db, 'en'), /exactly once/);
    const unused = prepared((k, _code: string) => k.selectFrom('editions').select('code'));
    await assert.rejects(unused(db.storage.db, 'en'), /exactly once/);
  });
});
