/**
 * Finds Debian's Chromium for browser tests, installing the `chromium` package when it is missing
 * and this process may (root with apt-get). Browser tests skip only when neither works; under CI
 * (`CI` set) a missing browser is an error, so the end-to-end test never passes by not running.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export type ChromiumLookup = { ok: true; path: string } | { ok: false; reason: string };

function executable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function tryInstall(): string {
  if (process.getuid?.() !== 0) return 'not root, so apt-get cannot install it';
  if (spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status !== 0) return 'apt-get is not available';
  // Bounded: a stuck mirror must not hang the test run.
  const r = spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 10 * 60_000,
  });
  return r.status === 0
    ? ''
    : `apt-get install chromium failed (${r.error?.message ?? `exit ${r.status}`}): ${String(r.stderr ?? '')
        .trim()
        .slice(-300)}`;
}

export function findChromium(): ChromiumLookup {
  if (executable(CHROMIUM_PATH)) return { ok: true, path: CHROMIUM_PATH };
  const failure = tryInstall();
  if (executable(CHROMIUM_PATH)) return { ok: true, path: CHROMIUM_PATH };
  const reason = `${CHROMIUM_PATH} is missing and could not be installed: ${failure || 'the package did not provide it'}`;
  if (process.env['CI']) throw new Error(`Browser tests need Chromium under CI: ${reason}`);
  return { ok: false, reason };
}

/** Flags for headless Chromium in a container (no sandbox, no GPU, nothing that phones home). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
