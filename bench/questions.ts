/**
 * Question latency without an LLM (answerQuestion), with one group holding 100, 1 000, 10 000
 * generated documents (the worst case: every document is in the asker's scope), on Postgres and
 * on PGlite as `minutes start` runs it: on a data directory (a temporary one, removed afterwards),
 * opened with the same options from the same config. The in-memory PGlite of the unit tests keeps
 * its files in JS memory (10 000 documents: over 13 GB), which no user runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { answerQuestion } from '../answers/index.js';
import { loadConfig } from '../core/config.js';
import { dbOptions, openDb } from '../store/db.js';
import { ensureGroup } from '../store/groups.js';
import { migrate } from '../store/migrate.js';
import { openTestDb, type Backend, type TestDb } from '../test/helpers/answer-db.js';
import { corpusTemplates, generateDocuments, type Template } from '../test/helpers/generate-docs.js';
import { peakRssMb, percentile, resetPeakRss, round, rssNowMb, type Row } from './stats.js';

const ROOT = path.resolve(import.meta.dirname, '..');

export function benchQuestionSet(): string[] {
  const lines = fs
    .readFileSync(path.join(ROOT, 'test', 'qa', 'questions.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean);
  return lines.map((l) => (JSON.parse(l) as { q: string }).q);
}

/**
 * The embedded database as `minutes start` opens it, in a temporary data directory removed on
 * close, or in `keepDir` (kept for bench/questions-kept.ts --pglite).
 */
export async function openProductPglite(keepDir?: string): Promise<TestDb & { dataDir: string }> {
  const dataDir = keepDir ? path.resolve(keepDir) : fs.mkdtempSync(path.join(os.tmpdir(), 'minutes-bench-'));
  const env: Record<string, string | undefined> = { ...process.env, MINUTES_DATA_DIR: dataDir };
  delete env['DATABASE_URL'];
  const db = await openDb(dbOptions(loadConfig(env)));
  await migrate(db);
  return {
    db,
    dataDir,
    async close() {
      await db.close();
      if (!keepDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function duMb(dir: string): number {
  let bytes = 0;
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) bytes += fs.statSync(path.join(e.parentPath, e.name)).size;
  return Math.round(bytes / 2 ** 20);
}

export async function benchQuestions(backend: Backend, sizes: number[], options: { templates?: Template[]; keepPgliteDir?: string } = {}): Promise<Row[]> {
  const t = options.templates ?? (await corpusTemplates());
  const questions = benchQuestionSet();
  const opened: TestDb & { dataDir?: string } = backend === 'pglite' ? await openProductPglite(options.keepPgliteDir) : await openTestDb(backend);
  const { db, dataDir } = opened;
  const rows: Row[] = [];
  try {
    const group = await ensureGroup(db, 'bench');
    const ask = (q: string) => answerQuestion(db, { question: q, asker: { id: 'bench' }, groupIds: [group.id], now: new Date('2026-04-01T10:00:00Z') });
    const pass = async (name: string, size: number, extra: Row) => {
      resetPeakRss();
      for (const q of questions.slice(0, 5)) await ask(q);
      const lat: number[] = [];
      let found = 0;
      for (const q of questions) {
        const s = performance.now();
        const a = await ask(q);
        lat.push(performance.now() - s);
        if (a.found) found++;
      }
      // The questions that make the p95 (with 79 questions, the four slowest are above it).
      const slowest = questions
        .map((q, i) => ({ q, ms: round(lat[i]!) }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5)
        .map((x) => `${x.ms} ms ${x.q}`);
      rows.push({
        ...extra,
        section: 'questions',
        name: `${name}, ${size} documents`,
        questions: questions.length,
        found,
        p50Ms: round(percentile(lat, 50)),
        p95Ms: round(percentile(lat, 95)),
        maxMs: round(Math.max(...lat)),
        askPeakRssMb: peakRssMb(),
        slowest: slowest.join(' | '),
      });
      console.error(JSON.stringify(rows.at(-1)));
    };
    let have = 0;
    for (const size of sizes) {
      const rssStartMb = rssNowMb();
      resetPeakRss();
      const g0 = performance.now();
      await generateDocuments(db, group.id, t, size - have, have);
      const gen: Row = { section: '', name: '', generateS: round((performance.now() - g0) / 1000, 1), rssStartMb, genPeakRssMb: peakRssMb() };
      if (dataDir) gen['dataDirMb'] = duMb(dataDir);
      have = size;
      if (backend === 'pglite') {
        // PGlite has no autovacuum: its tables are analysed by the store after writes
        // (store/pglite-upkeep.ts). Measured as the product leaves them, then after a full ANALYZE.
        await pass('pglite on disk', size, gen);
        await db.query('ANALYZE');
        await pass('pglite on disk, after ANALYZE', size, { section: '', name: '' });
      } else {
        await db.query('ANALYZE');
        await pass(backend, size, gen);
      }
    }
  } finally {
    await opened.close();
  }
  return rows;
}
