// `dateline migrate`: creates the database if need be and applies pending migrations.
import { out, type Noun } from '../command.js';
import { withNewDatabase } from '../storage.js';

const migrate: Noun = {
  name: 'migrate',
  summary: 'Create the database if needed and apply pending migrations',
  run: {
    summary: 'Create the database if needed (SQLite in DATA_DIR, or the tables in DATABASE_URL) and apply pending migrations',
    async run(input) {
      const applied = await withNewDatabase(input.config(), async (_ctx, done) => done);
      out(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    },
  },
};
export default migrate;
