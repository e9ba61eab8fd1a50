/**
 * Real services for integration tests: Redis and Postgres from TEST_REDIS_URL / TEST_DATABASE_URL
 * (defaults: this machine's), a fresh database per test file, a unique queue prefix per test.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../../core/config.js';

export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

/** Creates an empty Postgres database; returns its URL and a function that drops it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = uniqueName('minutes_test');
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(TEST_DATABASE_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export function tempDir(prefix = 'minutes-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Environment for a test process or runtime: own data dir, own queue prefix, no private Redis. */
export function testEnv(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    MINUTES_DATA_DIR: tempDir(),
    REDIS_URL: TEST_REDIS_URL,
    REDIS_AUTOSTART: 'false',
    QUEUE_PREFIX: uniqueName('t'),
    LOG_LEVEL: 'warn',
    PORT: '0',
    HOST: '127.0.0.1',
    WORKER_CONCURRENCY: '2',
    PARSE_TIMEOUT_MS: '60000',
    ...overrides,
  };
}

export function testConfig(overrides: Record<string, string | undefined> = {}): Config {
  return loadConfig(testEnv(overrides));
}

export const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');
export const CORPUS_PDFS = [
  '2015-11-13-mal-och-handlingsplan-2016-2018.pdf',
  '2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf',
  'forslag-till-beslut-aktiviteter-for-barn-och-unga-med-behov-av-sarskilt-stod.pdf',
  'lokal-namnd-kungsbacka-2021-uppfoljningsrapport-2-bildspel.pdf',
  'regionstyrelsen-svar-till-falkenbergs-kommun-psykisk-halsa-barn-och-unga.pdf',
].map((f) => path.join(FIXTURES, f));

/** Page counts of the corpus PDFs, as the corpus README states them. */
export const CORPUS_PAGES: Record<string, number> = {
  '2015-11-13-mal-och-handlingsplan-2016-2018.pdf': 56,
  '2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf': 6,
  'forslag-till-beslut-aktiviteter-for-barn-och-unga-med-behov-av-sarskilt-stod.pdf': 4,
  'lokal-namnd-kungsbacka-2021-uppfoljningsrapport-2-bildspel.pdf': 37,
  'regionstyrelsen-svar-till-falkenbergs-kommun-psykisk-halsa-barn-och-unga.pdf': 2,
};

/** Hostile files and the error code each must end in. */
export const EDGE_EXPECTATIONS: Record<string, string> = {
  'empty-zero-bytes.pdf': 'empty-file',
  'encrypted-user-password-corpus.pdf': 'password-protected',
  'image-only-no-text-layer.pdf': 'no-text-layer',
  'not-a-pdf-actually-png.pdf': 'not-a-document',
  'not-a-pdf-actually-text.pdf': 'not-a-document',
  'truncated-first-half-of-motesanteckning.pdf': 'corrupt-pdf',
};
