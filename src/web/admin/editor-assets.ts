// The rich editor's script (src/client/editor/, TipTap), bundled by esbuild in this process at
// start: no build step to forget, `npm install && npm start` is enough on a fresh machine. Built
// once per process (a few hundred milliseconds) and served fingerprinted and immutable by the
// site context beside comments.js.
import { build } from 'esbuild';

const entry = new URL('../../client/editor/main.ts', import.meta.url);
let bundled: Promise<Buffer> | undefined;

/** The minified ES module; the same bytes for every caller in the process. */
export function editorBundle(): Promise<Buffer> {
  bundled ??= build({
    entryPoints: [entry.pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  }).then((result) => Buffer.from(result.outputFiles[0]!.contents));
  return bundled;
}
