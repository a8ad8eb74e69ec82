// The shape of a CLI command, declared as data: a noun, its verbs, their positional arguments
// and options with help text. main.ts parses argv against it (node:util parseArgs, strict), prints
// help from it, and refuses what it does not declare; commands/*.ts only declare and run.
import type { Config } from '../config.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Placeholder in the usage line, e.g. EMAIL; string options only. */
  value?: string;
  help: string;
  required?: boolean;
  /** May be given more than once (values arrive as a list). */
  multiple?: boolean;
}

export interface ArgSpec {
  name: string;
  help: string;
  /** The last argument may take several values (`<id…>`); optional when the verb says so. */
  variadic?: boolean;
  optional?: boolean;
}

export interface Input {
  /** The positional arguments, as many as the verb declares. */
  args: string[];
  options: Record<string, string | boolean | string[] | undefined>;
  config(): Config;
}

export interface Verb {
  summary: string;
  args?: ArgSpec[];
  options?: Record<string, OptionSpec>;
  /** Lines printed under the options in --help. */
  notes?: string[];
  /**
   * Domain field → option, so an invalid field is reported as the option the operator typed
   * (nativeName → --name). Unlisted fields print as their kebab-case name.
   */
  fields?: Record<string, string>;
  run(input: Input): Promise<void>;
}

/** A noun either runs itself (`dateline serve`) or has verbs (`dateline user create`). */
export type Noun = { name: string; summary: string } & ({ run: Verb; verbs?: never } | { verbs: Record<string, Verb>; run?: never });

/** Wrong invocation: exit 2 with the usage. */
export class UsageError extends Error {}
/** The command failed for a reason stated in one line: exit 1. */
export class Failure extends Error {}
/** The command ran but found nothing to act on: exit 1 without another message. */
export class NothingDone extends Error {}

export const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

export function stringOption(input: Input, name: string): string | undefined {
  const value = input.options[name];
  return typeof value === 'string' ? value : undefined;
}

export function listOption(input: Input, name: string): string[] {
  const value = input.options[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

/** A whole number option within bounds, or a usage error naming it. */
export function integerOption(input: Input, name: string, bounds: { min: number; max: number }): number | undefined {
  const raw = stringOption(input, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || value < bounds.min || value > bounds.max) {
    throw new UsageError(`--${name} must be a whole number from ${bounds.min} to ${bounds.max}`);
  }
  return value;
}

/** `--name fa=تهران` → ['fa', 'تهران']: a language and a text, for per-language values. */
export function languagePairs(input: Input, name: string): Array<[string, string]> {
  return listOption(input, name).map((raw) => {
    const at = raw.indexOf('=');
    if (at < 1) throw new UsageError(`--${name} takes LANGUAGE=TEXT, e.g. --${name} en=Tehran`);
    return [raw.slice(0, at).trim(), raw.slice(at + 1)];
  });
}

/** An id argument: a positive whole number. */
export function idArgument(value: string | undefined, what: string): number {
  const id = Number(value);
  if (!value || !/^\d+$/.test(value) || !Number.isSafeInteger(id) || id < 1) throw new UsageError(`${what} must be a number, as shown by the list command`);
  return id;
}

/** Usage line from the declaration: required options bare, optional ones in brackets. */
export function usageLine(command: string, verb: Verb): string {
  const parts = [`dateline ${command}`];
  for (const arg of verb.args ?? []) parts.push(arg.optional ? `[<${arg.name}${arg.variadic ? '…' : ''}>]` : `<${arg.name}${arg.variadic ? '…' : ''}>`);
  for (const [name, spec] of Object.entries(verb.options ?? {})) {
    const text = spec.type === 'boolean' ? `--${name}` : `--${name} ${spec.value ?? 'VALUE'}`;
    const shown = spec.multiple ? `${text}…` : text;
    parts.push(spec.required ? shown : `[${shown}]`);
  }
  return parts.join(' ');
}

export function verbHelp(command: string, verb: Verb): string {
  const lines = [verb.summary, '', `Usage: ${usageLine(command, verb)}`];
  const args = verb.args ?? [];
  const options = Object.entries(verb.options ?? {});
  const labels = [...args.map((a) => `<${a.name}>`), ...options.map(([name, spec]) => (spec.type === 'boolean' ? `--${name}` : `--${name} ${spec.value ?? 'VALUE'}`))];
  const width = Math.max('--help'.length, ...labels.map((l) => l.length));
  if (args.length || options.length) lines.push('');
  args.forEach((a, i) => lines.push(`  ${labels[i]!.padEnd(width)}  ${a.help}`));
  options.forEach(([, spec], i) => lines.push(`  ${labels[args.length + i]!.padEnd(width)}  ${spec.help}${spec.required ? ' (required)' : ''}`));
  lines.push(`  ${'--help'.padEnd(width)}  Show this help`);
  if (verb.notes?.length) lines.push('', ...verb.notes);
  return lines.join('\n');
}
