// SIGTERM: the server stops accepting, answers what it is serving, closes the database and exits 0.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../../support/database.js';
import { startServer } from '../../support/server.js';

describe('graceful shutdown', () => {
  it('finishes requests under way, checkpoints SQLite and exits 0 on SIGTERM', async () => {
    const dataDir = tempDir();
    const server = await startServer({ DATA_DIR: dataDir, DEMO_CONTENT: 'auto' }, 120_000);
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    // A connection still in the listen backlog when the listener closes is reset before any byte
    // of an answer: that request was never accepted. Once headers arrive the body must be whole;
    // a failure while reading it rejects Promise.all below and fails the test.
    const notAccepted = new Set(['ECONNREFUSED', 'ECONNRESET']);
    const burst = Array.from({ length: 40 }, () =>
      fetch(`${server.url}/en/`).then(
        async (r) => {
          await r.text();
          return r.status;
        },
        (e: { cause?: { code?: string } }) => (notAccepted.has(e.cause?.code ?? '') ? 'not accepted' : `failed:${e.cause?.code ?? 'unknown'}`),
      ),
    );
    // Ask it to stop as soon as the first answer of the burst is back, while the rest are under way.
    await Promise.any(burst.map((p) => p.then((status) => (status === 200 ? status : Promise.reject(new Error(String(status)))))));
    server.child.kill('SIGTERM');
    const statuses = await Promise.all(burst);
    const code = await exited;
    assert.equal(code, 0, server.output());
    assert.match(server.output(), /SIGTERM received/);
    // Served (200), told to retry while closing (503, a whole page), or never accepted: nothing cut off.
    assert.ok(statuses.every((s) => s === 200 || s === 503 || s === 'not accepted'), statuses.join(','));
    assert.ok(statuses.includes(200));
    // A cleanly closed SQLite database in WAL mode leaves no write-ahead log behind.
    assert.ok(!fs.existsSync(path.join(dataDir, 'dateline.sqlite-wal')), 'the WAL was checkpointed and removed on close');
  });
});
