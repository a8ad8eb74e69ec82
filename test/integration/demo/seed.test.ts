// The demo newsroom seeds through the domain on every dialect and holds what a newcomer should see.
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, it } from 'node:test';
import { seedDemo, seedDemoIfEmpty } from '../../../src/cli/demo/seed.js';
import { getPublished, listPublished } from '../../../src/domain/articles/index.js';
import { findEntitiesByName } from '../../../src/domain/editions/index.js';
import { listLiveBlocks } from '../../../src/domain/curation/index.js';
import { verifyPassword } from '../../../src/domain/users/index.js';
import { createFileBlobStore } from '../../../src/storage/blobs/fs-store.js';
import { eachDialect } from '../../support/database.js';

eachDialect('demo newsroom', (h) => {
  let result: Awaited<ReturnType<typeof seedDemo>>;
  const blobs = () => createFileBlobStore(path.join(h().db.env.DATA_DIR ?? '', 'media'));

  before(async () => {
    result = await seedDemo(h().ctx(), blobs());
  });

  it('has three editions, English, Persian and Arabic, and at least 40 articles', async () => {
    assert.equal(result.editions, 3);
    assert.ok(result.articles >= 40, `${result.articles} articles`);
    const editions = await h().db.storage.db.selectFrom('editions').select(['code', 'direction', 'calendar']).orderBy('position').execute();
    assert.deepEqual(editions, [
      { code: 'en', direction: 'ltr', calendar: 'gregory' },
      { code: 'fa', direction: 'rtl', calendar: 'persian' },
      { code: 'ar', direction: 'rtl', calendar: 'gregory' },
    ]);
  });

  it('links translations of several stories across all three editions', async () => {
    const db = h().db.storage.db;
    const stories = await db
      .selectFrom('articles')
      .select(['story_id'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy('story_id')
      .having((eb) => eb.fn.countAll(), '=', 3)
      .execute();
    assert.ok(stories.length >= 5, `${stories.length} stories in three editions`);
    const page = await listPublished(h().ctx(), { edition: 'fa', limit: 50 });
    const withTranslations = await Promise.all(page.items.map((a) => getPublished(h().ctx(), { edition: 'fa', id: a.id })));
    assert.ok(withTranslations.some((a) => a.translations.map((t) => t.edition).sort().join() === 'ar,en'));
  });

  it('knows a place by three English spellings', async () => {
    const ids = new Set<number>();
    const place = await h().db.storage.db
      .selectFrom('entity_names')
      .innerJoin('entities', 'entities.id', 'entity_names.entity_id')
      .select(['entity_names.entity_id', 'entity_names.name'])
      .where('entities.kind', '=', 'place')
      .where('entity_names.language', '=', 'en')
      .execute();
    const byEntity = new Map<number, string[]>();
    for (const row of place) byEntity.set(row.entity_id, [...(byEntity.get(row.entity_id) ?? []), row.name]);
    const [entityId, spellings] = [...byEntity].find(([, names]) => names.length >= 3) ?? [];
    assert.ok(entityId && spellings, 'a place with at least three English names');
    for (const spelling of spellings) for (const id of await findEntitiesByName(h().ctx(), 'en', spelling)) ids.add(id);
    assert.deepEqual([...ids], [entityId]);
  });

  it('curates a lead story, top stories and the sidebar (cartoon, statement, banner) per edition', async () => {
    for (const edition of ['en', 'fa', 'ar']) {
      const blocks = await listLiveBlocks(h().ctx(), edition);
      assert.equal(blocks.filter((b) => b.slot === 'lead').length, 1, edition);
      assert.ok(blocks.filter((b) => b.slot === 'top').length >= 3, edition);
      const sidebar = blocks.filter((b) => b.slot === 'sidebar').map((b) => b.kind);
      assert.deepEqual(sidebar, ['cartoon', 'statement', 'banner', 'most_recent'], edition);
    }
    const cartoon = (await listLiveBlocks(h().ctx(), 'en')).find((b) => b.kind === 'cartoon');
    const media = await h().db.storage.db.selectFrom('media').selectAll().where('id', '=', cartoon?.mediaId ?? 0).executeTakeFirstOrThrow();
    const stored = await blobs().get(media.blob_key);
    assert.ok(stored && stored.subarray(1, 4).toString() === 'PNG', 'the cartoon is stored as a PNG');
  });

  it('creates an admin with a random password that verifies, and never seeds twice', async () => {
    const admin = await h().db.storage.db.selectFrom('users').selectAll().where('email', '=', result.adminEmail).executeTakeFirstOrThrow();
    assert.equal(admin.role, 'admin');
    assert.match(admin.password_hash, /^\$argon2id\$/);
    assert.ok(await verifyPassword(admin.password_hash, result.adminPassword));
    assert.ok(result.adminPassword.length >= 20);
    assert.equal(await seedDemoIfEmpty(h().ctx(), blobs()), undefined);
  });
});
