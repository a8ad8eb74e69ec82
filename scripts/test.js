// `npm test`: finds the test files, decides which real services are here (PostgreSQL, Chromium),
// says plainly what it will skip, and runs node's test runner through tsx. Under CI=true a
// missing service fails the run instead of skipping it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const ci = /^(1|true)$/i.test(process.env.CI ?? '');
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function postgresReachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    return String(error.code ?? error.message);
  } finally {
    await client.end().catch(() => {});
  }
}

function collect(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return collect(full);
    return /\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const args = process.argv.slice(2);
const targets = args.length ? args.map((a) => path.resolve(a)) : [path.join(root, 'test')];
const files = targets.flatMap((t) => (fs.statSync(t).isDirectory() ? collect(t) : [t])).sort();
const env = { ...process.env };
const skipped = [];

const pgState = await postgresReachable(pgUrl);
if (pgState === true) env.DATELINE_TEST_PG = pgUrl;
else {
  env.DATELINE_TEST_PG = '';
  skipped.push(`PostgreSQL suites: no server at ${pgUrl.replace(/:[^:@/]+@/, ':***@')} (${pgState}); set TEST_DATABASE_URL`);
}
if (fs.existsSync(chromium)) env.DATELINE_TEST_CHROMIUM = chromium;
else {
  env.DATELINE_TEST_CHROMIUM = '';
  skipped.push(`browser suites: no Chromium at ${chromium} (apt-get install chromium fonts-noto-core)`);
}

const java = spawnSync('java', ['-version'], { stdio: 'ignore' });
if (java.status === 0) env.DATELINE_TEST_JAVA = 'java';
else {
  env.DATELINE_TEST_JAVA = '';
  skipped.push('HTML validity suite: no Java for the Nu Html Checker (apt-get install default-jre-headless)');
}

if (skipped.length) {
  const banner = ci ? 'CI=true and a required service is missing:' : 'These suites will be SKIPPED on this machine:';
  console.log(`\n${banner}\n${skipped.map((s) => `  - ${s}`).join('\n')}\n`);
  if (ci) process.exit(1);
}

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files],
  { stdio: 'inherit', env, cwd: root },
);
if (skipped.length) console.log(`\nSkipped here: ${skipped.join('; ')}`);
process.exit(result.status ?? 1);
