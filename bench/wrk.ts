// wrk as the load generator: a C client that outruns this server many times over (autocannon
// saturates near 18,000 requests/s on a 2-core machine; wrk, one thread, several times that), so
// a figure is the server's and not the yardstick's. A Lua script cycles through the paths and
// prints the summary as one JSON line, with the percentiles wrk's own report leaves out (p95).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface WrkResult {
  requests: number;
  rps: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export const WRK = ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((p) => fs.existsSync(p));

const SCRIPT = (paths: string[]) => `
local paths = { ${paths.map((p) => JSON.stringify(p)).join(', ')} }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRKJSON {"requests":%d,"duration_us":%d,"p50":%d,"p95":%d,"p99":%d,"errors":%d,"non2xx":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
`;

/** Runs wrk (1 thread) against `base` cycling through `paths`; throws when wrk is missing. */
export async function runWrk(base: string, paths: string[], options: { connections: number; seconds: number }): Promise<WrkResult> {
  if (!WRK) throw new Error('wrk is not installed (apt-get install wrk)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-wrk-'));
  const script = path.join(dir, 'paths.lua');
  fs.writeFileSync(script, SCRIPT(paths));
  try {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(WRK, ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--timeout', '10s', '-s', script, base], { stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}: ${text}`))));
    });
    const line = /WRKJSON (\{.*\})/.exec(out)?.[1];
    if (!line) throw new Error(`wrk printed no summary: ${out}`);
    const r = JSON.parse(line) as { requests: number; duration_us: number; p50: number; p95: number; p99: number; errors: number; non2xx: number };
    return { requests: r.requests, rps: Math.round(r.requests / (r.duration_us / 1e6)), p50: r.p50 / 1000, p95: r.p95 / 1000, p99: r.p99 / 1000, errors: r.errors, non2xx: r.non2xx };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
