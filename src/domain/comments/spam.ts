// The local learning filter: naive Bayes over the tokens of a comment (core/text terms of every
// script, plus a few shape features), counts kept in the database and learned from moderators'
// approve (ham) and spam decisions. Nothing about a comment leaves the server.
import { sql } from 'kysely';
import { scriptOf, terms } from '../../core/text/index.js';
import type { DbCtx } from '../../storage/database.js';
import type { Trx } from '../../storage/outbox.js';
import { linkCount } from './rules.js';

/** The row that holds how many comments of each class were learned. */
const DOCS = '#docs';
/** Below this many learned comments of either class the score says nothing (0.5). */
export const MIN_TRAINED = 5;
/** At or above this probability a comment is held. */
export const SPAM_THRESHOLD = 0.9;

export interface SpamText {
  name: string;
  website: string;
  body: string;
  language: string;
}

/** The distinct features of a comment: its terms, its link count, host, scripts and shape. */
export function spamTokens(c: SpamText): string[] {
  const out = new Set<string>();
  for (const term of terms(c.body, c.language)) out.add(term);
  for (const term of terms(c.name, c.language)) out.add(`n:${term}`);
  const links = linkCount(c.body);
  out.add(`#links:${Math.min(links, 3)}`);
  if (c.website) {
    try {
      out.add(`#host:${new URL(c.website).hostname.replace(/^www\./, '')}`);
    } catch {
      out.add('#host:?');
    }
  }
  const scripts = new Set([...c.body.matchAll(/\p{L}/gu)].slice(0, 400).map((m) => scriptOf(m[0])));
  for (const s of scripts) out.add(`#script:${s}`);
  const length = [...c.body].length;
  out.add(`#len:${length < 40 ? 's' : length < 400 ? 'm' : 'l'}`);
  if (/(.)\1{5,}/u.test(c.body)) out.add('#repeat');
  if (/[A-Z]{12,}/.test(c.body)) out.add('#shout');
  return [...out];
}

type Counts = Map<string, { spam: number; ham: number }>;

async function countsOf(db: DbCtx['db'] | Trx, tokens: string[]): Promise<Counts> {
  const counts: Counts = new Map();
  for (let i = 0; i < tokens.length; i += 500) {
    const rows = await db.selectFrom('comment_spam_tokens').select(['token', 'spam', 'ham']).where('token', 'in', tokens.slice(i, i + 500)).execute();
    for (const r of rows) counts.set(r.token, { spam: Number(r.spam), ham: Number(r.ham) });
  }
  return counts;
}

/** The probability that a comment is spam, from what moderators taught; 0.5 before enough teaching. */
export function scoreFrom(tokens: string[], counts: Counts): number {
  const docs = counts.get(DOCS) ?? { spam: 0, ham: 0 };
  if (docs.spam < MIN_TRAINED || docs.ham < MIN_TRAINED) return 0.5;
  // Bernoulli naive Bayes with Laplace smoothing over the tokens present, equal priors (the
  // moderators' mix of decisions is not the mix of traffic). Unseen tokens carry no evidence.
  let logOdds = 0;
  for (const token of tokens) {
    const c = counts.get(token);
    if (!c || c.spam + c.ham === 0) continue;
    const pSpam = (c.spam + 1) / (docs.spam + 2);
    const pHam = (c.ham + 1) / (docs.ham + 2);
    logOdds += Math.log(pSpam) - Math.log(pHam);
  }
  return 1 / (1 + Math.exp(-Math.max(-50, Math.min(50, logOdds))));
}

export async function spamScore(ctx: DbCtx | { db: Trx }, text: SpamText): Promise<number> {
  const tokens = spamTokens(text);
  return scoreFrom(tokens, await countsOf(ctx.db, [...tokens, DOCS]));
}

/** Adds (or with delta −1 removes) one comment's tokens to a class. */
export async function train(trx: Trx, text: SpamText, as: 'spam' | 'ham', delta: 1 | -1 = 1): Promise<void> {
  const column = as;
  for (const token of [...spamTokens(text), DOCS]) {
    await trx
      .insertInto('comment_spam_tokens')
      .values({ token, spam: as === 'spam' ? Math.max(0, delta) : 0, ham: as === 'ham' ? Math.max(0, delta) : 0 })
      .onConflict((oc) => oc.column('token').doUpdateSet({ [column]: sql`case when comment_spam_tokens.${sql.ref(column)} + ${delta} < 0 then 0 else comment_spam_tokens.${sql.ref(column)} + ${delta} end` }))
      .execute();
  }
}
