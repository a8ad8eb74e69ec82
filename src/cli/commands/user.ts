// `dateline user create|list`: newsroom accounts. A password is never taken from the environment;
// without --password it is asked for twice on a terminal, or read as one line from a pipe.
import readline from 'node:readline';
import { createUser, listUsers } from '../../domain/users/index.js';
import { UsageError, out, stringOption, type Noun } from '../command.js';
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
        const users = await withDatabase(input.config(), (ctx) => listUsers(ctx));
        if (!users.length) return out('No users.');
        for (const u of users) out(`${String(u.id).padStart(4)}  ${u.role.padEnd(10)}  ${u.email}  ${u.name}${u.disabled ? '  (disabled)' : ''}`);
      },
    },
  },
};
export default user;
