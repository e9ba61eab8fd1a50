#!/usr/bin/env node
// The `minutes` command (package bin; `npm start` and `npm run minutes` call it): rebuilds dist/ when a
// source file is newer than the last build (in a checkout with TypeScript installed), then runs the
// compiled CLI. Plain JavaScript so that it runs before anything is compiled.
import fs from 'node:fs';

const root = new URL('..', import.meta.url);
if (fs.existsSync(new URL('scripts/build.mjs', root))) {
  const { isStale, build } = await import('../scripts/build.mjs');
  if (isStale()) {
    process.stderr.write('minutes: sources changed since the last build; building dist/ …\n');
    try {
      build();
    } catch (err) {
      process.stderr.write(`minutes: ${err.message}\n`);
      process.exit(1);
    }
  }
}
await import('../dist/cli/main.js');
