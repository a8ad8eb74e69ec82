// Pure checks on article input: lengths, required fields, body structure, explicit slugs.
import type { FieldProblem } from '../../core/errors.js';
import { documentFromText, validateDocument, type BodyDocument } from './document.js';
import { isValidSlug } from './slug.js';

export interface ArticleFields {
  headline: string;
  dek: string;
  dateline: string;
  creditLine: string;
  byline: string;
  body: BodyDocument;
  sectionId: number | null;
  tagIds: number[];
  entityIds: number[];
  featuredMediaId: number | null;
  commentsOpen: boolean;
}

export interface ArticleInput {
  edition: string;
  headline: string;
  dek?: string;
  dateline?: string;
  creditLine?: string;
  byline?: string;
  /** A structured document, or plain text with blank lines between paragraphs. */
  body: BodyDocument | string;
  slug?: string;
  sectionId?: number | null;
  tagIds?: number[];
  entityIds?: number[];
  featuredMediaId?: number | null;
  commentsOpen?: boolean;
}

export type ArticlePatch = Partial<Omit<ArticleInput, 'edition'>> & {
  /** The version the editor saw; a newer stored version answers Conflict instead of overwriting. */
  expectedVersion?: number;
  /** Shown in the revision history. */
  note?: string;
};

const LIMITS = { headline: 300, dek: 600, dateline: 120, creditLine: 200, byline: 200 } as const;

// C0 controls other than tab and newlines, and DEL: invisible paste debris that PostgreSQL refuses
// (NUL) and that XML feeds may not carry. They are dropped rather than refused.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** A text field as stored: control characters dropped, surrounding space trimmed. */
export function cleanText(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.replace(CONTROL, '').trim();
}

function cleanNode<T>(node: T): T {
  if (typeof node === 'string') return node.replace(CONTROL, '') as T;
  if (Array.isArray(node)) return node.map(cleanNode) as T;
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === 'text' || k === 'attribution' || typeof v === 'object' ? cleanNode(v) : v])) as T;
  }
  return node;
}

export function toDocument(body: BodyDocument | string): BodyDocument {
  return typeof body === 'string' ? documentFromText(body.replace(CONTROL, '')) : cleanNode(body);
}

/** Problems of a complete set of fields, after a patch has been applied to the stored ones. */
export function checkFields(fields: ArticleFields, slug?: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!fields.headline.trim()) problems.push({ field: 'headline', key: 'errors.field.required' });
  for (const [field, max] of Object.entries(LIMITS)) {
    const value = fields[field as keyof typeof LIMITS];
    if (typeof value !== 'string') problems.push({ field, key: 'errors.field.type' });
    else if (value.length > max) problems.push({ field, key: 'errors.field.too_long', params: { max } });
  }
  problems.push(...validateDocument(fields.body));
  if (fields.body.content.length === 0) problems.push({ field: 'body', key: 'errors.field.required' });
  if (slug !== undefined && !isValidSlug(slug)) problems.push({ field: 'slug', key: 'errors.article.slug' });
  const ids = (field: string, values: unknown[]) => {
    if (!values.every((v) => Number.isInteger(v) && (v as number) > 0)) problems.push({ field, key: 'errors.field.type' });
  };
  ids('tagIds', fields.tagIds);
  ids('entityIds', fields.entityIds);
  if (fields.sectionId !== null) ids('sectionId', [fields.sectionId]);
  if (fields.featuredMediaId !== null) ids('featuredMediaId', [fields.featuredMediaId]);
  return problems;
}
