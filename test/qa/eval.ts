/**
 * QA evaluation: seeds an in-memory PGlite with the five corpus PDFs through the real pipeline,
 * asks every question of test/qa/questions.jsonl (the development set) and of
 * test/qa/questions-holdout.jsonl (written before later tuning, to see whether changes
 * generalise) and prints accuracy plus abstention precision and recall for each set.
 * `npm run eval:qa` (`--verbose` prints every answer, `--only id1,id2` a subset,
 * `--set main|holdout` one set).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerQuestion, type Answer } from '../../answers/index.js';
import { openDb, type Db } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';
import { seedCorpus } from '../helpers/seed-corpus.js';

export interface QaItem {
  id: string;
  q: string;
  expect: { found: boolean; contains: string[]; page?: number };
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const SETS: Array<{ name: string; file: string }> = [
  { name: 'main', file: 'questions.jsonl' },
  { name: 'holdout', file: 'questions-holdout.jsonl' },
];

export function load(file: string): QaItem[] {
  return fs
    .readFileSync(path.join(here, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as QaItem);
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

/** Correct = found as expected, every expected string in the answer, and the page among the citations. */
export function judge(item: QaItem, a: Answer): { ok: boolean; why: string } {
  if (a.found !== item.expect.found) return { ok: false, why: `found=${a.found}` };
  if (!item.expect.found) return { ok: true, why: '' };
  const missing = item.expect.contains.filter((c) => !norm(a.answer).includes(norm(c)));
  if (missing.length) return { ok: false, why: `missing ${JSON.stringify(missing)}` };
  if (item.expect.page !== undefined && !a.citations.some((c) => c.page === item.expect.page)) {
    return { ok: false, why: `page ${item.expect.page} not cited (${a.citations.map((c) => c.page).join(',')})` };
  }
  return { ok: true, why: '' };
}

interface SetResult {
  name: string;
  n: number;
  correct: number;
  tp: number;
  fp: number;
  fn: number;
  times: number[];
}

async function runSet(db: Db, groupId: string, name: string, items: QaItem[], verbose: boolean): Promise<SetResult> {
  const r: SetResult = { name, n: items.length, correct: 0, tp: 0, fp: 0, fn: 0, times: [] };
  for (const item of items) {
    const t0 = performance.now();
    const a = await answerQuestion(db, { question: item.q, asker: { id: 'eval' }, groupIds: [groupId] });
    r.times.push(performance.now() - t0);
    const { ok, why } = judge(item, a);
    if (ok) r.correct++;
    if (!a.found && !item.expect.found) r.tp++; // abstained when it should
    if (!a.found && item.expect.found) r.fp++; // abstained when an answer existed
    if (a.found && !item.expect.found) r.fn++; // answered when it should have abstained
    if (verbose || !ok) {
      console.log(`${ok ? 'OK  ' : 'FAIL'} ${item.id} [${a.intent}] ${item.q}${why ? `  → ${why}` : ''}`);
      console.log('     ' + a.answer.replace(/\n/g, '\n     ').slice(0, 600));
    }
  }
  return r;
}

function summary(r: SetResult): string {
  const times = [...r.times].sort((x, y) => x - y);
  const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] ?? 0;
  const precision = r.tp + r.fp ? r.tp / (r.tp + r.fp) : 1;
  const recall = r.tp + r.fn ? r.tp / (r.tp + r.fn) : 1;
  return (
    `[${r.name}] questions ${r.n}  correct ${r.correct}  accuracy ${((100 * r.correct) / Math.max(1, r.n)).toFixed(1)}%` +
    `\n  abstention precision ${(100 * precision).toFixed(1)}% (${r.tp}/${r.tp + r.fp})  recall ${(100 * recall).toFixed(1)}% (${r.tp}/${r.tp + r.fn})` +
    `\n  latency p50 ${times[Math.floor(times.length / 2)]?.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms (PGlite, in memory)`
  );
}

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const only = arg('--only') ? new Set(arg('--only')!.split(',')) : null;
  const setName = arg('--set');
  const db = await openDb({ databaseUrl: undefined, dataDir: '', memory: true });
  await migrate(db);
  const { groupId } = await seedCorpus(db, 'qa-eval');
  const results: SetResult[] = [];
  for (const set of SETS.filter((s) => !setName || s.name === setName)) {
    const items = load(set.file).filter((i) => !only || only.has(i.id));
    if (items.length === 0) continue;
    console.log(`\n== ${set.name} (${set.file}) ==`);
    results.push(await runSet(db, groupId, set.name, items, verbose));
  }
  console.log('\n' + results.map(summary).join('\n'));
  await db.close();
}

// Also imported by `npm run eval` (eval/qa-run.ts) for its judge and sets: run only as a script.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
