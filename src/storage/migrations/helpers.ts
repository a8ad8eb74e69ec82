// Column builders that differ by dialect; the only place migrations branch on it.
import { sql, type ColumnDefinitionBuilder } from 'kysely';
import type { DialectName } from '../../config.js';

/** An integer surrogate key: AUTOINCREMENT on SQLite (ids never reused), IDENTITY on PostgreSQL. */
export function idColumn(dialect: DialectName) {
  return (c: ColumnDefinitionBuilder) =>
    dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity();
}

/** CHECK (column IN (...)) for a closed set of states, identical on both dialects. */
export function sqlIn(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
