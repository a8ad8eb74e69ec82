// The article body as a structured document (paragraphs, headings, attributed quotes, lists,
// marks and links, images from the library, click-to-load embeds), validated on the way in and rendered to HTML that is escaped by construction
// and then passed through sanitize-html as a second, independent allowlist. Every step is linear
// in the size of the input and bounded by the limits below, checked before any other work.
import sanitizeHtml from 'sanitize-html';
import type { FieldProblem } from '../../core/errors.js';
import { cleanLine, cleanTextBlock } from '../../core/text/index.js';

export type Mark = { type: 'bold' } | { type: 'italic' } | { type: 'link'; href: string };
export type Inline = { type: 'text'; text: string; marks?: Mark[] } | { type: 'break' };
export type Block =
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'heading'; level: 2 | 3; content: Inline[] }
  | { type: 'quote'; content: Inline[]; attribution?: string }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'image'; mediaId: number; caption?: string; credit?: string }
  | { type: 'embed'; provider: EmbedProvider; url: string };

export const EMBED_PROVIDERS = ['youtube', 'x', 'telegram'] as const;
export type EmbedProvider = (typeof EMBED_PROVIDERS)[number];
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
  /** Image blocks in one body. */
  images: 100,
  /** Embed blocks in one body. */
  embeds: 50,
  /** Characters of an image block's own caption, and of its credit. */
  caption: 600,
  credit: 200,
  /** Characters of an embed's URL (the longest canonical one is far shorter). */
  embedUrl: 200,
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
 * The only URLs an embed may have, one provider's canonical forms each, matched whole: no other
 * host (`youtube.com.evil.example`), scheme, port, credentials, path or extra query can pass.
 */
const EMBED_PATTERNS: Record<EmbedProvider, RegExp[]> = {
  youtube: [/^https:\/\/(?:www\.|m\.)?youtube\.com\/watch\?v=([A-Za-z0-9_-]{11})$/, /^https:\/\/youtu\.be\/([A-Za-z0-9_-]{11})$/],
  x: [/^https:\/\/(?:www\.)?(?:x|twitter)\.com\/[A-Za-z0-9_]{1,15}\/status\/([0-9]{1,20})$/],
  telegram: [/^https:\/\/t\.me\/([A-Za-z][A-Za-z0-9_]{3,31}\/[0-9]{1,12})$/],
};

/** Where a provider's player is framed from; a page with embeds allows exactly these in its CSP frame-src. */
export const EMBED_FRAME_ORIGINS: Record<EmbedProvider, string> = {
  youtube: 'https://www.youtube-nocookie.com',
  x: 'https://platform.twitter.com',
  telegram: 'https://t.me',
};

/** The player URL of a valid embed (YouTube's cookieless host), or undefined when the URL is not one of the provider's. */
export function embedFrameSrc(provider: unknown, url: unknown): string | undefined {
  if (typeof url !== 'string' || url.length > BODY_LIMITS.embedUrl || !(EMBED_PROVIDERS as readonly unknown[]).includes(provider)) return undefined;
  const which = provider as EmbedProvider;
  for (const pattern of EMBED_PATTERNS[which]) {
    const id = pattern.exec(url)?.[1];
    if (!id) continue;
    if (which === 'youtube') return `${EMBED_FRAME_ORIGINS.youtube}/embed/${id}`;
    if (which === 'x') return `${EMBED_FRAME_ORIGINS.x}/embed/Tweet.html?id=${id}`;
    return `${EMBED_FRAME_ORIGINS.telegram}/${id}?embed=1`;
  }
  return undefined;
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
  let images = 0;
  let embeds = 0;
  const optionalText = (value: unknown, max: number, where: string) => {
    if (value === undefined) return;
    if (typeof value !== 'string') return add({ field: where, key: 'errors.body.structure' });
    if (value.length > max) add({ field: where, key: 'errors.field.too_long', params: { max } });
    tally.text += value.length;
  };
  doc.content.forEach((raw: unknown, i: number) => {
    const block = raw as {
      type?: unknown;
      content?: unknown;
      level?: unknown;
      items?: unknown;
      ordered?: unknown;
      attribution?: unknown;
      mediaId?: unknown;
      caption?: unknown;
      credit?: unknown;
      provider?: unknown;
      url?: unknown;
    };
    const where = `body.${i}`;
    switch (block?.type) {
      case 'image':
        images++;
        if (!Number.isInteger(block.mediaId) || (block.mediaId as number) < 1 || (block.mediaId as number) > 2147483647) add({ field: where, key: 'errors.body.image' });
        optionalText(block.caption, BODY_LIMITS.caption, where);
        optionalText(block.credit, BODY_LIMITS.credit, where);
        break;
      case 'embed':
        embeds++;
        if (!embedFrameSrc(block.provider, block.url)) add({ field: where, key: 'errors.body.embed' });
        break;
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
  if (images > BODY_LIMITS.images) problems.unshift({ field: 'body', key: 'errors.body.too_many_images', params: { max: BODY_LIMITS.images } });
  if (embeds > BODY_LIMITS.embeds) problems.unshift({ field: 'body', key: 'errors.body.too_many_embeds', params: { max: BODY_LIMITS.embeds } });
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
      const block = raw as { type?: unknown; content?: unknown; items?: unknown; attribution?: unknown; caption?: unknown; credit?: unknown };
      if (block.type === 'image') {
        return {
          ...block,
          ...(typeof block.caption === 'string' ? { caption: cleanLine(block.caption) } : {}),
          ...(typeof block.credit === 'string' ? { credit: cleanLine(block.credit) } : {}),
        };
      }
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
        case 'image':
          // Captions are read as text (search, related articles); an embed's URL is not.
          return block.caption ?? '';
        case 'embed':
          return '';
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
  allowedTags: ['p', 'h2', 'h3', 'blockquote', 'footer', 'cite', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'br', 'figure', 'figcaption', 'img', 'small'],
  allowedAttributes: { a: ['href', 'rel'], figure: ['class'], img: ['src', 'alt', 'width', 'height', 'loading', 'decoding'] },
  allowedClasses: { figure: ['body-image', 'embed'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  // Images come from this site's media store only: a relative src, never another host.
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
};

/** An image block's picture as the stored body shows it (feeds, staff previews). */
export interface BodyImage {
  /** Path of the original on this site (`/media/…`). */
  src: string;
  alt: string;
  caption: string;
  credit: string;
  width: number | null;
  height: number | null;
}

/** Where the site serves a stored blob; the stored body links its images there. */
export const mediaPath = (key: string) => `/media/${key}`;

function renderBlock(block: Block, out: string[], media: ReadonlyMap<number, BodyImage>): void {
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
    case 'image': {
      const image = media.get(block.mediaId);
      if (!image) break;
      const caption = block.caption || image.caption;
      const credit = block.credit || image.credit;
      const size = image.width && image.height ? ` width="${image.width}" height="${image.height}"` : '';
      out.push(`<figure class="body-image"><img src="${escapeHtml(image.src)}" alt="${escapeHtml(image.alt)}"${size} loading="lazy" decoding="async">`);
      if (caption || credit) out.push('<figcaption>', escapeHtml(caption), credit ? ` <small>${escapeHtml(credit)}</small>` : '', '</figcaption>');
      out.push('</figure>');
      break;
    }
    case 'embed':
      // Stored and syndicated bodies link to the original; only the article page offers the player.
      out.push(`<figure class="embed"><a href="${escapeHtml(block.url)}" rel="noopener">${escapeHtml(block.url)}</a></figure>`);
      break;
  }
}

/**
 * HTML of a valid document, built into one array and joined once (no repeated string copies).
 * Image blocks draw the images in `media` (by id); one not there draws nothing.
 */
export function renderDocument(doc: BodyDocument, media: ReadonlyMap<number, BodyImage> = new Map()): string {
  const out: string[] = [];
  doc.content.forEach((block, i) => {
    if (i > 0) out.push('\n');
    renderBlock(block, out, media);
  });
  return sanitizeHtml(out.join(''), SANITIZE);
}

/** A piece of a body as the article page draws it: runs of text blocks as HTML, images and embeds as data for the page's own components. */
export type BodyPart =
  | { kind: 'html'; html: string }
  | { kind: 'image'; mediaId: number; caption?: string | undefined; credit?: string | undefined }
  | { kind: 'embed'; provider: EmbedProvider; url: string; frameSrc: string };

export function documentParts(doc: BodyDocument): BodyPart[] {
  const parts: BodyPart[] = [];
  let run: Block[] = [];
  const flush = () => {
    if (run.length) parts.push({ kind: 'html', html: renderDocument({ type: 'doc', content: run }) });
    run = [];
  };
  for (const block of doc.content) {
    if (block.type === 'image') {
      flush();
      parts.push({ kind: 'image', mediaId: block.mediaId, caption: block.caption, credit: block.credit });
    } else if (block.type === 'embed') {
      const frameSrc = embedFrameSrc(block.provider, block.url);
      flush();
      if (frameSrc) parts.push({ kind: 'embed', provider: block.provider, url: block.url, frameSrc });
    } else run.push(block);
  }
  flush();
  return parts;
}

/** Ids of the images a body shows, in order, once each. */
export function documentMediaIds(doc: BodyDocument): number[] {
  return [...new Set(doc.content.flatMap((b) => (b.type === 'image' ? [b.mediaId] : [])))];
}
