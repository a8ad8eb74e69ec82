// The access log's hand-formatted line is the line pino itself writes for the same fields (so log
// tooling reads one format), the query never reaches it, and the batched writer main.ts gives the
// logger writes lines in batches, never loses them at exit and stays bounded when output stalls.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { createBatchedWriter } from '../../../src/main.js';
import { createAccessLog, pathOf } from '../../../src/web/plugins/access-log.js';

const capture = (level = 'info') => {
  const lines: string[] = [];
  const logger = pino({ level }, { write: (line: string) => void lines.push(line) });
  return { lines, logger };
};

describe('access log', () => {
  it('writes the line pino writes for the same fields, without the query', () => {
    const { lines, logger } = capture();
    createAccessLog(() => logger as unknown as FastifyBaseLogger)({ reqId: 'r-1', method: 'GET', url: '/fa/news/1/"x"?q=private', status: 200, ms: 0.123456, cache: 'hit' });
    logger.info({ reqId: 'r-1', method: 'GET', path: '/fa/news/1/"x"', status: 200, ms: 0.12, cache: 'hit' }, 'request');
    assert.equal(lines.length, 2);
    const [ours, theirs] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual({ ...ours, time: 0 }, { ...theirs, time: 0 });
    assert.doesNotMatch(lines[0] ?? '', /private/);
  });

  it('writes nothing below info', () => {
    const { lines, logger } = capture('warn');
    createAccessLog(() => logger as unknown as FastifyBaseLogger)({ reqId: 'r', method: 'GET', url: '/', status: 200, ms: 1 });
    assert.equal(lines.length, 0);
  });

  it('drops the query from the path', () => {
    assert.equal(pathOf('/en/search?q=a+b'), '/en/search');
    assert.equal(pathOf('/en/'), '/en/');
  });
});

describe('batched log writer', () => {
  const file = () => {
    const name = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-log-')), 'out.log');
    return { name, fd: fs.openSync(name, 'w') };
  };

  it('holds small lines until the period, then writes them in order', async () => {
    const { name, fd } = file();
    const writer = createBatchedWriter(fd, { everyMs: 50 });
    for (let i = 0; i < 10; i++) writer.write(`line ${i}\n`);
    assert.equal(fs.readFileSync(name, 'utf8'), '', 'nothing written per line');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(fs.readFileSync(name, 'utf8'), Array.from({ length: 10 }, (_, i) => `line ${i}\n`).join(''));
  });

  it('writes a full batch at once and the rest on flushSync', async () => {
    const { name, fd } = file();
    const writer = createBatchedWriter(fd, { batchBytes: 100, everyMs: 60_000 });
    writer.write(`${'a'.repeat(120)}\n`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(fs.readFileSync(name, 'utf8').length, 121);
    writer.write('tail\n');
    writer.flushSync();
    assert.match(fs.readFileSync(name, 'utf8'), /tail\n$/);
  });

  it('drops and counts lines past its bound instead of growing', () => {
    const { name, fd } = file();
    const writer = createBatchedWriter(fd, { batchBytes: 1e9, everyMs: 60_000, maxPendingBytes: 10 });
    for (let i = 0; i < 5; i++) writer.write('0123456789\n');
    writer.flushSync();
    const text = fs.readFileSync(name, 'utf8');
    assert.equal(text.split('\n').filter((l) => l === '0123456789').length, 1);
    assert.match(text, /"dropped":4/);
  });
});
