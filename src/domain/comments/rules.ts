// Pure checks and cleaning of a reader's comment: field limits, the one line cleaning of
// core/text, http(s) websites, and the folded forms the spam rules compare.
import { createHash } from 'node:crypto';
import { cleanLine, cleanTextBlock, foldForMatch, stripInvisible } from '../../core/text/index.js';
import type { FieldProblem } from '../../core/errors.js';

export const COMMENT_LIMITS = { name: 100, email: 254, website: 2048, body: 5000 } as const;
/** Replies nest three levels deep: a comment (0), a reply (1), a reply to the reply (2). */
export const MAX_DEPTH = 2;

export interface CommentFields {
  name: string;
  email: string;
  website: string;
  body: string;
}

// Deliberately plain: one @, no spaces, a dot in the domain. Deliverability is not knowable here.
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/u;

/** A website a reader gave: http(s), a host, no credentials; undefined when it is not one. */
export function websiteOf(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (!url.hostname || url.username || url.password) return undefined;
    if (!/^https?:\/\//i.test(raw)) return undefined;
    return url.toString();
  } catch {
    return undefined;
  }
}

/** Text as stored: controls, direction overrides and invisible characters dropped; newlines normalized. */
export function cleanBody(raw: string): string {
  const text = stripInvisible(cleanTextBlock(raw.replace(/\r\n?/g, '\n')));
  return text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

export function cleanFields(raw: Partial<CommentFields>): CommentFields {
  return {
    name: stripInvisible(cleanLine(raw.name ?? '')),
    email: cleanLine(raw.email ?? '').toLowerCase(),
    website: cleanLine(raw.website ?? ''),
    body: cleanBody(raw.body ?? ''),
  };
}

/** The problems of cleaned fields, each under its field with an i18n key. */
export function fieldProblems(f: CommentFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!f.name) problems.push({ field: 'name', key: 'comments.error.name_required' });
  else if ([...f.name].length > COMMENT_LIMITS.name) problems.push({ field: 'name', key: 'comments.error.name_long', params: { max: COMMENT_LIMITS.name } });
  if (!f.email) problems.push({ field: 'email', key: 'comments.error.email_required' });
  else if (f.email.length > COMMENT_LIMITS.email || !EMAIL.test(f.email)) problems.push({ field: 'email', key: 'comments.error.email_invalid' });
  if (f.website && (f.website.length > COMMENT_LIMITS.website || !websiteOf(f.website))) problems.push({ field: 'website', key: 'comments.error.website_invalid' });
  if (!f.body) problems.push({ field: 'body', key: 'comments.error.body_required' });
  else if ([...f.body].length > COMMENT_LIMITS.body) problems.push({ field: 'body', key: 'comments.error.body_long', params: { max: COMMENT_LIMITS.body } });
  return problems;
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+|\bwww\.[^\s<>"']+/giu;

/** How many links a text holds (auto-linked or not). */
export function linkCount(text: string): number {
  return (text.match(URL_PATTERN) ?? []).length;
}

/** The key two comments share when they say the same thing (case, letters and spacing folded). */
export function bodyKey(text: string): string {
  return createHash('sha256').update(foldForMatch(text).replace(/\s+/g, ' ').trim()).digest('base64url').slice(0, 22);
}

/** Block-list entries found in a text, both folded by core/text (Persian and Arabic letters alike). */
export function blockedWords(text: string, blockList: string): string[] {
  const folded = ` ${foldForMatch(text).replace(/\s+/g, ' ')} `;
  return blockList
    .split('\n')
    .map((line) => foldForMatch(line).replace(/\s+/g, ' ').trim())
    .filter((entry) => entry && folded.includes(` ${entry} `));
}
