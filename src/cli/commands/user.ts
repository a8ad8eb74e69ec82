// `dateline user create|list|invite|deactivate|reset-2fa`: newsroom accounts. A password is never
// taken from the environment; without --password it is asked for twice on a terminal, or read as
// one line from a pipe. An invitation prints a one-time link (no email server is needed).
import readline from 'node:readline';
import { createInvitation, createUser, deactivateUser, INVITATION_PATH, listAccounts, resetTotp, userIdByEmail } from '../../domain/users/index.js';
import { UsageError, listOption, out, stringOption, type Noun } from '../command.js';
import { withDatabase } from '../storage.js';

async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    // Piped: the first line of standard input is the password.
    const rl = readline.createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    throw new UsageError('no password given: pass --password or type it on standard input');
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      const mutable = rl as unknown as { _writeToOutput: (s: string) => void };
      process.stdout.write(prompt);
      mutable._writeToOutput = () => {};
      rl.question('', (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Password: ');
  const second = await ask('Repeat password: ');
  if (first !== second) throw new UsageError('the passwords do not match');
  return first;
}

const user: Noun = {
  name: 'user',
  summary: 'Newsroom accounts',
  verbs: {
    create: {
      summary: 'Create a newsroom account',
      options: {
        email: { type: 'string', value: 'EMAIL', help: 'Sign-in address (unique)', required: true },
        name: { type: 'string', value: 'NAME', help: 'Name shown in the newsroom', required: true },
        role: { type: 'string', value: 'admin|editor|reporter|translator|moderator', help: 'What the account may do', required: true },
        password: { type: 'string', value: 'PASSWORD', help: 'At least 12 characters; asked for when omitted' },
      },
      notes: ['Without --password, asks for it (or reads one line from standard input).'],
      async run(input) {
        const password = stringOption(input, 'password') ?? (await askPassword());
        const created = await withDatabase(input.config(), (ctx) =>
          createUser(ctx, { email: stringOption(input, 'email')!, name: stringOption(input, 'name')!, role: stringOption(input, 'role')!, password }),
        );
        out(`Created ${created.role} #${created.id} ${created.email}`);
      },
    },
    list: {
      summary: 'List newsroom accounts',
      async run(input) {
        const users = await withDatabase(input.config(), (ctx) => listAccounts(ctx));
        if (!users.length) return out('No users.');
        for (const u of users) {
          const notes = [u.editions.length ? `editions ${u.editions.join(',')}` : '', u.totpEnabled ? '2fa' : '', u.disabled ? 'disabled' : ''].filter(Boolean);
          out(`${String(u.id).padStart(4)}  ${u.role.padEnd(10)}  ${u.email}  ${u.name}${notes.length ? `  (${notes.join(', ')})` : ''}`);
        }
      },
    },
    invite: {
      summary: 'Print a one-time link that lets someone create their account',
      options: {
        email: { type: 'string', value: 'EMAIL', help: 'The invitee\'s sign-in address', required: true },
        role: { type: 'string', value: 'admin|editor|reporter|translator|moderator', help: 'What the account may do', required: true },
        edition: { type: 'string', value: 'CODE', help: 'Limit the account to this edition (repeat for several; omit for all)', multiple: true },
      },
      notes: ['The link works once and for 7 days. The invitee chooses their name and password.'],
      fields: { editions: 'edition' },
      async run(input) {
        const config = input.config();
        const invitation = await withDatabase(config, (ctx) =>
          createInvitation(ctx, { email: stringOption(input, 'email')!, role: stringOption(input, 'role')!, editions: listOption(input, 'edition') }),
        );
        out(`Invitation for ${invitation.role} ${invitation.email}${invitation.editions.length ? ` (editions ${invitation.editions.join(', ')})` : ''}, valid until ${invitation.expiresAt}:`);
        out(`${config.baseUrl}${INVITATION_PATH}${invitation.token}`);
      },
    },
    deactivate: {
      summary: 'Deactivate an account: its sessions end at once and its API tokens stop working',
      options: { email: { type: 'string', value: 'EMAIL', help: 'The account\'s sign-in address', required: true } },
      async run(input) {
        const email = stringOption(input, 'email')!;
        await withDatabase(input.config(), async (ctx) => deactivateUser(ctx, await userIdByEmail(ctx, email)));
        out(`Deactivated ${email.trim().toLowerCase()}`);
      },
    },
    'reset-2fa': {
      summary: 'Turn off an account\'s two-step verification (a lost phone); its recovery codes are deleted',
      options: { email: { type: 'string', value: 'EMAIL', help: 'The account\'s sign-in address', required: true } },
      async run(input) {
        const email = stringOption(input, 'email')!;
        await withDatabase(input.config(), async (ctx) => resetTotp(ctx, await userIdByEmail(ctx, email)));
        out(`Two-step verification reset for ${email.trim().toLowerCase()}`);
      },
    },
  },
};
export default user;
