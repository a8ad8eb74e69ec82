// `dateline <noun> [<verb>] [args] [options]`: the operator's entry point. Parses argv against the
// declarations in commands/*.ts (registered in nouns.ts), prints help from them, and turns every
// failure into one line. The commands call the domain exactly as the web does, acting as an
// explicit system actor. Exit codes: 0 success, 1 failure, 2 usage error.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CONFIG_VARIABLES, loadConfig } from '../config.js';
import { NothingDone, UsageError, out, usageLine, verbHelp, type Noun, type Verb } from './command.js';
import { describeError } from './messages.js';
import * as registered from './nouns.js';

const NOUNS: Noun[] = Object.values(registered as Record<string, Noun>).sort((a, b) => a.name.localeCompare(b.name));
const nounNamed = (name: string) => NOUNS.find((n) => n.name === name);

const err = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

/** "user create", or "serve" for a noun without verbs, with its summary. */
function commandList(): Array<[string, string]> {
  return NOUNS.flatMap((noun): Array<[string, string]> =>
    noun.run ? [[noun.name, noun.summary]] : Object.entries(noun.verbs).map(([verb, v]) => [`${noun.name} ${verb}`, v.summary]),
  );
}

function help(): string {
  const list = commandList();
  const width = Math.max(...list.map(([name]) => name.length));
  const varWidth = Math.max(...CONFIG_VARIABLES.map((v) => v.name.length));
  return [
    'Usage: dateline <command> [options]',
    '',
    'Commands:',
    ...list.map(([name, summary]) => `  ${name.padEnd(width)}  ${summary}`),
    '',
    'Run `dateline <command> --help` or `dateline help <command>` for its options.',
    'Exit codes: 0 done, 1 failed (one line on standard error says why), 2 wrong usage.',
    '',
    'Environment:',
    ...CONFIG_VARIABLES.map((v) => `  ${v.name.padEnd(varWidth)}  ${v.meaning} (default: ${v.fallback})`),
  ].join('\n');
}

function nounHelp(noun: Noun & { verbs: Record<string, Verb> }): string {
  const verbs = Object.entries(noun.verbs);
  const width = Math.max(...verbs.map(([name]) => name.length));
  return [
    `${noun.summary}`,
    '',
    `Usage: dateline ${noun.name} <${verbs.map(([name]) => name).join('|')}> [options]`,
    '',
    ...verbs.map(([name, verb]) => `  ${name.padEnd(width)}  ${verb.summary}`),
    '',
    `Run \`dateline ${noun.name} <verb> --help\` for its options.`,
  ].join('\n');
}

const isHelpFlag = (arg: string | undefined) => arg === '--help' || arg === '-h';

/** Which verb of which noun argv names, and the arguments after it; or what to print instead. */
type Resolved = { command: string; verb: Verb; rest: string[] } | { print: string; code: number; stream: 'out' | 'err' };

function resolve(argv: string[]): Resolved {
  const [first, second, ...others] = argv;
  if (first === undefined) return { print: help(), code: 2, stream: 'err' };
  if (isHelpFlag(first)) return { print: help(), code: 0, stream: 'out' };
  if (first === 'help') {
    // `dateline help <noun> [verb]` is `dateline <noun> [verb] --help`.
    if (second === undefined) return { print: help(), code: 0, stream: 'out' };
    const target = resolve([second, ...others.filter((a) => !isHelpFlag(a)), '--help']);
    return 'verb' in target ? { print: verbHelp(target.command, target.verb), code: 0, stream: 'out' } : target;
  }
  const noun = nounNamed(first);
  if (!noun) return { print: `Unknown command "${first}".\n\n${help()}`, code: 2, stream: 'err' };
  if (noun.run) return { command: noun.name, verb: noun.run, rest: argv.slice(1) };
  if (second === undefined || isHelpFlag(second)) return { print: nounHelp(noun), code: second === undefined ? 2 : 0, stream: second === undefined ? 'err' : 'out' };
  const verb = noun.verbs[second];
  if (!verb) return { print: `Unknown command "${first} ${second}".\n\n${nounHelp(noun)}`, code: 2, stream: 'err' };
  return { command: `${noun.name} ${second}`, verb, rest: argv.slice(2) };
}

type Values = Record<string, string | boolean | string[] | undefined>;

function parse(verb: Verb, rest: string[]): { values: Values; positionals: string[] } {
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, spec] of Object.entries(verb.options ?? {})) options[name] = { type: spec.type, ...(spec.multiple ? { multiple: true } : {}) };
  const { values, positionals } = parseArgs({ args: rest, options, strict: true, allowPositionals: true });
  return { values: values as Values, positionals };
}

/** Declared requirements, checked before any database is opened. */
function checkInput(verb: Verb, values: Values, positionals: string[]): void {
  const args = verb.args ?? [];
  const required = args.filter((a) => !a.optional).length;
  if (positionals.length < required) throw new UsageError(`missing <${args[positionals.length]!.name}>`);
  if (positionals.length > args.length && !args[args.length - 1]?.variadic) throw new UsageError(`unexpected argument "${positionals[args.length]}"`);
  for (const [name, spec] of Object.entries(verb.options ?? {})) {
    const value = values[name];
    const empty = value === undefined || (typeof value === 'string' && !value.trim()) || (Array.isArray(value) && !value.length);
    if (spec.required && empty) throw new UsageError(`--${name} is required`);
  }
}

export async function main(argv: string[]): Promise<number> {
  const resolved = resolve(argv);
  if (!('verb' in resolved)) {
    (resolved.stream === 'out' ? out : err)(resolved.print);
    return resolved.code;
  }
  const { command, verb, rest } = resolved;
  const usage = () => `Usage: ${usageLine(command, verb)}\nRun \`dateline ${command} --help\` for details.`;
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parse(verb, rest);
  } catch (error) {
    // parseArgs names the unknown or malformed option in its first sentence; the rest is advice
    // about positionals that starts with a dash, which only confuses here.
    const [first = ''] = (error as Error).message.split(/(?<=\.) /);
    err(`${first}\n\n${usage()}`);
    return 2;
  }
  if (parsed.values.help) {
    out(verbHelp(command, verb));
    return 0;
  }
  try {
    checkInput(verb, parsed.values, parsed.positionals);
    await verb.run({ args: parsed.positionals, options: parsed.values, config: () => loadConfig() });
    return 0;
  } catch (error) {
    if (error instanceof NothingDone) return 1;
    if (error instanceof UsageError) {
      err(`${error.message}\n\n${usage()}`);
      return 2;
    }
    err(describeError(error, verb.fields));
    return 1;
  }
}

