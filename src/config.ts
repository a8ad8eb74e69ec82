// Environment → one typed Config. A bad value names the variable and stops start-up with one line.
// loadConfig checks what the text alone can tell; checkServeConfig checks, before anything is
// written, what only the machine can tell (does HOST resolve, is DATA_DIR a usable directory).
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import dns from 'node:dns/promises';
import net from 'node:net';
import path from 'node:path';

export type DialectName = 'sqlite' | 'postgres';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** postgres://… when set; otherwise SQLite in dataDir. */
  databaseUrl: string | undefined;
  dialect: DialectName;
  sqlitePath: string;
  /**
   * SQLite's commit durability. 'normal' (WAL, the default): a commit is in the WAL before it is
   * acknowledged, so a crash of the process loses nothing; a power cut may lose the last commits
   * since the previous sync. 'full': every commit waits for fsync (about 5 ms here, with the event
   * loop held), which survives a power cut too but caps writes near 200 a second.
   */
  sqliteSync: 'normal' | 'full';
  baseUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** How long a job may run before another server assumes its runner died and takes it over. */
  jobLeaseMs: number;
  /** 'auto' seeds the demo newsroom when the database has no editions; 'off' never does. */
  demoContent: 'auto' | 'off';
  trustProxy: boolean;
  /** Keep rendered public pages in memory (on by default; off for debugging and the miss benchmark). */
  pageCache: boolean;
  /** How long a search result is reused while nothing changed (0: every search runs). */
  searchCacheMs: number;
  /** Searches a minute one client may run that the result cache cannot answer (0: no limit). */
  searchRateLimit: number;
  /** NODE_ENV=production: the server refuses defaults that only make sense on a laptop. */
  production: boolean;
  /** BASE_URL was given, rather than derived from PORT. */
  baseUrlGiven: boolean;
  /** A newsroom session ends after this long without a request… */
  sessionIdleMs: number;
  /** …and this long after sign-in, whatever its use. */
  sessionMaxMs: number;
  /** SMTP for comment notifications; undefined when SMTP_URL is unset (no email is sent). */
  mail: { url: string; from: string; moderators: string[] } | undefined;
  /** Comment posts allowed per minute from one client address and to one article. */
  commentRates: { perAddress: number; perArticle: number };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

/** Every variable the server reads, with its default, for the README and `--help`. */
export const CONFIG_VARIABLES: ReadonlyArray<{ name: string; fallback: string; meaning: string }> = [
  { name: 'PORT', fallback: '3000', meaning: 'TCP port the server listens on' },
  { name: 'HOST', fallback: '127.0.0.1', meaning: 'interface to bind; 0.0.0.0 for all' },
  { name: 'DATA_DIR', fallback: './data', meaning: 'where the SQLite database and uploaded media live' },
  { name: 'DATABASE_URL', fallback: '(unset: SQLite)', meaning: 'postgres://user:pass@host:5432/db to use PostgreSQL' },
  { name: 'SQLITE_SYNC', fallback: 'normal', meaning: 'normal: commits survive a crash of the process; full: also a power cut, at about 5 ms a commit' },
  { name: 'BASE_URL', fallback: 'http://localhost:$PORT', meaning: 'public origin used for absolute links, feeds and sitemaps' },
  { name: 'LOG_LEVEL', fallback: 'info', meaning: 'fatal, error, warn, info, debug, trace or silent' },
  { name: 'DEMO_CONTENT', fallback: 'auto', meaning: 'auto seeds the demo newsroom into an empty database; off never does' },
  { name: 'TRUST_PROXY', fallback: 'false', meaning: 'true when behind a reverse proxy that sets X-Forwarded-For' },
  { name: 'PAGE_CACHE', fallback: 'true', meaning: 'keep rendered public pages in memory, dropped precisely when articles change' },
  { name: 'SEARCH_CACHE_SECONDS', fallback: '30', meaning: 'reuse a search result this long unless something is published or changed (0-300; 0 off)' },
  { name: 'SEARCH_RATE_LIMIT', fallback: '120', meaning: 'searches a minute one client address may run that the result cache cannot answer (0-100000; 0 no limit)' },
  { name: 'NODE_ENV', fallback: '(unset)', meaning: 'production makes BASE_URL required' },
  { name: 'SESSION_IDLE_MINUTES', fallback: '60', meaning: 'a newsroom session ends after this many minutes without a request (5-1440)' },
  { name: 'SESSION_MAX_HOURS', fallback: '12', meaning: 'a newsroom session ends this many hours after sign-in (1-720)' },
  { name: 'SMTP_URL', fallback: '(unset: no email)', meaning: 'smtp://user:pass@host:587 or smtps://… for comment notifications' },
  { name: 'MAIL_FROM', fallback: '(required with SMTP_URL)', meaning: 'sender address of comment notifications' },
  { name: 'MODERATOR_EMAILS', fallback: '(none)', meaning: 'comma-separated addresses told of comments awaiting moderation' },
  { name: 'COMMENT_RATE_ADDRESS', fallback: '5', meaning: 'comment posts a minute from one client address (1-100000)' },
  { name: 'COMMENT_RATE_ARTICLE', fallback: '60', meaning: 'comment posts a minute to one article from everyone (1-100000)' },
  { name: 'JOB_LEASE_SECONDS', fallback: '60', meaning: 'after this long a job whose server died is run again by another (2-3600)' },
];

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${value}")`);
}

function bool(name: string, value: string): boolean {
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(name, `must be true or false (got "${value}")`);
}

/** Hide a password in a database URL before it reaches a log or an error line. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparseable URL)';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const get = (name: string) => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };

  const rawPort = get('PORT') ?? '3000';
  if (!/^\d+$/.test(rawPort) || Number(rawPort) > 65535) {
    throw new ConfigError('PORT', `must be an integer between 0 and 65535 (got "${rawPort}")`);
  }
  const port = Number(rawPort);

  const host = checkHostSyntax(get('HOST') ?? '127.0.0.1');
  const dataDir = path.resolve(cwd, get('DATA_DIR') ?? 'data');

  const databaseUrl = get('DATABASE_URL');
  if (databaseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(databaseUrl);
    } catch {
      throw new ConfigError('DATABASE_URL', 'is not a valid URL; expected postgres://user:password@host:5432/database');
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      throw new ConfigError(
        'DATABASE_URL',
        `must start with postgres:// (got "${url.protocol}//"); leave it unset to use SQLite in DATA_DIR`,
      );
    }
    if (!url.pathname || url.pathname === '/') {
      throw new ConfigError('DATABASE_URL', `names no database: ${redactUrl(databaseUrl)}`);
    }
  }

  const givenBase = get('BASE_URL');
  const rawBase = givenBase ?? `http://localhost:${port}`;
  let baseUrl: string;
  try {
    const url = new URL(rawBase);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
    if (url.search || url.hash) throw new Error('query');
    baseUrl = url.toString().replace(/\/+$/, '');
  } catch {
    throw new ConfigError('BASE_URL', `must be an absolute http(s) URL without query, like https://news.example.org (got "${rawBase}")`);
  }

  /** A whole number from min to max, or one line naming the variable, its unit and its range. */
  const whole = (name: string, fallback: string, min: number, max: number, unit: string) => {
    const raw = get(name) ?? fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      throw new ConfigError(name, `must be a whole number of ${unit} from ${min} to ${max} (got "${raw}")`);
    }
    return Number(raw);
  };
  const sessionIdleMs = whole('SESSION_IDLE_MINUTES', '60', 5, 1440, 'minutes') * 60_000;
  const sessionMaxMs = whole('SESSION_MAX_HOURS', '12', 1, 720, 'hours') * 3_600_000;
  const jobLeaseMs = whole('JOB_LEASE_SECONDS', '60', 2, 3600, 'seconds') * 1000;
  const searchCacheMs = whole('SEARCH_CACHE_SECONDS', '30', 0, 300, 'seconds') * 1000;
  const searchRateLimit = whole('SEARCH_RATE_LIMIT', '120', 0, 100_000, 'searches a minute');
  const rate = (name: string, fallback: string) => whole(name, fallback, 1, 100_000, 'posts a minute');
  const ADDRESS = /^[^\s@,<>]+@[^\s@,<>]+\.[^\s@,<>]+$/;
  let mail: Config['mail'];
  const smtpUrl = get('SMTP_URL');
  if (smtpUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(smtpUrl);
    } catch {
      throw new ConfigError('SMTP_URL', 'is not a valid URL; expected smtp://user:password@host:587 or smtps://host:465');
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new ConfigError('SMTP_URL', `must start with smtp:// or smtps:// (got "${url.protocol}//")`);
    const from = get('MAIL_FROM');
    if (!from || !ADDRESS.test(from)) throw new ConfigError('MAIL_FROM', `must be an email address when SMTP_URL is set (got "${from ?? ''}")`);
    const moderators = (get('MODERATOR_EMAILS') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const bad = moderators.find((m) => !ADDRESS.test(m));
    if (bad !== undefined) throw new ConfigError('MODERATOR_EMAILS', `must be comma-separated email addresses (got "${bad}")`);
    mail = { url: smtpUrl, from, moderators };
  }
  const commentRates = { perAddress: rate('COMMENT_RATE_ADDRESS', '5'), perArticle: rate('COMMENT_RATE_ARTICLE', '60') };

  return {
    mail,
    commentRates,
    port,
    host,
    dataDir,
    databaseUrl,
    dialect: databaseUrl ? 'postgres' : 'sqlite',
    sqlitePath: path.join(dataDir, 'dateline.sqlite'),
    sqliteSync: oneOf('SQLITE_SYNC', get('SQLITE_SYNC') ?? 'normal', ['normal', 'full'] as const),
    baseUrl,
    logLevel: oneOf('LOG_LEVEL', get('LOG_LEVEL') ?? 'info', LOG_LEVELS),
    jobLeaseMs,
    demoContent: oneOf('DEMO_CONTENT', get('DEMO_CONTENT') ?? 'auto', ['auto', 'off'] as const),
    trustProxy: bool('TRUST_PROXY', get('TRUST_PROXY') ?? 'false'),
    pageCache: bool('PAGE_CACHE', get('PAGE_CACHE') ?? 'true'),
    searchCacheMs,
    searchRateLimit,
    production: get('NODE_ENV') === 'production',
    baseUrlGiven: givenBase !== undefined,
    sessionIdleMs,
    sessionMaxMs,
  };
}

// RFC 1123 host names: dot-separated labels of letters, digits and inner hyphens.
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

/**
 * An IP literal, or something shaped like a host name. Dotted numbers that are not an IPv4
 * address (999.1.1.1) are refused here: some resolvers answer them anyway, and no real name has
 * an all-numeric top label.
 */
function checkHostSyntax(host: string): string {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (net.isIP(bare)) return bare;
  const labels = bare.replace(/\.$/, '').split('.');
  if (!HOST_NAME.test(bare) || /^\d+$/.test(labels[labels.length - 1] ?? '')) {
    throw new ConfigError('HOST', `must be an IP address such as 127.0.0.1, 0.0.0.0 or ::, or a host name of this machine (got "${host}")`);
  }
  return bare;
}

/** How long a host name may take to resolve before start-up gives up on it. */
const LOOKUP_TIMEOUT_MS = 3000;

async function checkHostResolves(host: string): Promise<void> {
  if (net.isIP(host)) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), LOOKUP_TIMEOUT_MS);
  });
  try {
    const outcome = await Promise.race([dns.lookup(host).then(() => 'ok' as const, (error: NodeJS.ErrnoException) => error.code ?? 'error'), timeout]);
    if (outcome === 'timeout') throw new ConfigError('HOST', `"${host}" did not resolve within ${LOOKUP_TIMEOUT_MS / 1000} s; use an IP address`);
    if (outcome !== 'ok') throw new ConfigError('HOST', `"${host}" does not resolve to an address of this machine (${outcome}); use an IP address such as 127.0.0.1 or 0.0.0.0`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * DATA_DIR must be a directory we can write, or one we can create. The nearest existing ancestor
 * is found first and each missing level made one at a time: a recursive mkdir of a path under
 * /proc loops forever in Node 20, and a path under a regular file must fail at once.
 */
export async function checkDataDir(dir: string): Promise<void> {
  const fail = (why: string) => new ConfigError('DATA_DIR', `${why} (${dir}); set DATA_DIR to a writable directory`);
  const missing: string[] = [];
  let current = dir;
  for (;;) {
    const stat = await fs.stat(current).catch((error: NodeJS.ErrnoException) => error);
    if (!(stat instanceof Error)) {
      if (!stat.isDirectory()) throw fail(current === dir ? 'is not a directory' : `cannot be created: ${current} is not a directory`);
      break;
    }
    if (stat.code === 'ENOTDIR') throw fail('cannot be created: part of the path is a file');
    if (stat.code !== 'ENOENT') throw fail(`cannot be read (${stat.code ?? 'error'})`);
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) throw fail('cannot be created');
    current = parent;
  }
  for (const level of missing) {
    try {
      await fs.mkdir(level);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw fail(`cannot be created (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  try {
    // access(W_OK) says yes to root on a read-only mount; only a real write tells.
    await fs.access(dir, fsConstants.W_OK | fsConstants.X_OK);
    const probe = path.join(dir, `.dateline-write-check-${process.pid}`);
    await fs.writeFile(probe, '');
    await fs.rm(probe, { force: true });
  } catch (error) {
    throw fail(`is not writable (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/**
 * What `dateline serve` needs beyond loadConfig, checked before the database is opened, so a
 * refusal leaves nothing behind: a resolvable HOST, a public BASE_URL in production, and a
 * writable DATA_DIR (media live there even with PostgreSQL).
 */
export async function checkServeConfig(config: Config): Promise<void> {
  await checkHostResolves(config.host);
  if (config.production && !config.baseUrlGiven) {
    throw new ConfigError('BASE_URL', 'must be set when NODE_ENV=production: feeds, sitemaps and robots.txt would point at localhost (e.g. BASE_URL=https://news.example.org)');
  }
  await checkDataDir(config.dataDir);
}
