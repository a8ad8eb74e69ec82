// The one catalogue of failures the domain may raise: every code is declared once in ERROR_CODES
// with the kind(s) it may carry, so a misspelt code fails the type-check. Messages are i18n keys,
// never English; only web/ turns these into HTTP answers (the status table lives there too).

export type ErrorKind =
  | 'NotFound'
  | 'Gone'
  | 'Invalid'
  | 'Unauthenticated'
  | 'Forbidden'
  | 'Conflict'
  | 'RateLimited'
  | 'Unavailable';

/**
 * Code → kind. A code raised with more than one kind lists them all: ARTICLE_REMOVED is Gone to a
 * reader and a Conflict to an editor changing it; ARTICLE_FORBIDDEN is Unauthenticated until the
 * actor signs in.
 */
export const ERROR_CODES = {
  AUTH_REQUIRED: 'Unauthenticated',
  ROLE_FORBIDDEN: 'Forbidden',
  EDITION_NOT_FOUND: 'NotFound',
  EDITION_INVALID: 'Invalid',
  EDITION_CODE_TAKEN: 'Conflict',
  SECTION_NOT_FOUND: 'NotFound',
  SECTION_INVALID: 'Invalid',
  SECTION_SLUG_TAKEN: 'Conflict',
  TAG_NOT_FOUND: 'NotFound',
  TAG_INVALID: 'Invalid',
  TAG_SLUG_TAKEN: 'Conflict',
  ENTITY_NOT_FOUND: 'NotFound',
  ENTITY_INVALID: 'Invalid',
  ENTITY_KEY_TAKEN: 'Conflict',
  ENTITY_NAME_TAKEN: 'Conflict',
  USER_INVALID: 'Invalid',
  USER_EMAIL_TAKEN: 'Conflict',
  USER_NOT_FOUND: 'NotFound',
  TOKEN_NOT_FOUND: 'NotFound',
  ARTICLE_NOT_FOUND: 'NotFound',
  ARTICLE_INVALID: 'Invalid',
  ARTICLE_FORBIDDEN: ['Forbidden', 'Unauthenticated'],
  ARTICLE_REMOVED: ['Gone', 'Conflict'],
  ARTICLE_TRANSLATION_EXISTS: 'Conflict',
  ARTICLE_SLUG_TAKEN: 'Conflict',
  ARTICLE_VERSION_CONFLICT: 'Conflict',
  ARTICLE_ILLEGAL_TRANSITION: 'Conflict',
  ARTICLE_SCHEDULE_IN_PAST: 'Invalid',
  CURSOR_INVALID: 'Invalid',
  MEDIA_INVALID: 'Invalid',
  MEDIA_NOT_FOUND: 'NotFound',
  /** The upload is larger than MAX_IMAGE_BYTES (413). */
  MEDIA_TOO_LARGE: 'Invalid',
  /** The upload is not an image we accept, or says it is another kind than its bytes are (415). */
  MEDIA_UNSUPPORTED: 'Invalid',
  /** Articles show the image (featured or in their body): it cannot be deleted. */
  MEDIA_IN_USE: 'Conflict',
  SITEMAP_NOT_FOUND: 'NotFound',
  BLOCK_INVALID: 'Invalid',
  SEARCH_INVALID: 'Invalid',
  AUTH_FAILED: 'Unauthenticated',
  AUTH_THROTTLED: 'RateLimited',
  AUTH_SECOND_FACTOR_FAILED: 'Unauthenticated',
  CSRF_FAILED: 'Forbidden',
  PASSWORD_INVALID: 'Invalid',
  TOTP_INVALID: 'Invalid',
  INVITATION_NOT_FOUND: 'NotFound',
  INVITATION_USED: 'Gone',
  INVITATION_EXPIRED: 'Gone',
  INVITATION_INVALID: 'Invalid',
  USER_SELF: 'Conflict',
  PASSWORD_CHANGE_REQUIRED: 'Forbidden',
  EDITION_FORBIDDEN: 'Forbidden',
  SITE_INVALID: 'Invalid',
  COMMENT_INVALID: 'Invalid',
  COMMENT_NOT_FOUND: 'NotFound',
  /** Comments are closed on the article (by an editor, or by the edition's age rule). */
  COMMENT_CLOSED: 'Forbidden',
  /** The form token is forged, altered, for another article or too old. */
  COMMENT_TOKEN_INVALID: 'Invalid',
  /** The same form submission arrived twice from one client. */
  COMMENT_REPLAYED: 'Conflict',
  COMMENT_RATE_LIMITED: 'RateLimited',
  COMMENT_SETTINGS_INVALID: 'Invalid',
} as const satisfies Record<string, ErrorKind | readonly ErrorKind[]>;

export type ErrorCode = keyof typeof ERROR_CODES;

type KindsIn<T> = T extends readonly ErrorKind[] ? T[number] : T;
/** The kinds a code may be raised with. */
export type KindOf<C extends ErrorCode> = KindsIn<(typeof ERROR_CODES)[C]>;
/** The codes that may be raised with a kind. */
export type CodeOf<K extends ErrorKind> = { [C in ErrorCode]: K extends KindOf<C> ? C : never }[ErrorCode];

export interface FieldProblem {
  field: string;
  /** i18n key, e.g. `errors.field.required`. */
  key: string;
  params?: Record<string, string | number>;
}

export class DomainError<C extends ErrorCode = ErrorCode> extends Error {
  readonly kind: ErrorKind;
  /** Stable machine code, NOUN_REASON, declared in ERROR_CODES. */
  readonly code: C;
  readonly fields: FieldProblem[];
  readonly retryAfter: number | undefined;
  readonly params: Record<string, string | number>;

  constructor(
    kind: KindOf<C>,
    code: C,
    options: { fields?: FieldProblem[]; retryAfter?: number; params?: Record<string, string | number> } = {},
  ) {
    super(code);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.fields = options.fields ?? [];
    this.retryAfter = options.retryAfter;
    this.params = options.params ?? {};
  }
}

export const notFound = (code: CodeOf<'NotFound'>) => new DomainError('NotFound', code);
export const gone = (code: CodeOf<'Gone'>) => new DomainError('Gone', code);
export const forbidden = (code: CodeOf<'Forbidden'>) => new DomainError('Forbidden', code);
export const conflict = (code: CodeOf<'Conflict'>, params?: Record<string, string | number>) =>
  new DomainError('Conflict', code, params ? { params } : {});
export const invalid = (code: CodeOf<'Invalid'>, fields: FieldProblem[]) => new DomainError('Invalid', code, { fields });

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
