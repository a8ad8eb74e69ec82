// The article body as plain text, for the newsroom's textarea (the editor without JavaScript) and
// back. The form (docs/editor.md):
//   blank line between blocks; a single newline inside a paragraph is a line break
//   `## ` / `### ` heading, `> ` quote lines (a last line `> — Name` is the attribution),
//   `- ` bullet items, `1. ` numbered items, `**bold**`, `*italic*`, `[text](https://…)`,
//   `\` before punctuation keeps it literal; blocks the text cannot express (images, embeds, any
//   other) are one placeholder line, `[[image 12]]`, `[[embed https://…]]`, `[[block {…}]]`.
// Both directions are linear in the input: marks are paired by counting, links are found with
// precomputed "next bracket / next parenthesis" tables, so no input makes either side rescan.
import { cleanTextBlock } from '../../core/text/index.js';
import type { Block, BodyDocument, Inline, Mark } from './document.js';
import { EMBED_PROVIDERS, embedFrameSrc } from './document.js';

/** A block of a type this form has no syntax for (images, embeds added elsewhere): kept as a placeholder. */
export type OpaqueBlock = { type: string } & Record<string, unknown>;
type AnyBlock = Block | OpaqueBlock;
type Text = Extract<Inline, { type: 'text' }>;

const KNOWN = new Set(['paragraph', 'heading', 'quote', 'list']);
const ESCAPABLE = new Set('\\*[]()#>-—.!`_|'.split(''));
const ATTRIBUTION = /^— /;

// ---------------------------------------------------------------- document → text

function escapeText(text: string): string {
  return text.replace(/[\\*[\]]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
}

/** A line that would read as a block marker is escaped at its start. */
function escapeLineStart(line: string): string {
  const numbered = /^(\d+)\. /.exec(line);
  if (numbered) return `${numbered[1]}\\${line.slice(numbered[1]!.length)}`;
  return /^(#{2,3} |>|- |— )/.test(line) ? `\\${line}` : line;
}

const markKey = (marks: Mark[] | undefined) => {
  const bold = marks?.some((m) => m.type === 'bold') ?? false;
  const italic = marks?.some((m) => m.type === 'italic') ?? false;
  const link = marks?.find((m): m is Extract<Mark, { type: 'link' }> => m.type === 'link')?.href;
  return { bold, italic, link };
};

/** Inline content as text lines (a break starts a new line). */
function inlinesToText(inlines: Inline[]): string {
  const out: string[] = [];
  let bold = false;
  let italic = false;
  let link: string | undefined;
  const close = () => {
    if (italic) out.push('*');
    if (bold) out.push('**');
    if (link !== undefined) out.push(`](${link.replace(/[\\)]/g, (c) => `\\${c}`)})`);
    bold = italic = false;
    link = undefined;
  };
  for (const node of inlines) {
    if (node.type === 'text' && !node.text) continue;
    if (node.type === 'break') {
      close();
      out.push('\n');
      continue;
    }
    const next = markKey(node.marks);
    if (next.link !== link) {
      close();
      if (next.link !== undefined) out.push('[');
      link = next.link;
    }
    // Stars toggle (the parser pairs them by count), so only the marks that change are written.
    if (bold !== next.bold) out.push('**');
    if (italic !== next.italic) out.push('*');
    bold = next.bold;
    italic = next.italic;
    out.push(escapeText(node.text));
  }
  close();
  return out
    .join('')
    .split('\n')
    .map(escapeLineStart)
    .join('\n');
}

function opaqueToText(block: OpaqueBlock): string {
  const { type, ...rest } = block;
  if (type === 'image' && typeof rest.mediaId === 'number') {
    const { mediaId, ...more } = rest;
    return Object.keys(more).length ? `[[image ${mediaId} ${JSON.stringify(more)}]]` : `[[image ${mediaId}]]`;
  }
  if (type === 'embed' && typeof rest.url === 'string' && !/[\s\]]/.test(rest.url)) {
    const { url, ...more } = rest;
    return Object.keys(more).length ? `[[embed ${url} ${JSON.stringify(more)}]]` : `[[embed ${url}]]`;
  }
  return `[[block ${JSON.stringify(block)}]]`;
}

function blockToText(block: AnyBlock): string {
  if (!KNOWN.has(block.type)) return opaqueToText(block as OpaqueBlock);
  const b = block as Block;
  switch (b.type) {
    case 'paragraph':
      return inlinesToText(b.content);
    case 'heading':
      return `${'#'.repeat(b.level)} ${inlinesToText(b.content).replace(/\n/g, ' ')}`;
    case 'quote': {
      const lines = inlinesToText(b.content).split('\n').map((l) => `> ${l}`);
      if (b.attribution) lines.push(`> — ${b.attribution.replace(/\n/g, ' ')}`);
      return lines.join('\n');
    }
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${inlinesToText(item).replace(/\n/g, ' ')}`).join('\n');
    default:
      // Image and embed blocks (document.ts): placeholder lines that come back as they were.
      return opaqueToText(b as unknown as OpaqueBlock);
  }
}

/** The document in the plain-text form; blocks it cannot express become placeholder lines. */
export function documentToText(doc: BodyDocument | { type: 'doc'; content: AnyBlock[] }): string {
  return (doc.content as AnyBlock[]).map(blockToText).join('\n\n');
}

// ---------------------------------------------------------------- text → document

/**
 * One line's inline content. Escapes first (a table of which characters are literal), then a
 * token list of star runs, link opens and closes, and text; `**` and `*` pair by count (an odd
 * last one is literal), and runs are cut wherever the set of marks changes.
 */
export function parseInline(line: string): Inline[] {
  const n = line.length;
  // chars[i]: the character; literal[i]: escaped (never syntax). Backslashes that escape vanish.
  const chars: string[] = [];
  const literal: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < n && ESCAPABLE.has(line[i + 1]!)) {
      chars.push(line[i + 1]!);
      literal.push(true);
      i++;
    } else {
      chars.push(c);
      literal.push(false);
    }
  }
  const m = chars.length;
  const syntax = (i: number, c: string) => chars[i] === c && !literal[i];
  // nextBracket[i]: the first unescaped `[` or `]` at or after i; nextParen[i]: the first unescaped `)`.
  const nextBracket = new Int32Array(m + 1).fill(m);
  const nextParen = new Int32Array(m + 1).fill(m);
  for (let i = m - 1; i >= 0; i--) {
    nextBracket[i] = syntax(i, '[') || syntax(i, ']') ? i : nextBracket[i + 1]!;
    nextParen[i] = syntax(i, ')') ? i : nextParen[i + 1]!;
  }

  type Token = { kind: 'text'; text: string } | { kind: 'star'; size: 1 | 2 } | { kind: 'open'; href: string } | { kind: 'close' };
  const tokens: Token[] = [];
  let text = '';
  const flush = () => {
    if (text) tokens.push({ kind: 'text', text });
    text = '';
  };
  let linkEnd = -1; // index of the `]` closing the open link, or -1
  for (let i = 0; i < m; i++) {
    const c = chars[i]!;
    if (literal[i]) {
      text += c;
      continue;
    }
    if (c === '*') {
      let run = 1;
      while (i + run < m && syntax(i + run, '*')) run++;
      flush();
      for (let k = 0; k < run >> 1; k++) tokens.push({ kind: 'star', size: 2 });
      if (run & 1) tokens.push({ kind: 'star', size: 1 });
      i += run - 1;
      continue;
    }
    if (c === '[' && linkEnd < 0) {
      const j = nextBracket[i + 1]!;
      if (j < m && chars[j] === ']' && syntax(j + 1, '(')) {
        const k = nextParen[j + 2]!;
        if (k < m) {
          flush();
          tokens.push({ kind: 'open', href: chars.slice(j + 2, k).join('') });
          linkEnd = j;
          continue;
        }
      }
    }
    if (i === linkEnd) {
      flush();
      tokens.push({ kind: 'close' });
      i = nextParen[i + 2]!; // skip "(href)"
      linkEnd = -1;
      continue;
    }
    text += c;
  }
  flush();

  // Pair stars by count: an odd last one of a size is literal text.
  const count = { 1: 0, 2: 0 };
  for (const t of tokens) if (t.kind === 'star') count[t.size]++;
  const lastOdd = { 1: count[1] & 1 ? count[1] : 0, 2: count[2] & 1 ? count[2] : 0 };
  const seen = { 1: 0, 2: 0 };

  const out: Inline[] = [];
  let bold = false;
  let italic = false;
  let href: string | undefined;
  const push = (value: string) => {
    if (!value) return;
    const marks: Mark[] = [];
    if (bold) marks.push({ type: 'bold' });
    if (italic) marks.push({ type: 'italic' });
    if (href !== undefined) marks.push({ type: 'link', href });
    const last = out[out.length - 1] as Text | undefined;
    if (last && last.type === 'text' && sameMarks(last.marks, marks)) last.text += value;
    else out.push(marks.length ? { type: 'text', text: value, marks } : { type: 'text', text: value });
  };
  for (const t of tokens) {
    if (t.kind === 'text') push(t.text);
    else if (t.kind === 'open') href = t.href;
    else if (t.kind === 'close') href = undefined;
    else {
      const nth = ++seen[t.size];
      if (nth === lastOdd[t.size]) push(t.size === 2 ? '**' : '*');
      else if (t.size === 2) bold = !bold;
      else italic = !italic;
    }
  }
  return out;
}

function sameMarks(a: Mark[] | undefined, b: Mark[]): boolean {
  const x = markKey(a);
  const y = markKey(b);
  return x.bold === y.bold && x.italic === y.italic && x.link === y.link;
}

function joinLines(lines: string[]): Inline[] {
  const out: Inline[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push({ type: 'break' });
    for (const node of parseInline(line)) out.push(node);
  });
  return out;
}

function parsePlaceholder(line: string): AnyBlock | undefined {
  const match = /^\[\[(image|embed|block) (.*)\]\]$/.exec(line);
  if (!match) return undefined;
  const [, kind, rest = ''] = match;
  const json = (s: string | undefined): Record<string, unknown> | undefined => {
    if (s === undefined || s === '') return {};
    try {
      const value: unknown = JSON.parse(s);
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  };
  if (kind === 'block') {
    const value = json(rest);
    return value && typeof value.type === 'string' ? (value as OpaqueBlock) : undefined;
  }
  const space = rest.indexOf(' ');
  const head = space < 0 ? rest : rest.slice(0, space);
  const more = json(space < 0 ? undefined : rest.slice(space + 1));
  if (!more) return undefined;
  if (kind === 'image') return /^[1-9][0-9]{0,14}$/.test(head) ? { ...more, type: 'image', mediaId: Number(head) } : undefined;
  if (!head) return undefined;
  // Typed by hand as `[[embed https://youtu.be/…]]`: the provider is the one whose URLs it matches.
  const provider = more.provider ?? EMBED_PROVIDERS.find((p) => embedFrameSrc(p, head) !== undefined);
  return { ...more, ...(provider === undefined ? {} : { provider }), type: 'embed', url: head };
}

type Open =
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'quote'; lines: string[] }
  | { kind: 'list'; ordered: boolean; items: string[] };

/** The plain-text form as a document (to be checked by validateDocument like any other). */
export function textToDocument(input: string): BodyDocument {
  const lines = cleanTextBlock(input).replace(/\r\n?/g, '\n').split('\n');
  const blocks: AnyBlock[] = [];
  let open: Open | undefined;
  const close = () => {
    if (!open) return;
    if (open.kind === 'paragraph') blocks.push({ type: 'paragraph', content: joinLines(open.lines) });
    else if (open.kind === 'list') blocks.push({ type: 'list', ordered: open.ordered, items: open.items.map(parseInline) });
    else {
      const last = open.lines[open.lines.length - 1];
      const quote: Block = { type: 'quote', content: [] };
      if (open.lines.length > 1 && last !== undefined && ATTRIBUTION.test(last)) {
        quote.attribution = last.replace(ATTRIBUTION, '').trim();
        quote.content = joinLines(open.lines.slice(0, -1));
      } else quote.content = joinLines(open.lines);
      blocks.push(quote);
    }
    open = undefined;
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      close();
      continue;
    }
    const heading = /^(#{2,3}) (.*)$/.exec(line);
    if (heading) {
      close();
      blocks.push({ type: 'heading', level: heading[1]!.length as 2 | 3, content: parseInline(heading[2]!.trim()) });
      continue;
    }
    const placeholder = line.startsWith('[[') ? parsePlaceholder(line.trim()) : undefined;
    if (placeholder) {
      close();
      blocks.push(placeholder);
      continue;
    }
    const quote = /^>(?: (.*))?$/.exec(line);
    if (quote) {
      if (open?.kind !== 'quote') {
        close();
        open = { kind: 'quote', lines: [] };
      }
      open.lines.push(quote[1] ?? '');
      continue;
    }
    const item = /^(?:(-)|(\d{1,9})\.) (.*)$/.exec(line);
    if (item) {
      const ordered = item[1] === undefined;
      if (open?.kind !== 'list' || open.ordered !== ordered) {
        close();
        open = { kind: 'list', ordered, items: [] };
      }
      open.items.push(item[3]!.trim());
      continue;
    }
    if (open?.kind !== 'paragraph') {
      close();
      open = { kind: 'paragraph', lines: [] };
    }
    open.lines.push(line.trimStart());
  }
  close();
  return { type: 'doc', content: blocks as Block[] };
}

/** Words in the text of a document's blocks (placeholders of other blocks count for nothing). */
export function documentWords(doc: BodyDocument | { type: 'doc'; content: AnyBlock[] }): number {
  let words = 0;
  const inlines = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const node of list as Inline[]) if (node?.type === 'text' && typeof node.text === 'string') words += countWords(node.text);
  };
  for (const block of doc.content as Array<Record<string, unknown>>) {
    inlines(block.content);
    if (Array.isArray(block.items)) for (const item of block.items) inlines(item);
    if (typeof block.attribution === 'string') words += countWords(block.attribution);
  }
  return words;
}

/** Words of a text, as the editor's counter shows them. */
export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu);
  return words ? words.length : 0;
}
