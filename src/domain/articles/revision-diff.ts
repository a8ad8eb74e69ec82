// A readable difference between two revisions of an article: the text fields word by word, the
// other fields as before → after, and the body aligned paragraph by paragraph (jsdiff over the
// list of paragraphs) with a word diff inside each changed pair. Words are runs between Unicode
// whitespace, so Persian and Arabic (whose letters jsdiff's own word splitter does not know)
// diff by word like English. The work is bounded: every diff call gets what is left of one time
// budget, and a paragraph that cannot be compared within it is shown as removed and added whole.
import { diffArrays } from 'diff';
import { documentText, type BodyDocument } from './document.js';

export type DiffPart = { kind: 'same' | 'ins' | 'del'; text: string };

/** A text field compared word by word (unchanged fields are listed too, with one 'same' part). */
export interface TextFieldDiff {
  field: 'headline' | 'dek' | 'dateline' | 'creditLine' | 'byline';
  changed: boolean;
  parts: DiffPart[];
}

/** A field that is not prose: what it was and what it became, as text. */
export interface ValueFieldDiff {
  field: 'slug' | 'sectionId' | 'tagIds' | 'entityIds' | 'featuredMediaId' | 'commentsOpen';
  before: string;
  after: string;
}

export type BlockDiff =
  | { kind: 'same' | 'added' | 'removed'; text: string }
  | { kind: 'changed'; parts: DiffPart[] }
  /** Unchanged paragraphs left out between two changes (one of context stays on each side). */
  | { kind: 'skipped'; count: number };

export interface RevisionDiff {
  text: TextFieldDiff[];
  values: ValueFieldDiff[];
  body: BlockDiff[];
  /** True when the time budget ran out and some changed paragraphs are shown whole. */
  simplified: boolean;
}

/** Milliseconds of diff work one request may spend (the event loop must not stall for long). */
export const DIFF_BUDGET_MS = 30;
/** Characters a side of one changed stretch beyond which a word diff is not tried (the paragraph is shown whole). */
const MAX_CHARS = 50_000;
const SPACE = /\s/u;

const TEXT_FIELDS = ['headline', 'dek', 'dateline', 'creditLine', 'byline'] as const;
const VALUE_FIELDS = ['slug', 'sectionId', 'tagIds', 'entityIds', 'featuredMediaId', 'commentsOpen'] as const;
const CONTEXT = 1;

/** Words and the whitespace between them; \s is Unicode-aware, ZWNJ (inside Persian words) is not whitespace. */
const TOKENS = /\s+|\S+/gu;

class Budget {
  private readonly deadline: number;
  ran = false;
  constructor(ms: number) {
    this.deadline = performance.now() + ms;
  }
  left(): number {
    return this.deadline - performance.now();
  }
}

function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    if (!part.text) continue;
    const last = out[out.length - 1];
    if (last && last.kind === part.kind) last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}

/**
 * Word diff of two texts; undefined when the budget does not allow it. The common head and tail
 * are taken off first, by characters and back to a whitespace boundary (linear, no allocation),
 * so a small edit in a long paragraph diffs only what is between; a middle longer than MAX_CHARS
 * a side is not attempted at all.
 */
function wordDiff(before: string, after: string, budget: Budget): DiffPart[] | undefined {
  if (before === after) return [{ kind: 'same', text: before }];
  if (budget.left() <= 0) return undefined;
  const shorter = Math.min(before.length, after.length);
  let head = 0;
  while (head < shorter && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  while (head > 0 && !SPACE.test(before[head - 1]!)) head--;
  let tail = 0;
  while (tail < shorter - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  while (tail > 0 && !SPACE.test(before[before.length - tail]!)) tail--;
  const midA = before.slice(head, before.length - tail);
  const midB = after.slice(head, after.length - tail);
  if (midA.length > MAX_CHARS || midB.length > MAX_CHARS) return undefined;
  const left = budget.left();
  if (left <= 0) return undefined;
  const changes = diffArrays(midA.match(TOKENS) ?? [], midB.match(TOKENS) ?? [], { timeout: Math.max(1, Math.floor(left)) });
  if (!changes) return undefined;
  return merge([
    { kind: 'same', text: before.slice(0, head) },
    ...changes.map((c): DiffPart => ({ kind: c.added ? 'ins' : c.removed ? 'del' : 'same', text: c.value.join('') })),
    { kind: 'same', text: before.slice(before.length - tail) },
  ]);
}

function whole(before: string, after: string): DiffPart[] {
  return merge([
    { kind: 'del', text: before },
    { kind: 'ins', text: after },
  ]);
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function valueText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(String).join(', ');
  return String(v);
}

/** The paragraphs of a snapshot's body, as the plain-text form shows them. */
export function paragraphsOf(body: unknown): string[] {
  const doc = body as BodyDocument | undefined;
  if (!doc || !Array.isArray(doc.content)) return [];
  return documentText(doc)
    .split('\n\n')
    .filter((p) => p.trim() !== '');
}

function diffBody(before: string[], after: string[], budget: Budget): BlockDiff[] {
  const left = Math.max(1, Math.floor(budget.left()));
  // Paragraphs are compared as numbers (one hash per paragraph), not as strings: the alignment
  // compares pairs many times over, and two long paragraphs that differ late cost their length each time.
  const ids = new Map<string, number>();
  const idOf = (p: string) => {
    let id = ids.get(p);
    if (id === undefined) ids.set(p, (id = ids.size));
    return id;
  };
  const numbered = diffArrays(before.map(idOf), after.map(idOf), { timeout: left });
  let ai = 0;
  let bi = 0;
  const changes = numbered?.map((c) => {
    const count = c.value.length;
    let value: string[];
    if (c.added) {
      value = after.slice(bi, bi + count);
      bi += count;
    } else {
      value = before.slice(ai, ai + count);
      ai += count;
      if (!c.removed) bi += count;
    }
    return { added: c.added, removed: c.removed, value };
  });
  const blocks: BlockDiff[] = [];
  if (!changes) {
    budget.ran = true;
    for (const text of before) blocks.push({ kind: 'removed', text });
    for (const text of after) blocks.push({ kind: 'added', text });
    return blocks;
  }
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (!change.added && !change.removed) {
      for (const text of change.value) blocks.push({ kind: 'same', text });
      continue;
    }
    const next = changes[i + 1];
    // A removed run followed by an added one: the paragraphs were edited; pair them in order.
    if (change.removed && next?.added) {
      const removed = change.value;
      const added = next.value;
      const pairs = Math.min(removed.length, added.length);
      for (let k = 0; k < pairs; k++) {
        const parts = wordDiff(removed[k]!, added[k]!, budget);
        if (!parts) budget.ran = true;
        blocks.push({ kind: 'changed', parts: parts ?? whole(removed[k]!, added[k]!) });
      }
      for (const text of removed.slice(pairs)) blocks.push({ kind: 'removed', text });
      for (const text of added.slice(pairs)) blocks.push({ kind: 'added', text });
      i++;
      continue;
    }
    for (const text of change.value) blocks.push({ kind: change.added ? 'added' : 'removed', text });
  }
  return collapse(blocks);
}

/** Long runs of unchanged paragraphs become one 'skipped' marker, keeping CONTEXT on each side of a change. */
function collapse(blocks: BlockDiff[]): BlockDiff[] {
  const out: BlockDiff[] = [];
  let run: BlockDiff[] = [];
  const flush = (atStart: boolean, atEnd: boolean) => {
    const keepHead = atStart ? 0 : CONTEXT;
    const keepTail = atEnd ? 0 : CONTEXT;
    if (run.length > keepHead + keepTail + 1) {
      out.push(...run.slice(0, keepHead), { kind: 'skipped', count: run.length - keepHead - keepTail }, ...run.slice(run.length - keepTail));
    } else out.push(...run);
    run = [];
  };
  let seenChange = false;
  for (const block of blocks) {
    if (block.kind === 'same') {
      run.push(block);
      continue;
    }
    flush(!seenChange, false);
    seenChange = true;
    out.push(block);
  }
  // Nothing changed in the body at all: show no paragraphs, just how many there are.
  if (!seenChange) {
    return run.length ? [{ kind: 'skipped', count: run.length }] : [];
  }
  flush(false, true);
  return out;
}

/** Compares two revision snapshots (ArticleFields plus slug, as commands.ts records them). */
export function diffSnapshots(before: Record<string, unknown>, after: Record<string, unknown>, budgetMs = DIFF_BUDGET_MS): RevisionDiff {
  const budget = new Budget(budgetMs);
  const text = TEXT_FIELDS.map((field): TextFieldDiff => {
    const a = str(before[field]);
    const b = str(after[field]);
    const parts = wordDiff(a, b, budget);
    if (!parts) budget.ran = true;
    return { field, changed: a !== b, parts: parts ?? whole(a, b) };
  });
  const values = VALUE_FIELDS.map((field) => ({ field, before: valueText(before[field]), after: valueText(after[field]) })).filter((v) => v.before !== v.after);
  const body = diffBody(paragraphsOf(before.body), paragraphsOf(after.body), budget);
  return { text, values, body, simplified: budget.ran };
}
