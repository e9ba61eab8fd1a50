/**
 * Peak RSS of the sandboxed parser: one 400-page file in a sandbox process of its own, and ten
 * such files queued at once through the real pipeline (sampled from /proc across the workers'
 * sandbox children).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startPipeline } from '../test/helpers/pipeline.js';
import { descendants, rssMb } from '../test/helpers/proc-rss.js';
import { tempDir } from '../test/helpers/services.js';
import { round, rssNowMb, type Row } from './stats.js';

const ROOT = path.resolve(import.meta.dirname, '..');

export function benchSandboxRss(file: string): Row {
  const res = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'sandbox-child.mjs'), file], { cwd: ROOT, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`sandbox child failed: ${res.stderr}`);
  const r = JSON.parse(res.stdout.trim().split('\n').pop()!) as Record<string, number>;
  return { section: 'rss', name: `sandbox, ${path.basename(file)}`, ...r };
}

export async function benchQueuedRss(file: string, copies: number, concurrency: number): Promise<Row> {
  const dir = tempDir('minutes-bench-rss-');
  const files = Array.from({ length: copies }, (_, i) => {
    // Trailing bytes after %%EOF make each copy a distinct upload without changing its pages.
    const f = path.join(dir, `plan-${i}.pdf`);
    fs.writeFileSync(f, Buffer.concat([fs.readFileSync(file), Buffer.from(`\n% copy ${i}\n`)]));
    return f;
  });
  const p = await startPipeline('postgres', { WORKER_CONCURRENCY: String(concurrency), PARSE_TIMEOUT_MS: '600000' });
  // This process also holds the benchmark's own modules and tsx: its RSS before queuing is harness.
  const startMb = rssNowMb();
  let peakChild = 0;
  let peakTotal = 0;
  let peakMain = 0;
  const timer = setInterval(() => {
    peakMain = Math.max(peakMain, process.memoryUsage.rss() / 1024 / 1024);
    let total = 0;
    for (const pid of descendants(process.pid)) {
      const mb = rssMb(pid);
      total += mb;
      peakChild = Math.max(peakChild, mb);
    }
    peakTotal = Math.max(peakTotal, total);
  }, 100);
  const t = performance.now();
  try {
    const { outcomes } = await p.ingest(files, 'rss');
    const failed = outcomes.filter((o) => !o.ok);
    if (failed.length) throw new Error(`queued RSS run: ${failed.length} failed: ${failed[0]!.message}`);
  } finally {
    clearInterval(timer);
    await p.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return {
    section: 'rss',
    name: `${copies} × ${path.basename(file)} queued, concurrency ${concurrency}`,
    seconds: round((performance.now() - t) / 1000, 1),
    peakSandboxChildRssMb: Math.round(peakChild),
    peakAllChildrenRssMb: Math.round(peakTotal),
    // This process runs the in-process ingest worker (it receives every parse result).
    startIngestProcessRssMb: startMb,
    peakIngestProcessRssMb: Math.round(peakMain),
  };
}
