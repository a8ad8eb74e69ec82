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
    // Keep the server busy, then ask it to stop while a burst is being answered.
    const burst = Array.from({ length: 20 }, () => fetch(`${server.url}/en/`).then((r) => r.status, () => 'refused'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    server.child.kill('SIGTERM');
    const statuses = await Promise.all(burst);
    const code = await exited;
    assert.equal(code, 0, server.output());
    assert.match(server.output(), /SIGTERM received/);
    assert.ok(statuses.every((s) => s === 200 || s === 'refused'), `no request may fail half-answered: ${statuses.join(',')}`);
    assert.ok(statuses.includes(200));
    // A cleanly closed SQLite database in WAL mode leaves no write-ahead log behind.
    assert.ok(!fs.existsSync(path.join(dataDir, 'dateline.sqlite-wal')), 'the WAL was checkpointed and removed on close');
  });
});
