/**
 * Question latency without an LLM (answerQuestion), with one group holding 100, 1 000, 10 000
 * generated documents (the worst case: every document is in the asker's scope), on PGlite and
 * Postgres.
 */
import fs from 'node:fs';
import path from 'node:path';
import { answerQuestion } from '../answers/index.js';
import { ensureGroup } from '../store/groups.js';
import { openTestDb, type Backend } from '../test/helpers/answer-db.js';
import { corpusTemplates, generateDocuments, type Template } from '../test/helpers/generate-docs.js';
import { percentile, round, type Row } from './stats.js';

const ROOT = path.resolve(import.meta.dirname, '..');

export function benchQuestionSet(): string[] {
  const lines = fs
    .readFileSync(path.join(ROOT, 'test', 'qa', 'questions.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean);
  return lines.map((l) => (JSON.parse(l) as { q: string }).q);
}

export async function benchQuestions(backend: Backend, sizes: number[], templates?: Template[]): Promise<Row[]> {
  const t = templates ?? (await corpusTemplates());
  const questions = benchQuestionSet();
  const { db, close } = await openTestDb(backend);
  const rows: Row[] = [];
  try {
    const group = await ensureGroup(db, 'bench');
    let have = 0;
    for (const size of sizes) {
      const g0 = performance.now();
      await generateDocuments(db, group.id, t, size - have, have);
      const genS = (performance.now() - g0) / 1000;
      have = size;
      await db.query('ANALYZE').catch(() => undefined);
      const ask = (q: string) => answerQuestion(db, { question: q, asker: { id: 'bench' }, groupIds: [group.id], now: new Date('2026-04-01T10:00:00Z') });
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
        section: 'questions',
        name: `${backend}, ${size} documents`,
        questions: questions.length,
        found,
        p50Ms: round(percentile(lat, 50)),
        p95Ms: round(percentile(lat, 95)),
        maxMs: round(Math.max(...lat)),
        generateS: round(genS, 1),
        slowest: slowest.join(' | '),
      });
      console.error(JSON.stringify(rows.at(-1)));
    }
  } finally {
    await close();
  }
  return rows;
}
