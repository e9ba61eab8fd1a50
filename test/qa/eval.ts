/**
 * QA evaluation: seeds an in-memory PGlite with the five corpus PDFs through the real pipeline,
 * asks every question of test/qa/questions.jsonl and prints accuracy plus abstention precision
 * and recall. `npm run eval:qa` (`--verbose` prints every answer, `--only id1,id2` a subset).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerQuestion, type Answer } from '../../answers/index.js';
import { openDb } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';
import { seedCorpus } from '../helpers/seed-corpus.js';

interface QaItem {
  id: string;
  q: string;
  expect: { found: boolean; contains: string[]; page?: number };
}

const here = path.dirname(fileURLToPath(import.meta.url));
const items: QaItem[] = fs
  .readFileSync(path.join(here, 'questions.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as QaItem);

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

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const onlyArg = process.argv.indexOf('--only');
  const only = onlyArg > 0 ? new Set(process.argv[onlyArg + 1]!.split(',')) : null;
  const db = await openDb({ databaseUrl: undefined, dataDir: '', memory: true });
  await migrate(db);
  const { groupId } = await seedCorpus(db, 'qa-eval');
  let correct = 0;
  let tp = 0; // abstained when it should
  let fp = 0; // abstained when an answer existed
  let fn = 0; // answered when it should have abstained
  const times: number[] = [];
  const run = items.filter((i) => !only || only.has(i.id));
  for (const item of run) {
    const t0 = performance.now();
    const a = await answerQuestion(db, { question: item.q, asker: { id: 'eval' }, groupIds: [groupId] });
    times.push(performance.now() - t0);
    const { ok, why } = judge(item, a);
    if (ok) correct++;
    if (!a.found && !item.expect.found) tp++;
    if (!a.found && item.expect.found) fp++;
    if (a.found && !item.expect.found) fn++;
    if (verbose || !ok) {
      console.log(`${ok ? 'OK  ' : 'FAIL'} ${item.id} [${a.intent}] ${item.q}${why ? `  → ${why}` : ''}`);
      if (verbose || !ok) console.log('     ' + a.answer.replace(/\n/g, '\n     ').slice(0, 600));
    }
  }
  times.sort((x, y) => x - y);
  const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] ?? 0;
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  console.log(
    `\nquestions ${run.length}  correct ${correct}  accuracy ${((100 * correct) / run.length).toFixed(1)}%` +
      `\nabstention precision ${(100 * precision).toFixed(1)}% (${tp}/${tp + fp})  recall ${(100 * recall).toFixed(1)}% (${tp}/${tp + fn})` +
      `\nlatency p50 ${times[Math.floor(times.length / 2)]?.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms (PGlite, in memory)`,
  );
  await db.close();
}

await main();
