// The --edition option of commands that act on one edition: it must name an edition of this
// database, or the command stops with a sentence and the editions there are.
import { notFound } from '../core/errors.js';
import { listEditions } from '../domain/editions/index.js';
import type { DbCtx } from '../storage/database.js';
import { Failure } from './command.js';
import { codeSentence } from './messages.js';

export async function assertEdition(ctx: DbCtx, edition: string | undefined): Promise<void> {
  if (edition === undefined) return;
  const codes = (await listEditions(ctx.db)).map((e) => e.code);
  if (codes.includes(edition)) return;
  const error = notFound('EDITION_NOT_FOUND');
  throw new Failure(`${codeSentence(error)} The editions are: ${codes.join(', ') || '(none yet; add one with `dateline edition create`)'}. (${error.code})`);
}
