// What differs between SQLite and PostgreSQL beyond SQL the query builder already abstracts.
import type { Kysely, RawBuilder, SelectQueryBuilder, SqlBool } from 'kysely';
import type { DialectName } from '../../config.js';

export interface DialectAdapter {
  name: DialectName;
  /** True when the error is a violation of a UNIQUE constraint (or primary key). */
  isUniqueViolation(error: unknown): boolean;
  /** Refreshes the planner's statistics for tables just filled in bulk. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: only raw SQL runs
  analyze(db: Kysely<any>, tables: string[]): Promise<void>;
  /**
   * Makes a SELECT of queue rows safe to claim from several servers at once: on PostgreSQL
   * `FOR UPDATE SKIP LOCKED` (each row goes to one claimer, nobody waits); on SQLite, where one
   * writer holds the whole database, the query as it is.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any query over any table
  forClaim<Q extends SelectQueryBuilder<any, any, any>>(query: Q): Q;
  /**
   * Wakes the other servers when the transaction commits (PostgreSQL NOTIFY is delivered at
   * commit and dropped on rollback); nothing on SQLite, where servers poll the outbox.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: only raw SQL runs
  notifyOnCommit(trx: Kysely<any>, channel: string, message: string): Promise<void>;
  /**
   * The page of search_documents matching `query`, and how many match in all. Matches are the
   * documents holding every token (the last one as a prefix unless prefixLast is false) and, OR-ed with them, the articles
   * linked to `entityIds`. The tokens are bound or quoted, never spliced as syntax (see
   * search-expression.ts), so no input can make a full-text syntax error.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: only raw SQL runs
  searchMatch(db: Kysely<any>, query: SearchMatch): Promise<{ total: number; hits: SearchMatchHit[] }>;
  /**
   * A condition on `articles`: its headline contains `text`, case folded in every script (the
   * newsroom's list). Answered by the headline's trigram index (migration 2026-12-04-601) when
   * `text` has three characters or more. `text` is always bound, never spliced, and LIKE
   * wildcards in it match themselves. Async because SQLite picks the plan by the number of
   * matches (see its adapter).
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: only raw SQL runs
  headlineContains(db: Kysely<any>, text: string): Promise<RawBuilder<SqlBool>>;
}

export interface SearchMatch {
  edition: string;
  /**
   * The text part, of folded terms (core/text terms()): every group must match, a group when one of
   * its alternatives does, an alternative when all its terms do. May be empty when entityIds is not.
   */
  groups: string[][][];
  /** The relaxed pass: a document matching any group counts (more groups, higher score). */
  any?: boolean;
  /** Whether the last group's first term also matches as a prefix (a word still being typed); true unless false. */
  prefixLast?: boolean;
  entityIds: number[];
  sectionId?: number;
  /** Inclusive lower and exclusive upper bound on published_at, ISO-8601 UTC. */
  from?: string;
  until?: string;
  /** Documents published later than this are left out (the clock readers see). */
  now: string;
  /** relevance: full-text score blended with recency; date: newest first. */
  sort: 'relevance' | 'date';
  limit: number;
  offset: number;
  /** How many text matches are scored at most (SCORED_MATCHES unless given: tests give a small one). */
  scoredMatches?: number;
}

export interface SearchMatchHit {
  articleId: number;
  score: number;
}

/**
 * Wake-ups from the other servers sharing one database (a new outbox event: read it now instead
 * of at the next poll). Sent with DialectAdapter.notifyOnCommit; on SQLite there is only one
 * server, so nothing arrives; on PostgreSQL it is LISTEN/NOTIFY.
 */
export interface Notifier {
  /** Calls onMessage for every message on the channel, including this server's own. */
  subscribe(channel: string, onMessage: (message: string) => void): Promise<void>;
  close(): Promise<void>;
}
