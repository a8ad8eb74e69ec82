// Environment → one typed Config. A bad value names the variable and stops start-up with one line.
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
  baseUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** How long a job may run before another server assumes its runner died and takes it over. */
  jobLeaseMs: number;
  /** 'auto' seeds the demo newsroom when the database has no editions; 'off' never does. */
  demoContent: 'auto' | 'off';
  trustProxy: boolean;
  /** Keep rendered public pages in memory (on by default; off for debugging and the miss benchmark). */
  pageCache: boolean;
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
  { name: 'BASE_URL', fallback: 'http://localhost:$PORT', meaning: 'public origin used for absolute links, feeds and sitemaps' },
  { name: 'LOG_LEVEL', fallback: 'info', meaning: 'fatal, error, warn, info, debug, trace or silent' },
  { name: 'DEMO_CONTENT', fallback: 'auto', meaning: 'auto seeds the demo newsroom into an empty database; off never does' },
  { name: 'TRUST_PROXY', fallback: 'false', meaning: 'true when behind a reverse proxy that sets X-Forwarded-For' },
  { name: 'PAGE_CACHE', fallback: 'true', meaning: 'keep rendered public pages in memory, dropped precisely when articles change' },
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

  const host = get('HOST') ?? '127.0.0.1';
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

  const rawBase = get('BASE_URL') ?? `http://localhost:${port}`;
  let baseUrl: string;
  try {
    const url = new URL(rawBase);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
    if (url.search || url.hash) throw new Error('query');
    baseUrl = url.toString().replace(/\/+$/, '');
  } catch {
    throw new ConfigError('BASE_URL', `must be an absolute http(s) URL without query, like https://news.example.org (got "${rawBase}")`);
  }

  const rawLease = get('JOB_LEASE_SECONDS') ?? '60';
  if (!/^\d+$/.test(rawLease) || Number(rawLease) < 2 || Number(rawLease) > 3600) {
    throw new ConfigError('JOB_LEASE_SECONDS', `must be a whole number of seconds from 2 to 3600 (got "${rawLease}")`);
  }

  return {
    port,
    host,
    dataDir,
    databaseUrl,
    dialect: databaseUrl ? 'postgres' : 'sqlite',
    sqlitePath: path.join(dataDir, 'dateline.sqlite'),
    baseUrl,
    logLevel: oneOf('LOG_LEVEL', get('LOG_LEVEL') ?? 'info', LOG_LEVELS),
    jobLeaseMs: Number(rawLease) * 1000,
    demoContent: oneOf('DEMO_CONTENT', get('DEMO_CONTENT') ?? 'auto', ['auto', 'off'] as const),
    trustProxy: bool('TRUST_PROXY', get('TRUST_PROXY') ?? 'false'),
    pageCache: bool('PAGE_CACHE', get('PAGE_CACHE') ?? 'true'),
  };
}
