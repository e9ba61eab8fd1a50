#!/usr/bin/env node
/**
 * Compiles the production sources to dist/ (tsc, incremental, with source maps) and copies the data
 * files they read at run time (SQL migrations, prompt folders) beside them.
 *   node scripts/build.mjs             build (what `npm run build` and `prepare` run)
 *   node scripts/build.mjs --if-stale  build only when a source file is newer than the last build
 * Plain JavaScript on purpose: it must run before anything is compiled.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.build-stamp');
/** Kept in step with tsconfig.build.json's "include". */
export const SOURCE_DIRS = ['core', 'parsers', 'workers', 'store', 'queue', 'runtime', 'reminders', 'answers', 'llm', 'prompts', 'bot', 'cli'];
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'scripts/build.mjs'];

function* walk(dir) {
  // A production image ships dist/ without the sources.
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) yield p;
  }
}

/** True when dist/ is missing or older than any source, data or build-config file. */
export function isStale(root = ROOT) {
  let built;
  try {
    built = fs.statSync(path.join(root, 'dist', '.build-stamp')).mtimeMs;
  } catch {
    return true;
  }
  for (const f of CONFIG_FILES) if (fs.statSync(path.join(root, f), { throwIfNoEntry: false })?.mtimeMs > built) return true;
  for (const d of SOURCE_DIRS) for (const f of walk(path.join(root, d))) if (fs.statSync(f).mtimeMs > built) return true;
  return false;
}

export function build() {
  let tsc;
  try {
    tsc = createRequire(path.join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    // A production install (npm ci --omit=dev) has no compiler: it must ship a built dist/.
    if (fs.existsSync(path.join(DIST, 'cli', 'main.js'))) return;
    throw new Error('dist/ is missing and TypeScript is not installed: run `npm install` (with dev dependencies), then `npm run build`.');
  }
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('The TypeScript build failed (see above).');
  for (const d of SOURCE_DIRS) {
    for (const f of walk(path.join(ROOT, d))) {
      if (f.endsWith('.ts')) continue;
      const to = path.join(DIST, path.relative(ROOT, f));
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(f, to);
    }
  }
  fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    if (!process.argv.includes('--if-stale') || isStale()) build();
  } catch (err) {
    process.stderr.write(`build: ${err.message}\n`);
    process.exit(1);
  }
}
