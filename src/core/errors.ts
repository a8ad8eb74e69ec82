// The one catalogue of failures the domain may raise. Messages are i18n keys, never English;
// only web/plugins/errors.ts turns these into HTTP answers.

export type ErrorKind =
  | 'NotFound'
  | 'Gone'
  | 'Invalid'
  | 'Unauthenticated'
  | 'Forbidden'
  | 'Conflict'
  | 'RateLimited'
  | 'Unavailable';

export interface FieldProblem {
  field: string;
  /** i18n key, e.g. `errors.field.required`. */
  key: string;
  params?: Record<string, string | number>;
}

export class DomainError extends Error {
  readonly kind: ErrorKind;
  /** Stable machine code, NOUN_REASON. */
  readonly code: string;
  readonly fields: FieldProblem[];
  readonly retryAfter: number | undefined;
  readonly params: Record<string, string | number>;

  constructor(
    kind: ErrorKind,
    code: string,
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

export const notFound = (code: string) => new DomainError('NotFound', code);
export const gone = (code: string) => new DomainError('Gone', code);
export const forbidden = (code: string) => new DomainError('Forbidden', code);
export const conflict = (code: string, params?: Record<string, string | number>) =>
  new DomainError('Conflict', code, params ? { params } : {});
export const invalid = (code: string, fields: FieldProblem[]) => new DomainError('Invalid', code, { fields });

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** HTTP status for each kind; the web layer's single mapping table. */
export const statusOfKind: Record<ErrorKind, number> = {
  NotFound: 404,
  Gone: 410,
  Invalid: 422,
  Unauthenticated: 401,
  Forbidden: 403,
  Conflict: 409,
  RateLimited: 429,
  Unavailable: 503,
};
