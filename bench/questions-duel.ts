/**
 * Two versions of answerQuestion (two checkouts, e.g. `git archive` of the old commit into /tmp
 * with node_modules linked) in one process against a kept group (questions-kept.ts), alternating
 * per question; p50/p95 of each question's best and median time. Alternation makes the load of a
 * shared machine fall on both alike.
 *   npx tsx bench/questions-duel.ts 10000 /tmp/old /path/to/new 5 [out.json]
 */
import fs from 'node:fs';
import { configureLogger } from '../core/logger.js';
import { openDb } from '../store/db.js';
import { ensureGroup } from '../store/groups.js';
import { POSTGRES_URL } from '../test/helpers/answer-db.js';
import { benchQuestionSet } from './questions.js';
import { percentile, round } from './stats.js';
configureLogger('silent');
const [size, oldDir, newDir, repsS, out] = process.argv.slice(2);
const schema = `bench${Number(size) >= 1000 ? Number(size) / 1000 + 'k' : size}`;
type Ask = (db: unknown, req: unknown) => Promise<unknown>;
const oldAsk = ((await import(`${oldDir}/answers/index.ts`)) as { answerQuestion: Ask }).answerQuestion;
const newAsk = ((await import(`${newDir}/answers/index.ts`)) as { answerQuestion: Ask }).answerQuestion;
const db = await openDb({ databaseUrl: POSTGRES_URL, dataDir: '', schema, poolSize: 4 });
const group = await ensureGroup(db, 'bench');
const qs = benchQuestionSet();
const req = (q: string) => ({ question: q, asker: { id: 'bench' }, groupIds: [group.id], now: new Date('2026-04-01T10:00:00Z') });
for (const q of qs) {
  await oldAsk(db.reader, req(q));
  await newAsk(db.reader, req(q));
}
const reps = Number(repsS ?? 5);
const lat = { old: qs.map(() => [] as number[]), new: qs.map(() => [] as number[]) };
for (let r = 0; r < reps; r++) {
  for (const [i, q] of qs.entries()) {
    const order: Array<['old' | 'new', Ask]> =
      (r + i) % 2
        ? [
            ['old', oldAsk],
            ['new', newAsk],
          ]
        : [
            ['new', newAsk],
            ['old', oldAsk],
          ];
    for (const [k, ask] of order) {
      const s = performance.now();
      await ask(db.reader, req(q));
      lat[k][i]!.push(performance.now() - s);
    }
  }
}
const summary = (k: 'old' | 'new', stat: (xs: number[]) => number) => {
  const per = lat[k].map(stat);
  return { p50: round(percentile(per, 50)), p95: round(percentile(per, 95)), max: round(Math.max(...per)) };
};
const min = (xs: number[]) => Math.min(...xs);
const med = (xs: number[]) => percentile(xs, 50);
console.log(
  JSON.stringify({ size, reps, min: { old: summary('old', min), new: summary('new', min) }, median: { old: summary('old', med), new: summary('new', med) } }),
);
if (out) fs.writeFileSync(out, JSON.stringify(qs.map((q, i) => ({ q, old: lat.old[i], new: lat.new[i] }))) + '\n');
await db.close();
process.exit(0);
