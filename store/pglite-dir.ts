/**
 * The files of the embedded database's data directory that are ours, not PGlite's: the lock that
 * keeps it to one process, and its creation in a process of its own.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors.js';

/** Where the PGlite owner writes who it is, so other processes can tell it is busy. */
export function lockFilePath(dataDir: string): string {
  return path.join(dataDir, 'pglite.lock');
}

export interface LockInfo {
  pid: number;
  /** HTTP port of the owner's local API, when it serves one. */
  port?: number;
}

/** Reads the lock file; null when there is none or its owner is gone. */
export function readLiveLock(dataDir: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(lockFilePath(dataDir), 'utf8')) as LockInfo;
    if (info.pid === process.pid) return null;
    process.kill(info.pid, 0);
    return info;
  } catch {
    return null;
  }
}

/** Records the owner's local API port in the lock file. */
export function recordLockPort(dataDir: string, port: number): void {
  fs.writeFileSync(lockFilePath(dataDir), JSON.stringify({ pid: process.pid, port } satisfies LockInfo));
}

/**
 * Creates a new embedded database (initdb) in a short-lived process of its own. PGlite's WASM
 * memory never shrinks, and initdb grows it to ~650 MB: a first `minutes start` then held ~320 MB
 * at idle for good, against ~170 MB when it opens a database that already exists. Best effort:
 * if the child fails, the caller's own open creates the database as before.
 */
export function initPgliteApart(dir: string): void {
  if (fs.existsSync(path.join(dir, 'PG_VERSION'))) return;
  try {
    const url = import.meta.resolve('@electric-sql/pglite');
    const script = `const { PGlite } = await import(${JSON.stringify(url)}); const db = await PGlite.create(process.argv[1]); await db.close();`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, dir], { stdio: 'ignore', timeout: 120_000 });
    // A half-made database (the child failed or timed out) goes; there was none before.
    if (r.status !== 0) {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
    }
  } catch {
    // The open below creates it in this process.
  }
}

/** PGlite is single-process: a second opener would corrupt it, so we hold a pid lock file. */
export function acquireDirLock(dataDir: string): () => void {
  const file = lockFilePath(dataDir);
  const owner = readLiveLock(dataDir);
  if (owner) {
    throw new AppError(
      'database-busy',
      `The embedded database in ${dataDir} is in use by process ${owner.pid}. Stop it, or set DATABASE_URL to share a Postgres server between processes.`,
    );
  }
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid } satisfies LockInfo));
  return () => {
    try {
      const info = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
      if (info.pid === process.pid) fs.unlinkSync(file);
    } catch {
      /* already gone */
    }
  };
}
