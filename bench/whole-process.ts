/**
 * Whole processes, as a secretary or an operator runs them: wall time, CPU time (user + system) and
 * peak RSS from GNU time (`/usr/bin/time`), median of `reps`, with `pdftotext -layout` on the same
 * files interleaved in the same run (ratios). Then the idle RSS of `minutes start` (bot + workers,
 * embedded database) after it has ingested the five corpus PDFs. Runs the built CLI (dist/).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { descendants, rssMb } from '../test/helpers/proc-rss.js';
import { CORPUS_PDFS, tempDir } from '../test/helpers/services.js';
import { hasPdftotext } from './parse.js';
import { START_NODE_FLAGS, startEnv } from './rss-start.js';
import { round, type Row } from './stats.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
const GNU_TIME = '/usr/bin/time';

interface Run {
  wallS: number;
  cpuS: number;
  peakRssMb: number;
}

/** One run under GNU time; throws when the command fails. */
function measure(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Run {
  const out = path.join(tempDir('minutes-bench-time-'), 'time.txt');
  const r = spawnSync(GNU_TIME, ['-f', '%e %U %S %M', '-o', out, cmd, ...args], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${String(r.stderr).slice(-500)}`);
  const [wall, user, sys, kb] = fs.readFileSync(out, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  return { wallS: wall!, cpuS: user! + sys!, peakRssMb: kb! / 1024 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
}

/** Commands measured together: each rep runs every command once, so load changes hit all alike. */
function interleaved(commands: Record<string, [string, string[]]>, reps: number): Record<string, Run> {
  const runs: Record<string, Run[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (const [cmd, args] of Object.values(commands)) measure(cmd, args); // warm the file cache
  for (let i = 0; i < reps; i++) for (const [k, [cmd, args]] of Object.entries(commands)) runs[k]!.push(measure(cmd, args));
  return Object.fromEntries(
    Object.entries(runs).map(([k, rs]) => [
      k,
      { wallS: median(rs.map((r) => r.wallS)), cpuS: median(rs.map((r) => r.cpuS)), peakRssMb: median(rs.map((r) => r.peakRssMb)) },
    ]),
  );
}

function row(name: string, r: Run, extra: Record<string, number | string | null> = {}): Row {
  return { section: 'whole', name, wallS: round(r.wallS, 2), cpuS: round(r.cpuS, 2), peakRssMb: Math.round(r.peakRssMb), ...extra };
}

export function benchWholeProcess(minutesPdf: string, largePdf: string, reps: number): Row[] {
  if (!fs.existsSync(GNU_TIME)) throw new Error('GNU time is missing: `apt-get install -y time`.');
  if (!fs.existsSync(CLI)) throw new Error('dist/ is missing: run `npm run build` first.');
  const rows: Row[] = [];
  const node = process.execPath;
  const help = interleaved(
    { direct: [node, [CLI, '--help']], npm: ['npm', ['run', '-s', 'minutes', '--', '--help']], env: ['npm', ['run', '-s', 'env']] },
    reps,
  );
  rows.push(row('minutes --help (node dist/cli/main.js)', help['direct']!));
  rows.push(row('npm run -s minutes -- --help', help['npm']!, { ratioVsNpmEnv: round(help['npm']!.wallS / help['env']!.wallS, 2) }));
  rows.push(row('npm run -s env (npm alone)', help['env']!));
  const poppler = hasPdftotext();
  for (const file of [minutesPdf, largePdf]) {
    const cmds: Record<string, [string, string[]]> = { ours: [node, [CLI, 'extract', '--json', file]] };
    if (poppler) cmds['pdftotext'] = ['pdftotext', ['-layout', file, '-']];
    const r = interleaved(cmds, reps);
    const p = r['pdftotext'];
    rows.push(
      row(`extract --json ${path.basename(file)}`, r['ours']!, {
        pdftotextWallS: p ? round(p.wallS, 3) : null,
        // > 1: we take that many times pdftotext's time; speed ratio = 1 / this.
        timeVsPdftotext: p ? round(r['ours']!.wallS / p.wallS, 1) : null,
        speedVsPdftotext: p ? round(p.wallS / r['ours']!.wallS, 2) : null,
      }),
    );
  }
  return rows;
}

/** `minutes start` on a fresh embedded database; ingests the corpus through the CLI; RSS after `idleS` quiet seconds. */
export async function benchIdleStart(idleS: number, cli: string[] = [CLI]): Promise<Row> {
  const dir = tempDir('minutes-bench-start-');
  const env = startEnv(dir, '');
  // With the heap limit `npm start` and the image give Node (package.json, Dockerfile).
  const child = spawn(process.execPath, [...START_NODE_FLAGS, ...cli, 'start'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += String(d)));
  try {
    const until = Date.now() + 120_000;
    while (!/running on/.test(err)) {
      if (Date.now() > until || child.exitCode !== null) throw new Error(`minutes start did not come up: ${err.slice(-500)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const startedRss = treeRss(child.pid!);
    const ingest = spawnSync(process.execPath, [...cli, 'ingest', '--wait', ...CORPUS_PDFS], { cwd: ROOT, env, encoding: 'utf8' });
    if (ingest.status !== 0) throw new Error(`ingest failed: ${ingest.stderr.slice(-500)}`);
    await new Promise((r) => setTimeout(r, idleS * 1000));
    const idle = treeRss(child.pid!);
    return {
      section: 'whole',
      name: `minutes start, idle ${idleS} s after ingesting the 5 corpus PDFs (PGlite)`,
      idleTotalRssMb: Math.round(idle.total),
      idleMainRssMb: Math.round(idle.main),
      idleChildrenRssMb: Math.round(idle.total - idle.main),
      children: idle.children,
      startedTotalRssMb: Math.round(startedRss.total),
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function treeRss(pid: number): { main: number; total: number; children: number } {
  const kids = descendants(pid);
  const main = rssMb(pid);
  return { main, total: main + kids.reduce((n, p) => n + rssMb(p), 0), children: kids.length };
}
