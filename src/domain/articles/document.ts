// The article body as a structured document (paragraphs, headings, attributed quotes, lists,
// marks and links), validated on the way in and rendered to HTML that is escaped by construction
// and then passed through sanitize-html as a second, independent allowlist. Every step is linear
// in the size of the input and bounded by the limits below, checked before any other work.
import sanitizeHtml from 'sanitize-html';
import type { FieldProblem } from '../../core/errors.js';
import { cleanTextBlock } from '../../core/text/index.js';

export type Mark = { type: 'bold' } | { type: 'italic' } | { type: 'link'; href: string };
export type Inline = { type: 'text'; text: string; marks?: Mark[] } | { type: 'break' };
export type Block =
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'heading'; level: 2 | 3; content: Inline[] }
  | { type: 'quote'; content: Inline[]; attribution?: string }
  | { type: 'list'; ordered: boolean; items: Inline[][] };
export interface BodyDocument {
  type: 'doc';
  content: Block[];
}

/**
 * Limits on a body (docs/ARCHITECTURE.md, "Limits on input"). A long feature of 30,000 words
 * with a link or a bold phrase in every sentence stays far below each of them; a document
 * beyond them is an attack or a broken client, and answers Invalid before any other work.
 */
export const BODY_LIMITS = {
  /** Blocks (paragraphs, headings, quotes, lists). */
  blocks: 1000,
  /** Characters of text, all text nodes and attributions together. */
  text: 200_000,
  /** Inline nodes (text runs and line breaks), all blocks together. */
  inlines: 10_000,
  /** Items of one list. */
  listItems: 500,
  /** Marks on one text run: bold, italic and a link, each once. */
  marks: 3,
  /** Characters of one link. */
  href: 2048,
  /** Characters of a quote's attribution. */
  attribution: 300,
  /** Nesting of JSON objects and arrays; the deepest legal path (doc › content › list › items › item › text › marks › mark) is 8. */
  depth: 10,
  /** JSON objects and arrays in the whole value, whatever their shape. */
  nodes: 100_000,
} as const;

export const MAX_BLOCKS = BODY_LIMITS.blocks;
export const MAX_TEXT = BODY_LIMITS.text;

type Problems = FieldProblem[];

/** Enough to tell an author what to fix; a hostile document must not make a huge answer. */
const MAX_PROBLEMS = 20;

// Characters URL parsers skip or reinterpret: browsers drop tabs and newlines anywhere in a URL
// (`java\tscript:` is `javascript:`), read a backslash as a slash in http(s) URLs (`/\evil.example`
// is `//evil.example`, another site), and format characters hide what the link says.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHAR = /[\s\u0000-\u001F\u007F-\u009F\\\p{Cf}]/u;

/** A relative path decoded until stable (at most three rounds), or undefined when an escape is malformed. */
function decodePath(path: string): string | undefined {
  let current = path;
  for (let round = 0; round < 3; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return undefined;
    }
    if (next === current) return current;
    current = next;
  }
  return /%[0-9a-f]{2}/i.test(current) ? undefined : current;
}

/**
 * Whether a link may appear in a body: an absolute http(s) URL with a host and no credentials, a
 * mailto: address, a path on this site, or a fragment. Everything a browser could read as another
 * site (`//x`, `/\x`, `\\x`, `/%5Cx`, `/%2F/x`) or another scheme (`java\nscript:`) is refused.
 */
export function isSafeHref(href: string): boolean {
  if (!href || href.length > BODY_LIMITS.href || UNSAFE_CHAR.test(href)) return false;
  if (href.startsWith('#')) return true;
  if (href.startsWith('/')) {
    const decoded = decodePath(href);
    // A decoded backslash or control is what an intermediary that decodes once would forward.
    return decoded !== undefined && !decoded.startsWith('//') && !UNSAFE_CHAR.test(decoded);
  }
  if (/^mailto:/i.test(href)) return /^mailto:[^@/?#]+@[^@/?#]+(\?[^#]*)?$/i.test(href);
  if (!/^https?:\/\/[^/?#]/i.test(href)) return false;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  // `https://trusted.example@evil.example/` shows one host and opens another.
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && url.username === '' && url.password === '';
}

/**
 * Depth and size of any JSON value, walked with an explicit stack (never recursion: 20,000 nested
 * arrays must not overflow the call stack), stopping at the first limit crossed.
 */
function shapeProblem(value: unknown): FieldProblem | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const stack: Array<{ node: object; depth: number }> = [{ node: value, depth: 1 }];
  let nodes = 1;
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (depth > BODY_LIMITS.depth) return { field: 'body', key: 'errors.body.too_deep', params: { max: BODY_LIMITS.depth } };
    const children: unknown[] = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) {
      if (child === null || typeof child !== 'object') continue;
      if (++nodes > BODY_LIMITS.nodes) return { field: 'body', key: 'errors.body.too_many_nodes', params: { max: BODY_LIMITS.nodes } };
      stack.push({ node: child, depth: depth + 1 });
    }
  }
  return undefined;
}

interface Tally {
  text: number;
  inlines: number;
}

function checkInlines(value: unknown, where: string, problems: Problems, tally: Tally): void {
  const add = (problem: FieldProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  if (!Array.isArray(value)) return add({ field: where, key: 'errors.body.structure' });
  tally.inlines += value.length;
  for (const inline of value as unknown[]) {
    const node = inline as { type?: unknown; text?: unknown; marks?: unknown };
    if (node?.type === 'break') continue;
    if (node?.type !== 'text' || typeof node.text !== 'string') {
      add({ field: where, key: 'errors.body.structure' });
      continue;
    }
    tally.text += node.text.length;
    if (node.marks === undefined) continue;
    if (!Array.isArray(node.marks)) {
      add({ field: where, key: 'errors.body.structure' });
      continue;
    }
    if (node.marks.length > BODY_LIMITS.marks) {
      add({ field: where, key: 'errors.body.too_many_marks', params: { max: BODY_LIMITS.marks } });
      continue;
    }
    for (const mark of node.marks as Array<{ type?: unknown; href?: unknown }>) {
      if (mark?.type === 'bold' || mark?.type === 'italic') continue;
      if (mark?.type === 'link' && typeof mark.href === 'string' && isSafeHref(mark.href)) continue;
      add({ field: where, key: mark?.type === 'link' ? 'errors.body.link' : 'errors.body.structure' });
    }
  }
}

/** Returns the problems of a candidate document; an empty list means it is a valid BodyDocument. */
export function validateDocument(value: unknown): Problems {
  const doc = value as { type?: unknown; content?: unknown };
  if (doc?.type !== 'doc' || !Array.isArray(doc.content)) return [{ field: 'body', key: 'errors.body.structure' }];
  const shape = shapeProblem(value);
  if (shape) return [shape];
  if (doc.content.length > BODY_LIMITS.blocks) return [{ field: 'body', key: 'errors.body.too_many_blocks', params: { max: BODY_LIMITS.blocks } }];
  const problems: Problems = [];
  const tally: Tally = { text: 0, inlines: 0 };
  const add = (problem: FieldProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  doc.content.forEach((raw: unknown, i: number) => {
    const block = raw as { type?: unknown; content?: unknown; level?: unknown; items?: unknown; ordered?: unknown; attribution?: unknown };
    const where = `body.${i}`;
    switch (block?.type) {
      case 'paragraph':
        checkInlines(block.content, where, problems, tally);
        break;
      case 'heading':
        if (block.level !== 2 && block.level !== 3) add({ field: where, key: 'errors.body.structure' });
        checkInlines(block.content, where, problems, tally);
        break;
      case 'quote':
        if (block.attribution !== undefined && typeof block.attribution !== 'string') add({ field: where, key: 'errors.body.structure' });
        else if (typeof block.attribution === 'string') {
          if (block.attribution.length > BODY_LIMITS.attribution) add({ field: where, key: 'errors.field.too_long', params: { max: BODY_LIMITS.attribution } });
          tally.text += block.attribution.length;
        }
        checkInlines(block.content, where, problems, tally);
        break;
      case 'list':
        if (typeof block.ordered !== 'boolean' || !Array.isArray(block.items)) {
          add({ field: where, key: 'errors.body.structure' });
          break;
        }
        if (block.items.length > BODY_LIMITS.listItems) {
          add({ field: where, key: 'errors.body.too_many_items', params: { max: BODY_LIMITS.listItems } });
          break;
        }
        for (const item of block.items as unknown[]) checkInlines(item, where, problems, tally);
        break;
      default:
        add({ field: where, key: 'errors.body.structure' });
    }
  });
  if (tally.inlines > BODY_LIMITS.inlines) problems.unshift({ field: 'body', key: 'errors.body.too_many_inlines', params: { max: BODY_LIMITS.inlines } });
  if (tally.text > BODY_LIMITS.text) problems.unshift({ field: 'body', key: 'errors.body.too_long' });
  return problems.slice(0, MAX_PROBLEMS);
}

/**
 * The document with its text cleaned (control characters and direction controls dropped), walking
 * only the shape a document may have: anything else is returned as it came, for validateDocument
 * to refuse. Never recursive over the input, so no nesting can overflow the stack.
 */
export function cleanDocument(value: unknown): BodyDocument {
  const doc = value as { type?: unknown; content?: unknown };
  if (doc?.type !== 'doc' || !Array.isArray(doc.content) || shapeProblem(value)) return value as BodyDocument;
  const cleanInlines = (inlines: unknown): unknown =>
    Array.isArray(inlines)
      ? inlines.map((node: unknown) => {
          const inline = node as { text?: unknown };
          return inline && typeof inline === 'object' && typeof inline.text === 'string' ? { ...inline, text: cleanTextBlock(inline.text) } : node;
        })
      : inlines;
  return {
    ...(doc as object),
    content: doc.content.map((raw: unknown) => {
      if (!raw || typeof raw !== 'object') return raw;
      const block = raw as { content?: unknown; items?: unknown; attribution?: unknown };
      return {
        ...block,
        ...('content' in block ? { content: cleanInlines(block.content) } : {}),
        ...(Array.isArray(block.items) ? { items: block.items.map(cleanInlines) } : {}),
        ...(typeof block.attribution === 'string' ? { attribution: cleanTextBlock(block.attribution).trim() } : {}),
      };
    }),
  } as BodyDocument;
}

/** Plain text with blank lines between paragraphs, as typed into a simple form or the CLI. */
export function documentFromText(text: string): BodyDocument {
  const paragraphs = cleanTextBlock(text)
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    type: 'doc',
    content: paragraphs.map((p) => ({
      type: 'paragraph',
      content: p.split('\n').flatMap((line, i): Inline[] => (i === 0 ? [{ type: 'text', text: line }] : [{ type: 'break' }, { type: 'text', text: line }])),
    })),
  };
}

export function documentText(doc: BodyDocument): string {
  const inlineText = (inlines: Inline[]) => inlines.map((n) => (n.type === 'text' ? n.text : ' ')).join('');
  return doc.content
    .map((block) => {
      switch (block.type) {
        case 'list':
          return block.items.map(inlineText).join('\n');
        case 'quote':
          return [inlineText(block.content), block.attribution ?? ''].join(' ').trim();
        default:
          return inlineText(block.content);
      }
    })
    .join('\n\n');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** One text run: each kind of mark applied once (a repeated mark draws nothing more), so a run costs its length plus three tags. */
function renderText(node: Extract<Inline, { type: 'text' }>, out: string[]): void {
  const tags: Array<[open: string, close: string]> = [];
  const seen = new Set<string>();
  for (const mark of node.marks ?? []) {
    if (seen.has(mark.type)) continue;
    seen.add(mark.type);
    if (mark.type === 'bold') tags.push(['<strong>', '</strong>']);
    else if (mark.type === 'italic') tags.push(['<em>', '</em>']);
    else if (isSafeHref(mark.href)) {
      const external = /^https?:/i.test(mark.href);
      tags.push([`<a href="${escapeHtml(mark.href)}"${external ? ' rel="noopener"' : ''}>`, '</a>']);
    }
  }
  // The first mark is the innermost element, as the marks are listed from the text outwards.
  for (let i = tags.length - 1; i >= 0; i--) out.push(tags[i]![0]);
  out.push(escapeHtml(node.text));
  for (const [, close] of tags) out.push(close);
}

function renderInlines(inlines: Inline[], out: string[]): void {
  for (const node of inlines) {
    if (node.type === 'break') out.push('<br>');
    else renderText(node, out);
  }
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h2', 'h3', 'blockquote', 'footer', 'cite', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'br'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
};

/** HTML of a valid document, built into one array and joined once (no repeated string copies). */
export function renderDocument(doc: BodyDocument): string {
  const out: string[] = [];
  doc.content.forEach((block, i) => {
    if (i > 0) out.push('\n');
    switch (block.type) {
      case 'paragraph':
        out.push('<p>');
        renderInlines(block.content, out);
        out.push('</p>');
        break;
      case 'heading':
        out.push(`<h${block.level}>`);
        renderInlines(block.content, out);
        out.push(`</h${block.level}>`);
        break;
      case 'quote':
        out.push('<blockquote><p>');
        renderInlines(block.content, out);
        out.push('</p>', block.attribution ? `<footer><cite>${escapeHtml(block.attribution)}</cite></footer>` : '', '</blockquote>');
        break;
      case 'list': {
        const tag = block.ordered ? 'ol' : 'ul';
        out.push(`<${tag}>`);
        for (const item of block.items) {
          out.push('<li>');
          renderInlines(item, out);
          out.push('</li>');
        }
        out.push(`</${tag}>`);
        break;
      }
    }
  });
  return sanitizeHtml(out.join(''), SANITIZE);
}
