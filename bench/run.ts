/**
 * `npm run bench`: speed and scale on real inputs, printed as a table and written as JSON to
 * bench/results/. Not a test and never run in CI. Needs Redis and Postgres (as the tests do) and,
 * for the comparison, pdftotext (`apt-get install -y poppler-utils`).
 *
 *   npm run bench                       # everything (the 10 000-document step takes minutes)
 *   npm run bench -- --only parse,rss   # sections: whole, parse, rss, queue, questions, bot
 *   npm run bench -- --only whole,questions --sizes 1000,10000   # issue 12's whole-process figures
 *   npm run bench -- --sizes 100,1000   # question-store sizes
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configureLogger } from '../core/logger.js';
import { CORPUS_PDFS, FIXTURES } from '../test/helpers/services.js';
import { benchBotTurn } from './bot.js';
import { benchParse } from './parse.js';
import { benchQuestions } from './questions.js';
import { benchThroughput, benchTrivialIngest } from './queue.js';
import { benchQueuedRss, benchSandboxRss } from './rss.js';
import { benchStartRss } from './rss-start.js';
import { benchIdleStart, benchWholeProcess } from './whole-process.js';
import type { Row } from './stats.js';

const LARGE = path.join(FIXTURES, 'edge', 'large-400-pages-plan-repeated.pdf');
const MINUTES = CORPUS_PDFS.find((f) => f.includes('motesanteckning'))!;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  configureLogger('silent');
  const only = new Set((arg('only') ?? 'whole,parse,rss,queue,questions,bot').split(','));
  const sizes = (arg('sizes') ?? '100,1000,10000').split(',').map(Number);
  const backends = (arg('backends') ?? 'postgres,pglite').split(',') as Array<'postgres' | 'pglite'>;
  const rows: Row[] = [];
  const section = async (name: string, fn: () => Promise<Row[]>) => {
    if (!only.has(name)) return;
    const t = performance.now();
    console.error(`… ${name}`);
    const r = await fn();
    rows.push(...r);
    printTable(r);
    console.error(`  (${name}: ${Math.round((performance.now() - t) / 1000)} s)`);
  };
  // Idle after PARSE_THREAD_IDLE_MS (60 s by default), so the sandboxes have put their parse threads down.
  await section('whole', async () => [...benchWholeProcess(MINUTES, LARGE, Number(arg('reps') ?? 3)), await benchIdleStart(Number(arg('idle') ?? 75))]);
  await section('parse', () => benchParse([...CORPUS_PDFS, LARGE], Number(arg('reps') ?? 5)));
  await section('rss', async () => [
    benchSandboxRss(LARGE),
    await benchQueuedRss(LARGE, 10, 2),
    await benchStartRss(LARGE, 10, 2, 'postgres'),
    await benchStartRss(LARGE, 10, 2, 'pglite'),
  ]);
  await section('queue', async () => {
    const one = await benchThroughput(1, 30);
    const two = await benchThroughput(2, 30);
    return [
      await benchTrivialIngest(30),
      one,
      two,
      { section: 'queue', name: 'scaling 2 processes / 1', ratio: Math.round(((two['docsPerMin'] as number) / (one['docsPerMin'] as number)) * 100) / 100 },
    ];
  });
  await section('questions', async () => {
    const out: Row[] = [];
    for (const b of backends) out.push(...(await benchQuestions(b, sizes, { keepPgliteDir: arg('keep-pglite') })));
    return out;
  });
  await section('bot', () => benchBotTurn(40, 5));

  const outDir = path.join(import.meta.dirname, 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(outDir, `bench-${stamp}.json`);
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memGb: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), machine, sections: [...only], rows }, null, 2) + '\n');
  console.error(`\nwritten: ${path.relative(process.cwd(), file)}`);
  process.exit(0);
}

function printTable(rows: Row[]): void {
  for (const r of rows) {
    const { section, name, ...metrics } = r;
    const m = Object.entries(metrics)
      .map(([k, v]) => `${k}=${v}`)
      .join('  ');
    console.log(`${section.padEnd(10)} ${String(name).padEnd(58)} ${m}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
