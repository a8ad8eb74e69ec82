// PostgreSQL specifics: SQLSTATE 23505 is unique_violation.
import type { DialectAdapter } from '../contract.js';

export const postgresAdapter: DialectAdapter = {
  name: 'postgres',
  isUniqueViolation(error) {
    return (error as { code?: unknown } | null)?.code === '23505';
  },
};
