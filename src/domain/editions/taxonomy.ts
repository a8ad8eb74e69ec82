// Sections and tags of an edition, and entities (people, places, organisations) with a primary
// name and aliases per language. Entities live here, beside the taxonomy, because articles
// (lower in the domain order than search) must reference them.
import { DomainError, invalid, notFound, type FieldProblem } from '../../core/errors.js';
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

export async function listTags(ctx: DbCtx, edition: string): Promise<Term[]> {
  return ctx.db
    .selectFrom('tags')
    .select(['id', 'edition_code as edition', 'slug', 'name'])
    .where('edition_code', '=', edition)
    .orderBy('name')
    .orderBy('id')
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

export const ENTITY_KINDS = ['person', 'place', 'organisation'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
const ENTITY_KEY = /^[a-z0-9][a-z0-9-]{0,79}$/;
const ENTITY_NAME_MAX = 200;

export interface NewEntity {
  key: string;
  kind: EntityKind;
  /** Per language: the primary name and its aliases. */
  names: Record<string, { name: string; aliases?: string[] }>;
}

/** An entity with every name it has, per language: the primary one first, then the aliases. */
export interface EntityEntry {
  id: number;
  key: string;
  kind: EntityKind;
  names: Record<string, { name: string; aliases: string[] }>;
}

export async function listEntities(ctx: DbCtx): Promise<EntityEntry[]> {
  const [entities, names] = await Promise.all([
    ctx.db.selectFrom('entities').select(['id', 'key', 'kind']).orderBy('key').execute(),
    ctx.db.selectFrom('entity_names').select(['entity_id', 'language', 'name', 'is_primary']).orderBy('is_primary', 'desc').orderBy('id').execute(),
  ]);
  const byId = new Map(entities.map((e) => [e.id, { ...e, names: {} as EntityEntry['names'] }]));
  for (const n of names) {
    const entry = byId.get(n.entity_id);
    if (!entry) continue;
    // Primary names sort first, so the first name seen in a language is the one to show.
    const own = entry.names[n.language];
    if (own) own.aliases.push(n.name);
    else entry.names[n.language] = { name: n.name, aliases: [] };
  }
  return [...byId.values()];
}

/** Names must be in a language the newsroom publishes in, non-empty after folding, and bounded. */
async function nameProblems(ctx: DbCtx, names: Array<{ language: string; name: string }>): Promise<FieldProblem[]> {
  const editions = new Set((await ctx.db.selectFrom('editions').select('code').execute()).map((e) => e.code));
  const problems: FieldProblem[] = [];
  for (const { language, name } of names) {
    if (!editions.has(language)) problems.push({ field: `names.${language}`, key: 'errors.article.edition' });
    else if (!normalizeName(name)) problems.push({ field: `names.${language}`, key: 'errors.field.required' });
    else if (name.trim().length > ENTITY_NAME_MAX) problems.push({ field: `names.${language}`, key: 'errors.field.too_long', params: { max: ENTITY_NAME_MAX } });
  }
  return problems;
}

export async function createEntity(ctx: DbCtx, input: NewEntity): Promise<number> {
  assertSystemOrRole(ctx.actor, ['admin', 'editor']);
  const problems: FieldProblem[] = [];
  if (!ENTITY_KEY.test(input.key)) problems.push({ field: 'key', key: 'errors.entity.key' });
  if (!(ENTITY_KINDS as readonly string[]).includes(input.kind)) problems.push({ field: 'kind', key: 'errors.entity.kind' });
  const given = Object.entries(input.names).flatMap(([language, n]) => [n.name, ...(n.aliases ?? [])].map((name) => ({ language, name })));
  if (!Object.keys(input.names).length) problems.push({ field: 'names', key: 'errors.entity.names' });
  problems.push(...(await nameProblems(ctx, given)));
  if (problems.length) throw invalid('ENTITY_INVALID', problems);
  const taken = () => new DomainError('Conflict', 'ENTITY_KEY_TAKEN', { fields: [{ field: 'key', key: 'errors.entity.key_taken' }] });
  return transact(ctx, async (trx, record) => {
    if (await trx.selectFrom('entities').select('id').where('key', '=', input.key).executeTakeFirst()) throw taken();
    let id: number;
    try {
      id = (
        await trx
          .insertInto('entities')
          .values({ key: input.key, kind: input.kind, created_at: ctx.clock.now().toISOString() })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    } catch (error) {
      if (ctx.adapter.isUniqueViolation(error)) throw taken();
      throw error;
    }
    const values = Object.entries(input.names).flatMap(([language, n]) => {
      const seen = new Set<string>();
      return [n.name, ...(n.aliases ?? [])].flatMap((name, i) => {
        const normalized = normalizeName(name);
        if (!normalized || seen.has(normalized)) return [];
        seen.add(normalized);
        return [{ entity_id: id, language, name: cleanLine(name), normalized, is_primary: i === 0 ? 1 : 0 }];
      });
    });
    if (values.length) await trx.insertInto('entity_names').values(values).execute();
    await record('entity.changed', { id });
    return id;
  });
}

/**
 * Adds names to an entity, all or none. The first name in a language it had none in becomes its
 * primary name there; the rest are aliases. A name that folds like one it already has in that
 * language is refused, so "Deir ez-Zor" and "Deir Ezzor" cannot be entered twice.
 */
export async function addEntityNames(ctx: DbCtx, key: string, names: Array<{ language: string; name: string }>): Promise<void> {
  assertSystemOrRole(ctx.actor, ['admin', 'editor']);
  const problems = await nameProblems(ctx, names);
  if (!names.length) problems.push({ field: 'names', key: 'errors.entity.names' });
  if (problems.length) throw invalid('ENTITY_INVALID', problems);
  await transact(ctx, async (trx, record) => {
    const entity = await trx.selectFrom('entities').select('id').where('key', '=', key).executeTakeFirst();
    if (!entity) throw notFound('ENTITY_NOT_FOUND');
    const existing = await trx.selectFrom('entity_names').select(['language', 'normalized', 'is_primary']).where('entity_id', '=', entity.id).execute();
    const seen = new Set(existing.map((n) => `${n.language}\u0000${n.normalized}`));
    const withPrimary = new Set(existing.filter((n) => n.is_primary === 1).map((n) => n.language));
    const values = [];
    for (const { language, name } of names) {
      const normalized = normalizeName(name);
      if (seen.has(`${language}\u0000${normalized}`)) {
        throw new DomainError('Conflict', 'ENTITY_NAME_TAKEN', { fields: [{ field: `names.${language}`, key: 'errors.entity.name_taken', params: { name: name.trim() } }] });
      }
      seen.add(`${language}\u0000${normalized}`);
      values.push({ entity_id: entity.id, language, name: cleanLine(name), normalized, is_primary: withPrimary.has(language) ? 0 : 1 });
      withPrimary.add(language);
    }
    await trx.insertInto('entity_names').values(values).execute();
    await record('entity.changed', { id: entity.id });
  });
}
