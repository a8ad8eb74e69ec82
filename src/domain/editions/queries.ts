// Reads of editions: the languages an agency publishes in, with direction, calendar and numerals.
import { notFound } from '../../core/errors.js';
import type { Database } from '../../storage/database.js';
import type { EditionRow } from '../../storage/schema.js';

export interface Edition {
  code: string;
  nativeName: string;
  englishName: string;
  direction: 'ltr' | 'rtl';
  locale: string;
  calendar: string;
  numbering: string;
  timeZone: string;
  isDefault: boolean;
}

function toEdition(row: EditionRow): Edition {
  return {
    code: row.code,
    nativeName: row.native_name,
    englishName: row.english_name,
    direction: row.direction,
    locale: row.locale,
    calendar: row.calendar,
    numbering: row.numbering,
    timeZone: row.time_zone,
    isDefault: row.is_default === 1,
  };
}

export async function listEditions(db: Database): Promise<Edition[]> {
  const rows = await db.selectFrom('editions').selectAll().orderBy('position').orderBy('code').execute();
  return rows.map(toEdition);
}

export async function getEdition(db: Database, code: string): Promise<Edition> {
  const row = await db.selectFrom('editions').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) throw notFound('EDITION_NOT_FOUND');
  return toEdition(row);
}
