// The article body as a structured document (paragraphs, headings, attributed quotes, lists,
// marks and links), validated on the way in and rendered to HTML that is escaped by construction
// and then passed through sanitize-html as a second, independent allowlist.
import sanitizeHtml from 'sanitize-html';
import type { FieldProblem } from '../../core/errors.js';

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

export const MAX_BLOCKS = 1000;
export const MAX_TEXT = 200_000;

const SAFE_HREF = /^(https?:\/\/[^\s]+|mailto:[^\s]+|\/(?!\/)[^\s]*|#[^\s]*)$/i;

type Problems = FieldProblem[];

function checkInlines(value: unknown, where: string, problems: Problems): number {
  if (!Array.isArray(value)) {
    problems.push({ field: where, key: 'errors.body.structure' });
    return 0;
  }
  let length = 0;
  for (const inline of value as unknown[]) {
    const node = inline as { type?: unknown; text?: unknown; marks?: unknown };
    if (node?.type === 'break') continue;
    if (node?.type !== 'text' || typeof node.text !== 'string') {
      problems.push({ field: where, key: 'errors.body.structure' });
      continue;
    }
    length += node.text.length;
    if (node.marks === undefined) continue;
    if (!Array.isArray(node.marks)) {
      problems.push({ field: where, key: 'errors.body.structure' });
      continue;
    }
    for (const mark of node.marks as Array<{ type?: unknown; href?: unknown }>) {
      if (mark?.type === 'bold' || mark?.type === 'italic') continue;
      if (mark?.type === 'link' && typeof mark.href === 'string' && SAFE_HREF.test(mark.href)) continue;
      problems.push({ field: where, key: mark?.type === 'link' ? 'errors.body.link' : 'errors.body.structure' });
    }
  }
  return length;
}

/** Returns the problems of a candidate document; an empty list means it is a valid BodyDocument. */
export function validateDocument(value: unknown): Problems {
  const problems: Problems = [];
  const doc = value as { type?: unknown; content?: unknown };
  if (doc?.type !== 'doc' || !Array.isArray(doc.content)) return [{ field: 'body', key: 'errors.body.structure' }];
  if (doc.content.length > MAX_BLOCKS) return [{ field: 'body', key: 'errors.body.too_long' }];
  let total = 0;
  doc.content.forEach((raw: unknown, i: number) => {
    const block = raw as { type?: unknown; content?: unknown; level?: unknown; items?: unknown; ordered?: unknown; attribution?: unknown };
    const where = `body.${i}`;
    switch (block?.type) {
      case 'paragraph':
        total += checkInlines(block.content, where, problems);
        break;
      case 'heading':
        if (block.level !== 2 && block.level !== 3) problems.push({ field: where, key: 'errors.body.structure' });
        total += checkInlines(block.content, where, problems);
        break;
      case 'quote':
        if (block.attribution !== undefined && typeof block.attribution !== 'string') {
          problems.push({ field: where, key: 'errors.body.structure' });
        }
        total += checkInlines(block.content, where, problems);
        break;
      case 'list':
        if (typeof block.ordered !== 'boolean' || !Array.isArray(block.items)) {
          problems.push({ field: where, key: 'errors.body.structure' });
          break;
        }
        for (const item of block.items as unknown[]) total += checkInlines(item, where, problems);
        break;
      default:
        problems.push({ field: where, key: 'errors.body.structure' });
    }
  });
  if (total > MAX_TEXT) problems.push({ field: 'body', key: 'errors.body.too_long' });
  return problems;
}

/** Plain text with blank lines between paragraphs, as typed into a simple form or the CLI. */
export function documentFromText(text: string): BodyDocument {
  const paragraphs = text
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

function renderInlines(inlines: Inline[]): string {
  return inlines
    .map((node) => {
      if (node.type === 'break') return '<br>';
      let html = escapeHtml(node.text);
      for (const mark of node.marks ?? []) {
        if (mark.type === 'bold') html = `<strong>${html}</strong>`;
        else if (mark.type === 'italic') html = `<em>${html}</em>`;
        else if (SAFE_HREF.test(mark.href)) {
          const external = /^https?:/i.test(mark.href);
          html = `<a href="${escapeHtml(mark.href)}"${external ? ' rel="noopener"' : ''}>${html}</a>`;
        }
      }
      return html;
    })
    .join('');
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h2', 'h3', 'blockquote', 'footer', 'cite', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'br'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
};

export function renderDocument(doc: BodyDocument): string {
  const html = doc.content
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return `<p>${renderInlines(block.content)}</p>`;
        case 'heading':
          return `<h${block.level}>${renderInlines(block.content)}</h${block.level}>`;
        case 'quote': {
          const cite = block.attribution ? `<footer><cite>${escapeHtml(block.attribution)}</cite></footer>` : '';
          return `<blockquote><p>${renderInlines(block.content)}</p>${cite}</blockquote>`;
        }
        case 'list': {
          const tag = block.ordered ? 'ol' : 'ul';
          return `<${tag}>${block.items.map((item) => `<li>${renderInlines(item)}</li>`).join('')}</${tag}>`;
        }
      }
    })
    .join('\n');
  return sanitizeHtml(html, SANITIZE);
}
