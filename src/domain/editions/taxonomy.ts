// Sections and tags of an edition, and entities (people, places, organisations) with a primary
// name and aliases per language. Entities live here, beside the taxonomy, because articles
// (lower in the domain order than search) must reference them.
import { invalid, notFound } from '../../core/errors.js';
import { cleanLine, foldName } from '../../core/text/index.js';
import type { DbCtx } from '../../storage/database.js';
import { transact } from '../../storage/outbox.js';
import { assertSystemOrRole } from './access.js';

export interface Term {
  id: number;
  edition: string;
  slug: string;
  name: string;
}

export interface EntityView {
  id: number;
  key: string;
  kind: 'person' | 'place' | 'organisation';
  name: string;
  aliases: string[];
}

/**
 * The matching form of a name, for aliases: foldForMatch without spaces or punctuation, so
 * "Deir ez-Zor" ~ "Deir Ezzor" and علي ~ علی. Stored in entity_names.normalized.
 */
export const normalizeName = foldName;

export async function listSections(ctx: DbCtx, edition: string): Promise<Term[]> {
  return ctx.db
    .selectFrom('sections')
    .select(['id', 'edition_code as edition', 'slug', 'name'])
    .where('edition_code', '=', edition)
    .orderBy('position')
    .orderBy('name')
    .execute();
}

export async function getSectionBySlug(ctx: DbCtx, edition: string, slug: string): Promise<Term> {
  const row = await ctx.db
    .selectFrom('sections')
    .select(['id', 'edition_code as edition', 'slug', 'name'])
    .where('edition_code', '=', edition)
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!row) throw notFound('SECTION_NOT_FOUND');
  return row;
}

export async function getTagBySlug(ctx: DbCtx, edition: string, slug: string): Promise<Term> {
  const row = await ctx.db
    .selectFrom('tags')
    .select(['id', 'edition_code as edition', 'slug', 'name'])
    .where('edition_code', '=', edition)
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!row) throw notFound('TAG_NOT_FOUND');
  return row;
}

export async function getEntityByKey(ctx: DbCtx, key: string, language: string): Promise<EntityView> {
  const entity = await ctx.db.selectFrom('entities').selectAll().where('key', '=', key).executeTakeFirst();
  if (!entity) throw notFound('ENTITY_NOT_FOUND');
  const names = await ctx.db
    .selectFrom('entity_names')
    .select(['name', 'is_primary', 'language'])
    .where('entity_id', '=', entity.id)
    .orderBy('is_primary', 'desc')
    .orderBy('id')
    .execute();
  const own = names.filter((n) => n.language === language);
  const primary = own.find((n) => n.is_primary === 1) ?? names.find((n) => n.is_primary === 1);
  return {
    id: entity.id,
    key: entity.key,
    kind: entity.kind,
    name: primary?.name ?? entity.key,
    aliases: own.filter((n) => n.is_primary === 0).map((n) => n.name),
  };
}

/** Entities whose name or alias in `language` matches `name` after normalization. */
export async function findEntitiesByName(ctx: DbCtx, language: string, name: string): Promise<number[]> {
  const rows = await ctx.db
    .selectFrom('entity_names')
    .select('entity_id')
    .distinct()
    .where('language', '=', language)
    .where('normalized', '=', normalizeName(name))
    .execute();
  return rows.map((r) => r.entity_id);
}

export interface NewEntity {
  key: string;
  kind: 'person' | 'place' | 'organisation';
  /** Per language: the primary name and its aliases. */
  names: Record<string, { name: string; aliases?: string[] }>;
}

export async function createEntity(ctx: DbCtx, input: NewEntity): Promise<number> {
  assertSystemOrRole(ctx.actor, ['admin', 'editor']);
  if (!/^[a-z0-9][a-z0-9-]{0,79}$/.test(input.key)) throw invalid('ENTITY_INVALID', [{ field: 'key', key: 'errors.article.slug' }]);
  return transact(ctx, async (trx, record) => {
    const row = await trx
      .insertInto('entities')
      .values({ key: input.key, kind: input.kind, created_at: ctx.clock.now().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const values = Object.entries(input.names).flatMap(([language, n]) => {
      const seen = new Set<string>();
      return [n.name, ...(n.aliases ?? [])].flatMap((name, i) => {
        const normalized = normalizeName(name);
        if (!normalized || seen.has(normalized)) return [];
        seen.add(normalized);
        return [{ entity_id: row.id, language, name: cleanLine(name), normalized, is_primary: i === 0 ? 1 : 0 }];
      });
    });
    if (values.length) await trx.insertInto('entity_names').values(values).execute();
    await record('entity.changed', { id: row.id });
    return row.id;
  });
}
