// Cleaning of one line of typed text before it is stored (headlines, bylines, credits, captions,
// names of sections, tags, entities and people): paste debris and direction overrides go.

// C0 controls other than tab and newlines, DEL and C1 controls: invisible paste debris that
// PostgreSQL refuses (NUL) and that XML feeds may not carry.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

// The stateful direction controls: embeddings and overrides (LRE RLE PDF LRO RLO, U+202A–202E)
// and isolates (LRI RLI FSI PDI, U+2066–2069). Each opens a state that lasts until its closing
// character or the end of the paragraph, so one unbalanced RLO in a headline reverses the rest
// of the page title it is placed in. The marks U+200E LRM, U+200F RLM and U+061C ALM are kept:
// they are stateless, affect only the neutral characters next to them, and Persian and Arabic
// editors use them on purpose to place digits and Latin words.
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** The text without bidi embeddings, overrides and isolates (marks are kept; see above). */
export function stripDirectionControls(text: string): string {
  return text.replace(DIRECTION_CONTROLS, '');
}

/** Control characters and direction controls dropped; tabs and newlines kept. For multi-line text. */
export function cleanTextBlock(text: string): string {
  return text.replace(CONTROL, '').replace(DIRECTION_CONTROLS, '');
}

/** One stored line: control characters and direction controls dropped, surrounding space trimmed. */
export function cleanLine(text: string): string {
  return cleanTextBlock(text).trim();
}
