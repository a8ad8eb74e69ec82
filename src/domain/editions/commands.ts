// Writes of editions and their taxonomy (sections, tags). Only admins (or the system) manage
// editions; editors manage sections; anyone who writes may add a tag. Each write records its event
// so every server drops the pages that show the changed names.
import { DomainError, invalid, notFound, type FieldProblem } from '../../core/errors.js';
import { cleanLine, foldForSlug } from '../../core/text/index.js';
import type { DbCtx } from '../../storage/database.js';
import { transact } from '../../storage/outbox.js';
import { assertInEdition, assertSystemOrRole } from './access.js';
import { getEdition, type Edition } from './queries.js';

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const NAME_MAX = 120;
const TERM_SLUG_MAX = 80;
/** Scripts written right to left, for the direction an edition gets when none is given. */
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr']);

export type EditionPatch = Partial<Omit<Edition, 'code'>> & { position?: number };

/**
 * What CLDR says about a language, for the settings an operator leaves out: its direction (from
 * its likely script), its calendar and digits (the locale's defaults: fa → persian, arabext).
 * Undefined for a code Intl cannot read; createEdition then reports the code.
 */
export function editionDefaults(code: string): Pick<Edition, 'direction' | 'locale' | 'calendar' | 'numbering'> | undefined {
  try {
    const locale = new Intl.Locale(code);
    const script = locale.maximize().script ?? 'Latn';
    const resolved = new Intl.DateTimeFormat(code).resolvedOptions();
    return { direction: RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr', locale: code, calendar: resolved.calendar, numbering: resolved.numberingSystem };
  } catch {
    return undefined;
  }
}

function editionProblems(edition: Edition): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!LANGUAGE_TAG.test(edition.code)) problems.push({ field: 'code', key: 'errors.edition.code' });
  if (!edition.nativeName.trim()) problems.push({ field: 'nativeName', key: 'errors.field.required' });
  else if (edition.nativeName.trim().length > NAME_MAX) problems.push({ field: 'nativeName', key: 'errors.field.too_long', params: { max: NAME_MAX } });
  if (edition.englishName.trim().length > NAME_MAX) problems.push({ field: 'englishName', key: 'errors.field.too_long', params: { max: NAME_MAX } });
  if (edition.direction !== 'ltr' && edition.direction !== 'rtl') problems.push({ field: 'direction', key: 'errors.edition.direction' });
  // The time zone on its own, so the newsroom marks the field that is wrong (an IANA name Intl knows).
  let zoneKnown = true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: edition.timeZone });
  } catch {
    zoneKnown = false;
    problems.push({ field: 'timeZone', key: 'setup.error.time_zone' });
  }
  try {
    const format = new Intl.DateTimeFormat(edition.locale, { calendar: edition.calendar, numberingSystem: edition.numbering, ...(zoneKnown ? { timeZone: edition.timeZone } : {}) });
    // Intl silently falls back for an unknown calendar or numbering system; only an exact echo is support.
    const resolved = format.resolvedOptions();
    if (resolved.calendar !== edition.calendar || resolved.numberingSystem !== edition.numbering) throw new RangeError('unsupported');
  } catch {
    problems.push({ field: 'locale', key: 'errors.edition.locale' });
  }
  return problems;
}

const codeTaken = () => new DomainError('Conflict', 'EDITION_CODE_TAKEN', { fields: [{ field: 'code', key: 'errors.edition.code_taken' }] });

export async function createEdition(ctx: DbCtx, edition: Edition & { position?: number }): Promise<void> {
  assertSystemOrRole(ctx.actor, ['admin']);
  const problems = editionProblems(edition);
  if (problems.length) throw invalid('EDITION_INVALID', problems);

  await transact(ctx, async (trx, record) => {
    const existing = await trx.selectFrom('editions').select('code').where('code', '=', edition.code).executeTakeFirst();
    if (existing) throw codeTaken();
    if (edition.isDefault) await trx.updateTable('editions').set({ is_default: 0 }).execute();
    try {
      await trx
        .insertInto('editions')
        .values({
          code: edition.code,
          native_name: cleanLine(edition.nativeName),
          english_name: cleanLine(edition.englishName),
          direction: edition.direction,
          locale: edition.locale,
          calendar: edition.calendar,
          numbering: edition.numbering,
          time_zone: edition.timeZone,
          is_default: edition.isDefault ? 1 : 0,
          position: edition.position ?? 0,
          created_at: ctx.clock.now().toISOString(),
        })
        .execute();
    } catch (error) {
      // Two creators of the same code at once: the second hears what the check above would say.
      if (ctx.adapter.isUniqueViolation(error)) throw codeTaken();
      throw error;
    }
    await record('edition.changed', { code: edition.code });
  });
}

/** Changes an edition's names, direction, locale settings, order or default flag; its code stays. */
export async function updateEdition(ctx: DbCtx, code: string, patch: EditionPatch): Promise<Edition> {
  assertSystemOrRole(ctx.actor, ['admin']);
  const current = await getEdition(ctx.db, code);
  const next: Edition = { ...current, ...definedOnly(patch), code };
  const problems = editionProblems(next);
  if (patch.position !== undefined && !Number.isInteger(patch.position)) problems.push({ field: 'position', key: 'errors.field.type' });
  if (problems.length) throw invalid('EDITION_INVALID', problems);
  await transact(ctx, async (trx, record) => {
    // One default edition: setting it here clears it elsewhere; clearing the only default is allowed
    // (the site then falls back to the first edition).
    if (next.isDefault && !current.isDefault) await trx.updateTable('editions').set({ is_default: 0 }).execute();
    await trx
      .updateTable('editions')
      .set({
        native_name: cleanLine(next.nativeName),
        english_name: cleanLine(next.englishName),
        direction: next.direction,
        locale: next.locale,
        calendar: next.calendar,
        numbering: next.numbering,
        time_zone: next.timeZone,
        is_default: next.isDefault ? 1 : 0,
        ...(patch.position !== undefined ? { position: patch.position } : {}),
      })
      .where('code', '=', code)
      .execute();
    await record('edition.changed', { code });
  });
  return next;
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const DISALLOWED_IN_SLUG = /[^\p{L}\p{N}\p{M}]+/gu;

/**
 * A section or tag slug from its name, in any script: the same shape as an article slug
 * (core/text's foldForSlug, then single hyphens), so Persian names keep their letters.
 */
export function termSlug(name: string): string {
  return Array.from(foldForSlug(name).replace(DISALLOWED_IN_SLUG, '-').replace(/^-+|-+$/g, ''))
    .slice(0, TERM_SLUG_MAX)
    .join('')
    .replace(/-+$/, '');
}

const isTermSlug = (slug: string) => slug.length > 0 && termSlug(slug) === slug;

export interface NewTerm {
  edition: string;
  name: string;
  /** Derived from the name when omitted. */
  slug?: string;
}

async function termProblems(ctx: DbCtx, input: { edition?: string; name?: string; slug?: string }): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (input.edition !== undefined) {
    const edition = await ctx.db.selectFrom('editions').select('code').where('code', '=', input.edition).executeTakeFirst();
    if (!edition) problems.push({ field: 'edition', key: 'errors.article.edition' });
  }
  if (input.name !== undefined) {
    if (!input.name.trim()) problems.push({ field: 'name', key: 'errors.field.required' });
    else if (input.name.trim().length > NAME_MAX) problems.push({ field: 'name', key: 'errors.field.too_long', params: { max: NAME_MAX } });
  }
  if (input.slug !== undefined && !isTermSlug(input.slug)) problems.push({ field: 'slug', key: 'errors.article.slug' });
  return problems;
}

export async function createSection(ctx: DbCtx, input: NewTerm & { position?: number }): Promise<number> {
  assertSystemOrRole(ctx.actor, ['admin', 'editor']);
  assertInEdition(ctx.actor, input.edition);
  const slug = input.slug ?? termSlug(input.name);
  const problems = await termProblems(ctx, { edition: input.edition, name: input.name, slug });
  if (problems.length) throw invalid('SECTION_INVALID', problems);
  const taken = () => new DomainError('Conflict', 'SECTION_SLUG_TAKEN', { fields: [{ field: 'slug', key: 'errors.section.slug_taken' }] });
  return transact(ctx, async (trx, record) => {
    const existing = await trx.selectFrom('sections').select('id').where('edition_code', '=', input.edition).where('slug', '=', slug).executeTakeFirst();
    if (existing) throw taken();
    try {
      const row = await trx
        .insertInto('sections')
        .values({ edition_code: input.edition, slug, name: cleanLine(input.name), position: input.position ?? 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      await record('section.changed', { id: row.id, edition: input.edition });
      return row.id;
    } catch (error) {
      if (ctx.adapter.isUniqueViolation(error)) throw taken();
      throw error;
    }
  });
}

/** Renames, re-slugs or reorders a section, found by its edition and current slug. */
export async function updateSection(
  ctx: DbCtx,
  ref: { edition: string; slug: string },
  patch: { name?: string; slug?: string; position?: number },
): Promise<number> {
  assertSystemOrRole(ctx.actor, ['admin', 'editor']);
  assertInEdition(ctx.actor, ref.edition);
  const problems = await termProblems(ctx, { name: patch.name, slug: patch.slug });
  if (patch.position !== undefined && !Number.isInteger(patch.position)) problems.push({ field: 'position', key: 'errors.field.type' });
  if (problems.length) throw invalid('SECTION_INVALID', problems);
  const taken = () => new DomainError('Conflict', 'SECTION_SLUG_TAKEN', { fields: [{ field: 'slug', key: 'errors.section.slug_taken' }] });
  return transact(ctx, async (trx, record) => {
    const row = await trx.selectFrom('sections').select('id').where('edition_code', '=', ref.edition).where('slug', '=', ref.slug).executeTakeFirst();
    if (!row) throw notFound('SECTION_NOT_FOUND');
    if (patch.slug !== undefined && patch.slug !== ref.slug) {
      const clash = await trx.selectFrom('sections').select('id').where('edition_code', '=', ref.edition).where('slug', '=', patch.slug).executeTakeFirst();
      if (clash) throw taken();
    }
    const set = {
      ...(patch.name !== undefined ? { name: cleanLine(patch.name) } : {}),
      ...(patch.slug !== undefined ? { slug: patch.slug } : {}),
      ...(patch.position !== undefined ? { position: patch.position } : {}),
    };
    if (Object.keys(set).length) await trx.updateTable('sections').set(set).where('id', '=', row.id).execute();
    await record('section.changed', { id: row.id, edition: ref.edition });
    return row.id;
  });
}

export async function createTag(ctx: DbCtx, input: NewTerm): Promise<number> {
  assertSystemOrRole(ctx.actor, ['admin', 'editor', 'reporter', 'translator']);
  assertInEdition(ctx.actor, input.edition);
  const slug = input.slug ?? termSlug(input.name);
  const problems = await termProblems(ctx, { edition: input.edition, name: input.name, slug });
  if (problems.length) throw invalid('TAG_INVALID', problems);
  const taken = () => new DomainError('Conflict', 'TAG_SLUG_TAKEN', { fields: [{ field: 'slug', key: 'errors.tag.slug_taken' }] });
  return transact(ctx, async (trx, record) => {
    const existing = await trx.selectFrom('tags').select('id').where('edition_code', '=', input.edition).where('slug', '=', slug).executeTakeFirst();
    if (existing) throw taken();
    try {
      const row = await trx
        .insertInto('tags')
        .values({ edition_code: input.edition, slug, name: cleanLine(input.name) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await record('tag.changed', { id: row.id, edition: input.edition });
      return row.id;
    } catch (error) {
      if (ctx.adapter.isUniqueViolation(error)) throw taken();
      throw error;
    }
  });
}

/** Renames or re-slugs a tag of an edition (admins and editors of the edition); its pages are purged. */
export async function updateTag(ctx: DbCtx, ref: { edition: string; id: number }, patch: { name?: string; slug?: string }): Promise<number> {
  assertSystemOrRole(ctx.actor, ['admin', 'editor']);
  assertInEdition(ctx.actor, ref.edition);
  const problems = await termProblems(ctx, { name: patch.name, slug: patch.slug });
  if (problems.length) throw invalid('TAG_INVALID', problems);
  const taken = () => new DomainError('Conflict', 'TAG_SLUG_TAKEN', { fields: [{ field: 'slug', key: 'errors.tag.slug_taken' }] });
  return transact(ctx, async (trx, record) => {
    const row = await trx.selectFrom('tags').select(['id', 'slug']).where('edition_code', '=', ref.edition).where('id', '=', ref.id).executeTakeFirst();
    if (!row) throw notFound('TAG_NOT_FOUND');
    if (patch.slug !== undefined && patch.slug !== row.slug) {
      const clash = await trx.selectFrom('tags').select('id').where('edition_code', '=', ref.edition).where('slug', '=', patch.slug).executeTakeFirst();
      if (clash) throw taken();
    }
    const set = {
      ...(patch.name !== undefined ? { name: cleanLine(patch.name) } : {}),
      ...(patch.slug !== undefined ? { slug: patch.slug } : {}),
    };
    try {
      if (Object.keys(set).length) await trx.updateTable('tags').set(set).where('id', '=', row.id).execute();
    } catch (error) {
      if (ctx.adapter.isUniqueViolation(error)) throw taken();
      throw error;
    }
    await record('tag.changed', { id: row.id, edition: ref.edition });
    return row.id;
  });
}
