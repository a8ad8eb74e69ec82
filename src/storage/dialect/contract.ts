// What differs between SQLite and PostgreSQL beyond SQL the query builder already abstracts.
import type { DialectName } from '../../config.js';

export interface DialectAdapter {
  name: DialectName;
  /** True when the error is a violation of a UNIQUE constraint (or primary key). */
  isUniqueViolation(error: unknown): boolean;
}
