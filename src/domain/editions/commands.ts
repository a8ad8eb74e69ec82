// Writes of editions and their taxonomy (sections, tags). Only admins (or the system) manage them.
import { invalid } from '../../core/errors.js';
import { cleanLine } from '../../core/text/index.js';
import type { DbCtx } from '../../storage/database.js';
import { transact } from '../../storage/outbox.js';
import { assertSystemOrRole } from './access.js';
import type { Edition } from './queries.js';

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export async function createEdition(ctx: DbCtx, edition: Edition & { position?: number }): Promise<void> {
  assertSystemOrRole(ctx.actor, ['admin']);
  const problems = [];
  if (!LANGUAGE_TAG.test(edition.code)) problems.push({ field: 'code', key: 'errors.edition.code' });
  if (!edition.nativeName.trim()) problems.push({ field: 'nativeName', key: 'errors.field.required' });
  if (edition.direction !== 'ltr' && edition.direction !== 'rtl') problems.push({ field: 'direction', key: 'errors.edition.direction' });
  try {
    new Intl.DateTimeFormat(edition.locale, { calendar: edition.calendar, numberingSystem: edition.numbering, timeZone: edition.timeZone });
  } catch {
    problems.push({ field: 'locale', key: 'errors.edition.locale' });
  }
  if (problems.length) throw invalid('EDITION_INVALID', problems);

  await transact(ctx, async (trx, record) => {
    if (edition.isDefault) await trx.updateTable('editions').set({ is_default: 0 }).execute();
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
    await record('edition.changed', { code: edition.code });
  });
}

export async function createSection(
  ctx: DbCtx,
  input: { edition: string; slug: string; name: string; position?: number },
): Promise<number> {
  assertSystemOrRole(ctx.actor, ['admin', 'editor']);
  return transact(ctx, async (trx, record) => {
    const row = await trx
      .insertInto('sections')
      .values({ edition_code: input.edition, slug: input.slug, name: cleanLine(input.name), position: input.position ?? 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await record('section.changed', { id: row.id, edition: input.edition });
    return row.id;
  });
}

export async function createTag(ctx: DbCtx, input: { edition: string; slug: string; name: string }): Promise<number> {
  assertSystemOrRole(ctx.actor, ['admin', 'editor', 'reporter', 'translator']);
  return transact(ctx, async (trx, record) => {
    const row = await trx
      .insertInto('tags')
      .values({ edition_code: input.edition, slug: input.slug, name: cleanLine(input.name) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await record('tag.changed', { id: row.id, edition: input.edition });
    return row.id;
  });
}
