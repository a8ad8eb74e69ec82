// `dateline token create|list|revoke`: Admin API tokens. The secret is printed once at creation;
// listings show what a token is and when it was last used, never the secret or its hash.
import { createApiToken, listApiTokens, revokeApiToken, type ApiTokenInfo } from '../../domain/users/index.js';
import { idArgument, out, stringOption, type Noun } from '../command.js';
import { withDatabase } from '../storage.js';

function line(t: ApiTokenInfo): string {
  const state = t.revokedAt ? `revoked ${t.revokedAt}` : `last used ${t.lastUsedAt ?? 'never'}`;
  return `${String(t.id).padStart(4)}  ${t.userEmail}  ${JSON.stringify(t.name)}  created ${t.createdAt}  ${state}`;
}

const token: Noun = {
  name: 'token',
  summary: 'Admin API tokens',
  verbs: {
    create: {
      summary: 'Issue an Admin API token for a user (printed once)',
      options: {
        email: { type: 'string', value: 'EMAIL', help: 'The account the token acts as', required: true },
        name: { type: 'string', value: 'LABEL', help: 'What the token is for, shown by `token list` (default: cli)' },
      },
      async run(input) {
        const secret = await withDatabase(input.config(), (ctx) => createApiToken(ctx, { email: stringOption(input, 'email')!, name: stringOption(input, 'name') ?? 'cli' }));
        out(secret);
      },
    },
    list: {
      summary: 'List API tokens (number, user, label, created, last used), newest first',
      options: { user: { type: 'string', value: 'EMAIL', help: 'Only this account’s tokens' } },
      notes: ['Last use is recorded to the minute.'],
      async run(input) {
        const email = stringOption(input, 'user');
        const tokens = await withDatabase(input.config(), (ctx) => listApiTokens(ctx, email === undefined ? {} : { email }));
        if (!tokens.length) return out('No tokens.');
        for (const t of tokens) out(line(t));
      },
    },
    revoke: {
      summary: 'Revoke an API token at once (its number is in `token list`)',
      args: [{ name: 'id', help: 'The token’s number' }],
      async run(input) {
        const id = idArgument(input.args[0], 'The token');
        const revoked = await withDatabase(input.config(), (ctx) => revokeApiToken(ctx, id));
        out(`Revoked token ${revoked.id} of ${revoked.userEmail} (${JSON.stringify(revoked.name)}); requests bearing it are refused from now on.`);
      },
    },
  },
};
export default token;
