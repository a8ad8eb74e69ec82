// Entity suggestions for the newsroom: which entities of the dictionary an article's text names,
// under any of their names or aliases in the edition's language, in any script. The names are
// folded as stored (foldName: letters and digits only, so "Deir ez-Zor" = "Deir Ezzor" and
// "دیر الزور" = "دیرالزور"), and the text's words are folded alike and run together; one
// Aho–Corasick pass finds every name, kept only where it starts and ends on a word boundary
// ("Red" is not found in "credit").
import { AhoCorasick, foldName, tokenize } from '../../core/text/index.js';
import type { DbCtx } from '../../storage/database.js';

export interface EntitySuggestion {
  entityId: number;
  key: string;
  kind: string;
  /** The entity's primary name in the edition's language (or the first name it has there). */
  name: string;
  /** The names and aliases the text used, as the dictionary spells them. */
  matched: string[];
  /** How many times the text names it. */
  mentions: number;
}

/** Longer texts are cut: an article body is far below this, a pasted book is not a suggestion request. */
export const MAX_SUGGEST_TEXT = 200_000;

export async function suggestEntities(ctx: DbCtx, input: { edition: string; text: string }): Promise<EntitySuggestion[]> {
  const text = input.text.slice(0, MAX_SUGGEST_TEXT);
  const rows = await ctx.db
    .selectFrom('entity_names as n')
    .innerJoin('entities as e', 'e.id', 'n.entity_id')
    .select(['n.entity_id as entityId', 'n.name as name', 'n.normalized as normalized', 'n.is_primary as isPrimary', 'e.key as key', 'e.kind as kind'])
    .where('n.language', '=', input.edition)
    .orderBy('n.is_primary', 'desc')
    .orderBy('n.id')
    .execute();
  if (!rows.length) return [];

  const automaton = new AhoCorasick<{ entityId: number; name: string }>();
  const byEntity = new Map<number, { key: string; kind: string; name: string }>();
  for (const r of rows) {
    // Stored keys are foldName's; refolding keeps this right even for a row written by hand.
    automaton.add(foldName(r.normalized) || foldName(r.name), { entityId: r.entityId, name: r.name });
    if (!byEntity.has(r.entityId)) byEntity.set(r.entityId, { key: r.key, kind: r.kind, name: r.name });
  }

  // The text's words run together, with the code-point offsets where each word starts and ends.
  const starts = new Set<number>();
  const ends = new Set<number>();
  let stream = '';
  let length = 0;
  for (const word of tokenize(text, input.edition)) {
    const folded = foldName(word);
    if (!folded) continue;
    starts.add(length);
    stream += folded;
    length += Array.from(folded).length;
    ends.add(length);
  }

  const found = new Map<number, { matched: Set<string>; mentions: number; lastEnd: number }>();
  for (const m of automaton.search(stream)) {
    if (!starts.has(m.start) || !ends.has(m.end)) continue;
    const entry = found.get(m.value.entityId) ?? { matched: new Set<string>(), mentions: 0, lastEnd: -1 };
    entry.matched.add(m.value.name);
    // Two aliases matching the same words ("Red Crescent", "Red Crescent Society") are one mention.
    if (m.start >= entry.lastEnd) entry.mentions += 1;
    entry.lastEnd = Math.max(entry.lastEnd, m.end);
    found.set(m.value.entityId, entry);
  }
  return [...found.entries()]
    .map(([entityId, f]) => {
      const e = byEntity.get(entityId)!;
      return { entityId, key: e.key, kind: e.kind, name: e.name, matched: [...f.matched], mentions: f.mentions };
    })
    .sort((a, b) => b.mentions - a.mentions || a.key.localeCompare(b.key));
}
