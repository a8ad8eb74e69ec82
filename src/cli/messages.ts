// Failures as sentences an operator understands, from the English catalog (the same messages the
// JSON API gives per field), with the stable code in parentheses for scripts and searches.
import { ConfigError } from '../config.js';
import { isDomainError, type DomainError, type ErrorKind } from '../core/errors.js';
import { catalogs, translator, type MessageKey } from '../i18n/index.js';
import { StorageUnavailableError } from '../storage/database.js';
import { StartupError } from '../main.js';
import { Failure } from './command.js';

const english = translator({ language: 'en', locale: 'en', numbering: 'latn' });
const isKey = (key: string): key is MessageKey => key in catalogs.en!;

const KIND_KEYS: Record<ErrorKind, MessageKey> = {
  NotFound: 'errors.kind.not_found',
  Gone: 'errors.kind.gone',
  Invalid: 'errors.kind.invalid',
  Unauthenticated: 'errors.kind.unauthenticated',
  Forbidden: 'errors.kind.forbidden',
  Conflict: 'errors.kind.conflict',
  RateLimited: 'errors.kind.rate_limited',
  Unavailable: 'errors.kind.unavailable',
};

const kebab = (field: string) => field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** `names.fa` with { names: 'name' } → `--name fa`. */
function optionOf(field: string, fields: Record<string, string>): string {
  const [head = field, ...rest] = field.split('.');
  return [`--${fields[head] ?? kebab(head)}`, ...rest].join(' ');
}

/** The sentence for a code without fields: its own when the catalog has one, else its kind's. */
export function codeSentence(error: Pick<DomainError, 'code' | 'kind' | 'params'>): string {
  const key = `errors.code.${error.code.toLowerCase()}`;
  return english(isKey(key) ? key : KIND_KEYS[error.kind], error.params);
}

export function describeDomainError(error: DomainError, fields: Record<string, string> = {}): string {
  if (!error.fields.length) return `${codeSentence(error)} (${error.code})`;
  const parts = error.fields.map((f) => `${optionOf(f.field, fields)}: ${isKey(f.key) ? english(f.key, f.params) : english(KIND_KEYS[error.kind])}`);
  return `${parts.join(' ')} (${error.code})`;
}

/** One line for any failure; never a stack trace. */
export function describeError(error: unknown, fields?: Record<string, string>): string {
  if (error instanceof ConfigError) return `Configuration error: ${error.message}`;
  if (error instanceof StorageUnavailableError || error instanceof StartupError || error instanceof Failure) return error.message;
  if (isDomainError(error)) return describeDomainError(error, fields);
  const message = error instanceof Error ? error.message : String(error);
  return `Failed: ${message.split('\n')[0]}`;
}
