// Entity names were folded by three different normalizers until core/text became the one; stored
// keys folded the old way would no longer match a lookup. Refold them (two aliases that now fold
// alike keep the primary one), and queue one rebuild of related articles, whose stored terms were
// made by the old tokenizer. Fresh databases have no rows and only get the schema version. A
// later change to the folding needs its own migration like this one.
import type { Kysely } from 'kysely';
import type { DialectName } from '../../config.js';
import { foldName } from '../../core/text/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  const rows = (await db
    .selectFrom('entity_names')
    .select(['id', 'entity_id', 'language', 'name', 'normalized'])
    .orderBy('is_primary', 'desc')
    .orderBy('id')
    .execute()) as Array<{ id: number; entity_id: number; language: string; name: string; normalized: string }>;
  const kept = new Set<string>();
  const drop: number[] = [];
  const change: Array<{ id: number; normalized: string }> = [];
  for (const row of rows) {
    const normalized = foldName(row.name);
    const key = `${row.entity_id}\u0000${row.language}\u0000${normalized}`;
    if (!normalized || kept.has(key)) drop.push(row.id);
    else {
      kept.add(key);
      if (normalized !== row.normalized) change.push({ id: row.id, normalized });
    }
  }
  for (let i = 0; i < drop.length; i += 500) await db.deleteFrom('entity_names').where('id', 'in', drop.slice(i, i + 500)).execute();
  // Two steps, so a new key never collides with an old one still waiting for its update; "~" is
  // never part of a folded name.
  for (const { id } of change) await db.updateTable('entity_names').set({ normalized: `~refold:${id}` }).where('id', '=', id).execute();
  for (const { id, normalized } of change) await db.updateTable('entity_names').set({ normalized }).where('id', '=', id).execute();

  const published = await db.selectFrom('articles').select('id').where('status', '=', 'published').limit(1).execute();
  if (published.length) {
    const now = new Date().toISOString();
    await db
      .insertInto('jobs')
      .values({
        kind: 'related.rebuild',
        payload: '{}',
        unique_key: 'migration:2026-12-02-002-refold-names',
        state: 'pending',
        attempts: 0,
        max_attempts: 3,
        run_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
}
