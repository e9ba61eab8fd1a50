/**
 * The question bench on a kept group: N generated documents in a Postgres schema of their own
 * (`bench1k`, `bench10k`), generated once (10 000 take ~8 minutes) and reused by every run, so that
 * a change can be measured and its answers compared in seconds. Migrates the schema first.
 *   npx tsx bench/questions-kept.ts 10000                   # p50/p95 of one pass, the slowest
 *   … --reps 5 --stat min                                   # per question the best of 5
 *   … --dump answers.json                                   # every Answer, to diff before/after
 *   … --trace trace.json                                    # every SQL statement with its time
 *   … --lat lat.json                                        # every question's times
 *   … --explain "question" [--match "FROM chunks"]          # EXPLAIN (ANALYZE, BUFFERS) its statements
 *   … --drop                                                # drops the schema
 *   … --pglite DIR                                          # PGlite in data dir DIR, opened as `minutes start` does
 *                                                           # (npm run bench -- --keep-pglite DIR leaves one)
 */
import fs from 'node:fs';
import { answerQuestion } from '../answers/index.js';
import { configureLogger } from '../core/logger.js';
import { openDb, type Queryable } from '../store/db.js';
import { ensureGroup } from '../store/groups.js';
import { migrate } from '../store/migrate.js';
import { POSTGRES_URL } from '../test/helpers/answer-db.js';
import { corpusTemplates, generateDocuments } from '../test/helpers/generate-docs.js';
import { benchQuestionSet, openProductPglite } from './questions.js';
import { percentile, round } from './stats.js';

const arg = (n: string) => {
  const i = process.argv.indexOf(`--${n}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

async function main() {
  configureLogger('silent');
  const size = Number(process.argv[2]);
  const schema = `bench${size >= 1000 ? size / 1000 + 'k' : size}`;
  const pgliteDir = arg('pglite');
  const db = pgliteDir ? (await openProductPglite(pgliteDir)).db : await openDb({ databaseUrl: POSTGRES_URL, dataDir: '', schema, poolSize: 4 });
  if (pgliteDir && process.argv.includes('--drop')) throw new Error('remove the PGlite data directory instead');
  if (process.argv.includes('--drop')) {
    await db.query(`DROP SCHEMA ${schema} CASCADE`);
    await db.close();
    return;
  }
  await migrate(db);
  const group = await ensureGroup(db, 'bench');
  const have = Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents WHERE group_id = $1', [group.id])).rows[0]!.n);
  if (have < size) {
    const t = await corpusTemplates();
    await generateDocuments(db, group.id, t, size - have, have);
    await db.query('ANALYZE');
    console.error(`generated ${size - have}`);
  }
  const questions = benchQuestionSet();
  const explainQ = arg('explain');
  if (explainQ) {
    const match = arg('match');
    const ex: Queryable = {
      async query<T>(text: string, params?: unknown[]) {
        const r = await db.reader.query<T>(text, params);
        if (!text.startsWith('EXPLAIN') && (!match || text.includes(match))) {
          const e = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params);
          console.log('\n### ' + text.replace(/\s+/g, ' ').slice(0, 200) + '\n' + e.rows.map((x) => x['QUERY PLAN']).join('\n'));
        }
        return r;
      },
      exec: (s) => db.reader.exec(s),
    };
    for (let i = 0; i < 2; i++)
      await answerQuestion(db.reader, { question: explainQ, asker: { id: 'bench' }, groupIds: [group.id], now: new Date('2026-04-01T10:00:00Z') });
    await answerQuestion(ex, { question: explainQ, asker: { id: 'bench' }, groupIds: [group.id], now: new Date('2026-04-01T10:00:00Z') });
    await db.close();
    return;
  }
  const trace: Array<{ q: string; ms: number; sql: Array<{ ms: number; start: number; text: string }> }> = [];
  let cur: (typeof trace)[number] | null = null;
  let t0 = 0;
  const traced: Queryable = {
    async query<T>(text: string, params?: unknown[]) {
      const s = performance.now();
      const r = await db.reader.query<T>(text, params);
      cur?.sql.push({ ms: round(performance.now() - s), start: round(s - t0), text: text.replace(/\s+/g, ' ').slice(0, 300) });
      return r;
    },
    exec: (s) => db.reader.exec(s),
  };
  const ask = (q: string) => answerQuestion(traced, { question: q, asker: { id: 'bench' }, groupIds: [group.id], now: new Date('2026-04-01T10:00:00Z') });
  for (const q of questions.slice(0, 5)) await ask(q);
  const reps = Number(arg('reps') ?? 1);
  const answers: unknown[] = [];
  const all: number[][] = questions.map(() => []);
  for (let r = 0; r < reps; r++) {
    for (const [i, q] of questions.entries()) {
      cur = { q, ms: 0, sql: [] };
      t0 = performance.now();
      const a = await ask(q);
      cur.ms = round(performance.now() - t0);
      all[i]!.push(cur.ms);
      if (r === 0) {
        answers.push({ q, a });
        trace.push(cur);
      }
      cur = null;
    }
  }
  const lat = all.map((xs) => (arg('stat') === 'min' ? Math.min(...xs) : percentile(xs, 50)));
  const latf = arg('lat');
  if (latf) fs.writeFileSync(latf, JSON.stringify(questions.map((q, i) => ({ q, all: all[i] }))) + '\n');
  const dump = arg('dump');
  if (dump) fs.writeFileSync(dump, JSON.stringify(answers, null, 1) + '\n');
  const tr = arg('trace');
  if (tr) fs.writeFileSync(tr, JSON.stringify(trace, null, 1) + '\n');
  const slow = questions
    .map((q, i) => ({ q, ms: round(lat[i]!) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 6);
  console.log(JSON.stringify({ size, p50: round(percentile(lat, 50)), p95: round(percentile(lat, 95)), max: round(Math.max(...lat)), slow }));
  await db.close();
}
void main().then(() => process.exit(0));
