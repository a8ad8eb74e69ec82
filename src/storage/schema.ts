// Table interfaces: the single truth about columns, mirrored by the migrations.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** ISO-8601 UTC text, e.g. 2026-11-24T10:00:00.000Z. */
export type Timestamp = string;

export interface EditionsTable {
  code: string;
  native_name: string;
  english_name: string;
  direction: 'ltr' | 'rtl';
  locale: string;
  calendar: string;
  numbering: string;
  time_zone: string;
  is_default: number;
  position: number;
  created_at: Timestamp;
}

export interface SectionsTable {
  id: Generated<number>;
  edition_code: string;
  slug: string;
  name: string;
  position: number;
}

export interface TagsTable {
  id: Generated<number>;
  edition_code: string;
  slug: string;
  name: string;
}

export interface EntitiesTable {
  id: Generated<number>;
  key: string;
  kind: 'person' | 'place' | 'organisation';
  created_at: Timestamp;
}

export interface EntityNamesTable {
  id: Generated<number>;
  entity_id: number;
  language: string;
  name: string;
  normalized: string;
  is_primary: number;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: 'admin' | 'editor' | 'reporter' | 'translator' | 'moderator';
  password_hash: string;
  totp_secret: string | null;
  disabled_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** 1 until the account's first password (printed or given by an admin) is replaced. */
  must_change_password: Generated<number>;
  totp_pending_secret: string | null;
  totp_last_step: number | null;
  interface_language: string | null;
}

export interface UserEditionsTable {
  user_id: number;
  edition_code: string;
}

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  stage: 'second_factor' | 'signed_in';
  csrf_token: string;
  user_agent: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  key: string;
  failed_at: Timestamp;
}

export interface RecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: Timestamp | null;
}

export interface InvitationsTable {
  id: Generated<number>;
  token_hash: string;
  email: string;
  role: 'admin' | 'editor' | 'reporter' | 'translator' | 'moderator';
  editions: string;
  created_by: number | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface MediaTable {
  id: Generated<number>;
  blob_key: string;
  mime_type: string;
  width: number | null;
  height: number | null;
  byte_size: number;
  credit: string;
  uploaded_by: number | null;
  created_at: Timestamp;
}

export interface MediaTextsTable {
  media_id: number;
  language: string;
  alt_text: string;
  caption: string;
}

export interface StoriesTable {
  id: Generated<number>;
  created_at: Timestamp;
}

export type ArticleStatus = 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished' | 'removed';

export interface ArticlesTable {
  id: Generated<number>;
  story_id: number;
  edition_code: string;
  slug: string;
  headline: string;
  dek: string;
  dateline: string;
  credit_line: string;
  byline: string;
  body_doc: string;
  body_html: string;
  featured_media_id: number | null;
  section_id: number | null;
  status: ArticleStatus;
  comments_open: number;
  author_id: number | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  scheduled_at: Timestamp | null;
  published_at: Timestamp | null;
  first_published_at: Timestamp | null;
  unpublished_at: Timestamp | null;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
}

export interface ArticleEntitiesTable {
  article_id: number;
  entity_id: number;
}

export interface ArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  number: number;
  headline: string;
  snapshot: string;
  editor_id: number | null;
  editor_label: string;
  note: string;
  created_at: Timestamp;
}

export interface CommentsTable {
  id: Generated<number>;
  article_id: number;
  parent_id: number | null;
  author_name: string;
  author_email: string;
  author_url: string | null;
  body: string;
  status: 'pending' | 'approved' | 'spam' | 'trash';
  ip_hash: string;
  user_agent: string;
  moderated_by: number | null;
  created_at: Timestamp;
  moderated_at: Timestamp | null;
  root_id: number | null;
  depth: number;
  email_key: string;
  author_key_hash: string | null;
  notify_replies: number;
  spam_score: number;
  /** JSON array of the signals that held it. */
  reasons: string;
  body_key: string;
  trained_as: 'spam' | 'ham' | null;
  erased_at: Timestamp | null;
}

export interface CommentSettingsTable {
  edition_code: string;
  policy: 'hold_all' | 'hold_first' | 'approve_all';
  close_after_days: number | null;
  block_list: string;
  updated_at: Timestamp;
}

export interface CommentAttemptsTable {
  ip_hash: string;
  article_id: number;
  created_at: Timestamp;
}

export interface CommentNoncesTable {
  nonce: string;
  ip_hash: string;
  body_key: string;
  used_at: Timestamp;
  comment_id: number | null;
}

export interface CommentSpamTokensTable {
  token: string;
  spam: number;
  ham: number;
}

export interface CommentKeysTable {
  name: string;
  value: string;
}

export interface CuratedBlocksTable {
  id: Generated<number>;
  edition_code: string;
  slot: 'lead' | 'top' | 'sidebar';
  kind: 'article' | 'cartoon' | 'statement' | 'banner' | 'most_recent';
  position: number;
  article_id: number | null;
  media_id: number | null;
  title: string;
  body: string;
  attribution: string;
  link_url: string | null;
  starts_at: Timestamp | null;
  ends_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DB {
  editions: EditionsTable;
  sections: SectionsTable;
  tags: TagsTable;
  entities: EntitiesTable;
  entity_names: EntityNamesTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  user_editions: UserEditionsTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  recovery_codes: RecoveryCodesTable;
  invitations: InvitationsTable;
  media: MediaTable;
  media_texts: MediaTextsTable;
  stories: StoriesTable;
  articles: ArticlesTable;
  article_tags: ArticleTagsTable;
  article_entities: ArticleEntitiesTable;
  article_revisions: ArticleRevisionsTable;
  comments: CommentsTable;
  comment_settings: CommentSettingsTable;
  comment_attempts: CommentAttemptsTable;
  comment_nonces: CommentNoncesTable;
  comment_spam_tokens: CommentSpamTokensTable;
  comment_keys: CommentKeysTable;
  curated_blocks: CuratedBlocksTable;
  article_terms: ArticleTermsTable;
  related_articles: RelatedArticlesTable;
  media_variants: MediaVariantsTable;
  article_media: ArticleMediaTable;
  events: EventsTable;
  jobs: JobsTable;
  search_documents: SearchDocumentsTable;
  search_terms: SearchTermsTable;
  site_identity: SiteIdentityTable;
}

/** The outbox: one row per domain event, written in the transaction of the change. */
export interface EventsTable {
  id: Generated<number>;
  name: string;
  /** JSON of the event's payload. */
  payload: string;
  created_at: Timestamp;
  /** When a server turned the event into its jobs; null until then. */
  dispatched_at: Timestamp | null;
}

export type JobState = 'pending' | 'running' | 'done' | 'dead';

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload: string;
  unique_key: string | null;
  state: JobState;
  attempts: Generated<number>;
  max_attempts: number;
  run_at: Timestamp;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
}
export type JobRow = Selectable<JobsTable>;

export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticleRow = Insertable<ArticlesTable>;
export type ArticleRowPatch = Updateable<ArticlesTable>;
export type EditionRow = Selectable<EditionsTable>;
export type UserRow = Selectable<UsersTable>;

/** A term of a published article's tf-idf vector; the vector has unit length. */
export interface ArticleTermsTable {
  article_id: number;
  edition_code: string;
  term: string;
  weight: number;
}

/** An article's precomputed related list: rank 1 first, same edition only. */
export interface RelatedArticlesTable {
  article_id: number;
  related_id: number;
  rank: number;
  score: number;
}

/** An image an article's body shows (an image block); rewritten with the body at every save. */
export interface ArticleMediaTable {
  article_id: number;
  media_id: number;
}

/** A rendition of an image in one modern format (AVIF, WebP) at one width, for <picture> sources; keyed by (media, format, width). */
export interface MediaVariantsTable {
  media_id: number;
  width: number;
  height: number;
  blob_key: string;
  mime_type: string;
  byte_size: number;
}

/**
 * A visible article as search reads it: its folded terms (headline ×3, dek ×2, body ×1). The
 * full-text index over `terms` is the dialect's (an FTS5 table on SQLite, a generated tsvector
 * column on PostgreSQL) and is not part of this interface.
 */
export interface SearchDocumentsTable {
  article_id: number;
  edition_code: string;
  section_id: number | null;
  terms: string;
  published_at: Timestamp;
  indexed_at: Timestamp;
}

/** Every term an edition's index has held, for did-you-mean; a stale one is checked before use. */
export interface SearchTermsTable {
  edition_code: string;
  term: string;
  /** core/text nameKey of a Latin word (its transliteration skeleton), else null. */
  name_key: string | null;
}

/** The agency's identity: scope '*' for the whole site, an edition code for what that edition overrides (null inherits). */
export interface SiteIdentityTable {
  scope: string;
  name: string | null;
  about: string | null;
  contact: string | null;
  corrections: string | null;
  terms: string | null;
  privacy: string | null;
  /** JSON array of https URLs. */
  social: string | null;
  brand_color: string | null;
  logo_key: string | null;
  logo_type: string | null;
  logo_width: number | null;
  logo_height: number | null;
  favicon_key: string | null;
  favicon_type: string | null;
  updated_at: Timestamp;
}
