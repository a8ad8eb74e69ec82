// Applies the ordered migrations; each is told the dialect explicitly. Runs at start and by `dateline migrate`.
import { Migrator, type Kysely, type Migration, type MigrationResult } from 'kysely';
import type { DialectName } from '../config.js';
import * as newsroom from './migrations/2026-11-24-001-newsroom.js';
import * as related from './migrations/2026-11-24-002-related.js';
import * as mediaVariants from './migrations/2026-11-24-003-media-variants.js';
import * as outbox from './migrations/2026-12-02-001-outbox.js';
import * as refoldNames from './migrations/2026-12-02-002-refold-names.js';
import * as search from './migrations/2026-12-02-003-search.js';
import * as searchNames from './migrations/2026-12-02-004-search-names.js';
import * as searchMeta from './migrations/2026-12-03-005-search-meta.js';
import * as mediaAvif from './migrations/2026-12-02-302-media-avif.js';
import * as siteIdentity from './migrations/2026-12-03-101-site-identity.js';
import * as sessions from './migrations/2026-12-03-201-sessions.js';
import * as comments from './migrations/2026-12-03-301-comments.js';
import * as relatedFloor from './migrations/2026-12-03-401-related-floor.js';
import * as commentStates from './migrations/2026-12-04-501-comment-states.js';
import * as articleList from './migrations/2026-12-04-601-article-list.js';
import * as articleMedia from './migrations/2026-12-04-901-article-media.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
type Step = { up(db: AnyDb, dialect: DialectName): Promise<void> };

/** Date-named and never edited once landed: add a new file for every change. */
const steps: Record<string, Step> = {
  '2026-11-24-001-newsroom': newsroom as unknown as Step,
  '2026-11-24-002-related': related as unknown as Step,
  '2026-11-24-003-media-variants': mediaVariants as unknown as Step,
  '2026-12-02-001-outbox': outbox as unknown as Step,
  '2026-12-02-002-refold-names': refoldNames as unknown as Step,
  '2026-12-02-003-search': search as unknown as Step,
  '2026-12-02-004-search-names': searchNames as unknown as Step,
  '2026-12-03-005-search-meta': searchMeta as unknown as Step,
  '2026-12-02-302-media-avif': mediaAvif as unknown as Step,
  '2026-12-03-101-site-identity': siteIdentity as unknown as Step,
  '2026-12-03-201-sessions': sessions as unknown as Step,
  '2026-12-03-301-comments': comments as unknown as Step,
  '2026-12-03-401-related-floor': relatedFloor as unknown as Step,
  '2026-12-04-501-comment-states': commentStates as unknown as Step,
  '2026-12-04-601-article-list': articleList as unknown as Step,
  '2026-12-04-901-article-media': articleMedia as unknown as Step,
};

/** Applies every migration up to and including `target` (tests of a data migration); all when omitted. */
export async function migrateToLatest(db: AnyDb, dialect: DialectName, target?: string): Promise<string[]> {
  if (target !== undefined && !(target in steps)) throw new Error(`No migration named ${target}`);
  const migrations: Record<string, Migration> = {};
  for (const [name, step] of Object.entries(steps)) {
    migrations[name] = { up: (handle) => step.up(handle, dialect) };
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
    // Features land from parallel branches with their own date prefixes; each migration stands
    // alone, so one that sorts before an applied one still runs (once) rather than stopping start-up.
    allowUnorderedMigrations: true,
  });
  const { error, results } = target === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(target);
  if (error) {
    const failed = results?.find((r: MigrationResult) => r.status === 'Error');
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${message}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
