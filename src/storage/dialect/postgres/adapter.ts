// PostgreSQL specifics: SQLSTATE 23505 is unique_violation.
import { sql, type SelectQueryBuilder } from 'kysely';
import type { DialectAdapter } from '../contract.js';

export const postgresAdapter: DialectAdapter = {
  name: 'postgres',
  isUniqueViolation(error) {
    return (error as { code?: unknown } | null)?.code === '23505';
  },
  async analyze(db, tables) {
    await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
  },
  forClaim: <Q,>(query: Q) => (query as unknown as SelectQueryBuilder<never, never, never>).forUpdate().skipLocked() as unknown as Q,
  async notifyOnCommit(trx, channel, message) {
    await sql`select pg_notify(${channel}, ${message})`.execute(trx);
  },
};
