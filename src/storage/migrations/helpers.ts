// Column builders that differ by dialect; the only place migrations branch on it.
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
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

/** Queues one job for the runner (a rebuild a data migration makes necessary), once per migration. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function queueMigrationJob(db: Kysely<any>, kind: string, migration: string): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto('jobs')
    .values({ kind, payload: '{}', unique_key: `migration:${migration}`, state: 'pending', attempts: 0, max_attempts: 3, run_at: now, created_at: now, updated_at: now })
    .execute();
}
