// `dateline comments list|approve|spam|delete|export|erase`: moderation from the shell, through the
// same domain functions as the moderation desk, acting as the system.
import { COMMENT_STATES, eraseCommenterData, exportCommenterData, listForModeration, moderateComments, pendingIds, countByState, type CommentStatus } from '../../domain/comments/index.js';
import { NothingDone, UsageError, idArgument, integerOption, out, stringOption, type Input, type Noun, type Verb } from '../command.js';
import { assertEdition } from '../edition-option.js';
import { withDatabase } from '../storage.js';

const ids = (input: Input): number[] => input.args.map((a) => idArgument(a, 'Each comment id'));

function moderate(to: CommentStatus, summary: string, allowAll: boolean): Verb {
  return {
    summary,
    args: [{ name: 'id', help: 'Comment numbers, as `dateline comments list` shows them', variadic: true, optional: allowAll }],
    options: allowAll
      ? { all: { type: 'boolean', help: 'Every pending comment' }, edition: { type: 'string', value: 'CODE', help: 'With --all: only this edition’s' } }
      : {},
    notes: allowAll ? ['Give comment numbers or --all.'] : [],
    async run(input) {
      const all = input.options.all === true;
      if (all && input.args.length) throw new UsageError('give comment numbers or --all, not both');
      if (!all && !input.args.length) throw new UsageError('missing <id>');
      const given = all ? [] : ids(input);
      const done = await withDatabase(input.config(), async (ctx) => {
        const edition = stringOption(input, 'edition');
        await assertEdition(ctx, edition);
        const chosen = all ? await pendingIds(ctx, edition) : given;
        if (!chosen.length) throw new NothingDone();
        return moderateComments(ctx, chosen, to);
      });
      out(`${done.ids.length} comment${done.ids.length === 1 ? '' : 's'} now ${to === 'trash' ? 'in the trash (emptied after 30 days)' : to}: ${done.ids.join(', ')}.`);
    },
  };
}

const emailOption = { email: { type: 'string' as const, value: 'EMAIL', help: 'The commenter’s email address', required: true } };

const comments: Noun = {
  name: 'comments',
  summary: 'Reader comments: moderation, and commenters’ personal data',
  verbs: {
    list: {
      summary: 'Show comments, newest first, with their state, article, email and hashed address',
      options: {
        state: { type: 'string', value: COMMENT_STATES.join('|'), help: 'Only comments in this state' },
        edition: { type: 'string', value: 'CODE', help: 'Only comments on this edition’s articles' },
        limit: { type: 'string', value: 'N', help: 'How many to show, 1-500 (default 50)' },
      },
      async run(input) {
        const state = stringOption(input, 'state');
        if (state !== undefined && !COMMENT_STATES.includes(state as CommentStatus)) throw new UsageError(`--state must be one of ${COMMENT_STATES.join(', ')}`);
        const limit = integerOption(input, 'limit', { min: 1, max: 500 }) ?? 50;
        const edition = stringOption(input, 'edition');
        const [counts, page] = await withDatabase(input.config(), async (ctx) => {
          await assertEdition(ctx, edition);
          return Promise.all([countByState(ctx, edition), listForModeration(ctx, { state: state as CommentStatus | undefined, edition, limit })]);
        });
        out(COMMENT_STATES.map((s) => `${s} ${counts[s]}`).join('  '));
        for (const c of page.items) {
          const text = c.erased ? '(erased)' : c.body.replace(/\s+/g, ' ').slice(0, 70);
          out(`${String(c.id).padStart(6)}  ${c.status.padEnd(8)}  ${c.edition}  article ${c.articleId}  ${c.name} <${c.email}>  ip ${c.ipHash.slice(0, 10)}  ${c.createdAt}${c.reasons.length ? `  held: ${c.reasons.join(',')}` : ''}`);
          out(`        ${text}`);
        }
      },
    },
    approve: moderate('approved', 'Approve comments: readers see them at once', true),
    spam: moderate('spam', 'Mark comments as spam (the filter learns from it)', false),
    delete: moderate('trash', 'Move comments to the trash (emptied after 30 days)', false),
    export: {
      summary: 'Print, as JSON, every comment stored with an email address',
      options: emailOption,
      async run(input) {
        const data = await withDatabase(input.config(), (ctx) => exportCommenterData(ctx, stringOption(input, 'email')!));
        out(JSON.stringify({ email: stringOption(input, 'email'), comments: data }, null, 2));
      },
    },
    erase: {
      summary: 'Erase a commenter’s name, email, website, text and address; replies keep their place',
      options: emailOption,
      async run(input) {
        const { erased } = await withDatabase(input.config(), (ctx) => eraseCommenterData(ctx, stringOption(input, 'email')!));
        if (!erased) throw new NothingDone();
        out(`Erased ${erased} comment${erased === 1 ? '' : 's'}; each shows as “comment removed” in its thread.`);
      },
    },
  },
};

export default comments;
