#!/usr/bin/env node
// The `dateline` command: runs the TypeScript sources through tsx (no build step to forget).
// The project's tsconfig is named explicitly: tsx would otherwise look for one in the working
// directory, and from elsewhere JSX would compile for React instead of preact.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
