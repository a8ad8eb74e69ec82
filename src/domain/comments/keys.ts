// The secrets behind form tokens, address hashes, email keys, avatars and unsubscribe links: one
// random master key per database (so every server signs and verifies alike, and a restart keeps
// known-spam lists), each use deriving its own key so no two uses share one.
import { createHmac, randomBytes } from 'node:crypto';
import type { DbCtx } from '../../storage/database.js';

export type KeyUse = 'form' | 'ip' | 'email' | 'avatar' | 'unsubscribe' | 'author';

export interface CommentKeys {
  /** HMAC-SHA256 of the parts under the use's key, base64url. */
  sign(use: KeyUse, ...parts: string[]): string;
  /** The raw HMAC bytes (avatars draw from them). */
  digest(use: KeyUse, ...parts: string[]): Buffer;
}

const loaded = new WeakMap<object, Promise<CommentKeys>>();

async function load(ctx: DbCtx): Promise<CommentKeys> {
  await ctx.db
    .insertInto('comment_keys')
    .values({ name: 'master', value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await ctx.db.selectFrom('comment_keys').select('value').where('name', '=', 'master').executeTakeFirstOrThrow();
  const master = Buffer.from(row.value, 'base64url');
  const subkeys = new Map<KeyUse, Buffer>();
  const keyOf = (use: KeyUse) => {
    let key = subkeys.get(use);
    if (!key) subkeys.set(use, (key = createHmac('sha256', master).update(`dateline-comments:${use}`).digest()));
    return key;
  };
  const digest = (use: KeyUse, ...parts: string[]) => createHmac('sha256', keyOf(use)).update(parts.join('\u0000')).digest();
  return { digest, sign: (use, ...parts) => digest(use, ...parts).toString('base64url') };
}

export function commentKeys(ctx: DbCtx): Promise<CommentKeys> {
  let keys = loaded.get(ctx.db);
  if (!keys) {
    keys = load(ctx);
    loaded.set(ctx.db, keys);
    keys.catch(() => loaded.delete(ctx.db));
  }
  return keys;
}

/** The salted hash of a client address: what the rate limits, spam lists and moderators see. */
export async function hashAddress(ctx: DbCtx, ip: string): Promise<string> {
  return (await commentKeys(ctx)).sign('ip', ip).slice(0, 22);
}
