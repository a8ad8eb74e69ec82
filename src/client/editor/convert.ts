// ProseMirror (TipTap) JSON ⇄ the domain's BodyDocument (src/domain/articles/document.ts), in
// the browser. The shapes are restated here so the client bundle imports nothing of the server.
// Blocks the editor has no node for (images, embeds, anything newer) travel as `opaque` atoms
// holding the block's JSON, so saving never drops them.

export type Mark = { type: 'bold' } | { type: 'italic' } | { type: 'link'; href: string };
export type Inline = { type: 'text'; text: string; marks?: Mark[] } | { type: 'break' };
export type Block =
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'heading'; level: 2 | 3; content: Inline[] }
  | { type: 'quote'; content: Inline[]; attribution?: string }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | ({ type: string } & Record<string, unknown>);
export interface BodyDocument {
  type: 'doc';
  content: Block[];
}

export interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
}

const ATTRIBUTION = /^— /;

function inlinesToPm(inlines: Inline[]): PmNode[] {
  const out: PmNode[] = [];
  for (const node of inlines) {
    if (node.type === 'break') out.push({ type: 'hardBreak' });
    else if (node.text) {
      const marks = (node.marks ?? []).map((m) => (m.type === 'link' ? { type: 'link', attrs: { href: m.href } } : { type: m.type }));
      out.push(marks.length ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text });
    }
  }
  return out;
}

const paragraph = (inlines: Inline[]): PmNode => {
  const content = inlinesToPm(inlines);
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
};

export function toPm(doc: BodyDocument): PmNode {
  const content: PmNode[] = [];
  for (const block of doc.content ?? []) {
    const b = block as Block & Record<string, unknown>;
    if (b.type === 'paragraph') content.push(paragraph(b.content as Inline[]));
    else if (b.type === 'heading') content.push({ type: 'heading', attrs: { level: b.level }, content: inlinesToPm(b.content as Inline[]) });
    else if (b.type === 'quote') {
      const inner = [paragraph(b.content as Inline[])];
      if (typeof b.attribution === 'string' && b.attribution) inner.push({ type: 'paragraph', content: [{ type: 'text', text: `— ${b.attribution}` }] });
      content.push({ type: 'blockquote', content: inner });
    } else if (b.type === 'list') {
      const items = (b.items as Inline[][]).map((item) => ({ type: 'listItem', content: [paragraph(item)] }));
      content.push({ type: b.ordered ? 'orderedList' : 'bulletList', content: items });
    } else content.push({ type: 'opaque', attrs: { data: JSON.stringify(block) } });
  }
  if (!content.length) content.push({ type: 'paragraph' });
  return { type: 'doc', content };
}

function inlinesOf(node: PmNode): Inline[] {
  const out: Inline[] = [];
  for (const child of node.content ?? []) {
    if (child.type === 'hardBreak') out.push({ type: 'break' });
    else if (child.type === 'text' && child.text) {
      const marks: Mark[] = [];
      for (const m of child.marks ?? []) {
        if (m.type === 'bold' || m.type === 'italic') marks.push({ type: m.type });
        else if (m.type === 'link' && typeof m.attrs?.href === 'string') marks.push({ type: 'link', href: m.attrs.href });
      }
      const last = out[out.length - 1];
      if (last?.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(marks)) last.text += child.text;
      else out.push(marks.length ? { type: 'text', text: child.text, marks } : { type: 'text', text: child.text });
    } else if (child.content) {
      for (const inner of inlinesOf(child)) out.push(inner);
    }
  }
  return out;
}

/** Every text block under a node (list items, quote paragraphs), each as inlines. */
function textBlocks(node: PmNode): Inline[][] {
  const inline = node.content?.some((c) => c.type === 'text' || c.type === 'hardBreak');
  if (node.type === 'paragraph' || node.type === 'heading' || inline) return [inlinesOf(node)];
  return (node.content ?? []).flatMap(textBlocks);
}

function joinWithBreaks(blocks: Inline[][]): Inline[] {
  const out: Inline[] = [];
  blocks.forEach((inlines, i) => {
    if (i > 0) out.push({ type: 'break' });
    out.push(...inlines);
  });
  return out;
}

const plain = (inlines: Inline[]) => inlines.map((n) => (n.type === 'text' ? n.text : ' ')).join('');

export function fromPm(doc: PmNode): BodyDocument {
  const content: Block[] = [];
  for (const node of doc.content ?? []) {
    switch (node.type) {
      case 'paragraph': {
        const inlines = inlinesOf(node);
        if (inlines.length) content.push({ type: 'paragraph', content: inlines });
        break;
      }
      case 'heading':
        content.push({ type: 'heading', level: node.attrs?.level === 3 ? 3 : 2, content: inlinesOf(node) });
        break;
      case 'blockquote': {
        const parts = textBlocks(node).filter((p) => p.length);
        const last = parts[parts.length - 1];
        const quote: Block = { type: 'quote', content: [] };
        if (parts.length > 1 && last && ATTRIBUTION.test(plain(last))) {
          quote.attribution = plain(last).replace(ATTRIBUTION, '').trim();
          parts.pop();
        }
        quote.content = joinWithBreaks(parts);
        content.push(quote);
        break;
      }
      case 'bulletList':
      case 'orderedList':
        content.push({ type: 'list', ordered: node.type === 'orderedList', items: (node.content ?? []).map((item) => joinWithBreaks(textBlocks(item).filter((p) => p.length))) });
        break;
      case 'opaque':
        try {
          content.push(JSON.parse(String(node.attrs?.data ?? '')) as Block);
        } catch {
          // An atom the editor made itself always parses; a broken one is dropped rather than saved broken.
          console.warn('dropped an unreadable block');
        }
        break;
      default: {
        const inlines = joinWithBreaks(textBlocks(node));
        if (inlines.length) content.push({ type: 'paragraph', content: inlines });
      }
    }
  }
  return { type: 'doc', content };
}

/** Words in the document's text, counted as the server counts them. */
export function countWords(doc: BodyDocument): number {
  let text = '';
  for (const block of doc.content) {
    const b = block as Record<string, unknown>;
    const lines = b.type === 'list' ? (b.items as Inline[][]) : Array.isArray(b.content) ? [b.content as Inline[]] : [];
    for (const line of lines) text += ` ${plain(line)}`;
    if (typeof b.attribution === 'string') text += ` ${b.attribution}`;
  }
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu)?.length ?? 0;
}
