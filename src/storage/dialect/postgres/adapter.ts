// PostgreSQL specifics: SQLSTATE 23505 is unique_violation.
import { sql } from 'kysely';
import type { DialectAdapter } from '../contract.js';

export const postgresAdapter: DialectAdapter = {
  name: 'postgres',
  isUniqueViolation(error) {
    return (error as { code?: unknown } | null)?.code === '23505';
  },
  async analyze(db, tables) {
    await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
  },
};
