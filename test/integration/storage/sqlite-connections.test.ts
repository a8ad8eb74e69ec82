// SQLite's two connections: a plain read never waits for a transaction in progress and sees the
// last committed state; a write outside the transaction waits its turn; a rollback frees the writer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

describe('SQLite reader and writer', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase('sqlite');
  });
  after(() => db?.drop());

  const count = async () => Number((await db.storage.db.selectFrom('stories').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const stamp = new Date().toISOString();

  it('reads the committed state at once while a transaction is open, and writes wait for it', { timeout: 5000 }, async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    const transaction = db.storage.db.transaction().execute(async (trx) => {
      await trx.insertInto('stories').values({ created_at: stamp }).execute();
      await held;
      order.push('transaction');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));

    assert.equal(await count(), 0, 'the read answered during the transaction, without its uncommitted row');
    const write = db.storage.db
      .insertInto('stories')
      .values({ created_at: stamp })
      .execute()
      .then(() => order.push('write'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(order, [], 'the write waits for the transaction');

    release();
    await Promise.all([transaction, write]);
    assert.deepEqual(order, ['transaction', 'write']);
    assert.equal(await count(), 2, 'the reader sees both once committed');
  });

  it('gives the writer back after a rollback', async () => {
    await assert.rejects(
      db.storage.db.transaction().execute(async (trx) => {
        await trx.insertInto('stories').values({ created_at: stamp }).execute();
        throw new Error('changed my mind');
      }),
      /changed my mind/,
    );
    await db.storage.db.insertInto('stories').values({ created_at: stamp }).execute();
    assert.equal(await count(), 3);
  });
});
