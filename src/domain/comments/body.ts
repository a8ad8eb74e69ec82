// A comment's plain text as structure for the view: paragraphs (blank lines), line breaks, and
// http(s) links found in the text. The view renders it with escaping; no HTML comes from here.
import { websiteOf } from './rules.js';

export type BodySegment = { text: string } | { href: string; text: string };
/** Paragraphs, each a list of lines, each a list of segments. */
export type BodyParts = BodySegment[][][];

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"]+/giu;
// Trailing punctuation usually ends the sentence, not the address.
const TRAILING = /[.,;:!?،؛۔)\]}'»”]+$/u;

function segmentsOf(line: string): BodySegment[] {
  const out: BodySegment[] = [];
  let last = 0;
  for (const match of line.matchAll(URL_IN_TEXT)) {
    let raw = match[0];
    const trail = TRAILING.exec(raw)?.[0] ?? '';
    if (trail) raw = raw.slice(0, -trail.length);
    const href = websiteOf(raw);
    const start = match.index;
    if (!href) continue;
    if (start > last) out.push({ text: line.slice(last, start) });
    out.push({ href, text: raw });
    last = start + raw.length;
  }
  if (last < line.length) out.push({ text: line.slice(last) });
  return out;
}

export function bodyParts(text: string): BodyParts {
  return text
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map((paragraph) => paragraph.split('\n').map(segmentsOf));
}
