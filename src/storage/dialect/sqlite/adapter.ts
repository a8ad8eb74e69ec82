// SQLite specifics: better-sqlite3 reports constraint failures with extended result codes.
import { sql } from 'kysely';
import type { DialectAdapter } from '../contract.js';

export const sqliteAdapter: DialectAdapter = {
  name: 'sqlite',
  isUniqueViolation(error) {
    const code = (error as { code?: unknown } | null)?.code;
    return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  },
  async analyze(db, tables) {
    for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(db);
  },
  forClaim: (query) => query,
  notifyOnCommit: async () => {},
};
