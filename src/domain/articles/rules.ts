// Pure checks on article input: lengths, required fields, body structure and limits, explicit slugs;
// and the cleaning every text field gets before it is checked and stored.
import type { FieldProblem } from '../../core/errors.js';
import { cleanLine } from '../../core/text/index.js';
import { cleanDocument, documentFromText, validateDocument, type BodyDocument } from './document.js';
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

/** A text field as stored: control characters and direction overrides dropped, surrounding space trimmed (core/text cleanLine). */
export function cleanText(value: string | undefined): string | undefined {
  return value === undefined ? undefined : cleanLine(value);
}

/** The body as stored: typed text becomes paragraphs; a document has its text cleaned without walking anything but its own shape. */
export function toDocument(body: BodyDocument | string): BodyDocument {
  return typeof body === 'string' ? documentFromText(body) : cleanDocument(body);
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
  if (Array.isArray(fields.body?.content) && fields.body.content.length === 0) problems.push({ field: 'body', key: 'errors.field.required' });
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
