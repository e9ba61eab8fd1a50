/**
 * The queue: end-to-end latency of a trivial ingest (enqueue → parse child → ingest → completed
 * event), and documents per minute with 1 and with 2 worker processes (real `minutes worker`
 * processes, WORKER_CONCURRENCY=1 each, so one process ≈ one parsing core).
 */
import fs from 'node:fs';
import path from 'node:path';
import { QueueEvents } from 'bullmq';
import { QUEUES } from '../core/queues.js';
import { workerConnection } from '../queue/redis.js';
import { submitFiles } from '../runtime/operations.js';
import { startPipeline } from '../test/helpers/pipeline.js';
import { spawnCli, waitFor, type CliProcess } from '../test/helpers/processes.js';
import { FIXTURES, tempDir } from '../test/helpers/services.js';
import { percentile, round, type Row } from './stats.js';

export async function benchTrivialIngest(n: number): Promise<Row> {
  const p = await startPipeline('postgres', { WORKER_CONCURRENCY: '1' });
  const dir = tempDir('minutes-bench-q-');
  const events = new QueueEvents(QUEUES.ingest, { connection: workerConnection(p.config.redisUrl), prefix: p.config.queuePrefix });
  await events.waitUntilReady();
  const done = new Map<string, () => void>();
  events.on('completed', ({ jobId }) => done.get(jobId)?.());
  events.on('failed', ({ jobId }) => done.get(jobId)?.());
  const latencies: number[] = [];
  try {
    for (let i = -3; i < n; i++) {
      const f = path.join(dir, `note-${i + 3}.txt`);
      fs.writeFileSync(f, `Mötesanteckning ${i}\nNärvarande: Anna Berg, ordförande\nBeslut: gruppen beslutar att träffas igen.\n`);
      const t = performance.now();
      let finished!: () => void;
      const wait = new Promise<void>((r) => (finished = r));
      const sub = await submitFiles(p.rt, { group: 'latency', files: [f], uploader: { id: 'bench', name: 'Bench' } });
      done.set(sub[0]!.jobId!, finished);
      await wait;
      // The first three warm the sandbox (its thread loads pdf.js once per process).
      if (i >= 0) latencies.push(performance.now() - t);
    }
  } finally {
    await events.close();
    await p.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return {
    section: 'queue',
    name: `trivial .txt ingest, ${n} sequential`,
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    maxMs: round(Math.max(...latencies)),
  };
}

/** Documents per minute with `processes` worker processes, on `count` distinct corpus-like PDFs. */
export async function benchThroughput(processes: number, count: number): Promise<Row> {
  const p = await startPipeline('postgres', {}, false);
  const dir = tempDir('minutes-bench-tp-');
  // A mix of short minutes and long plans (≈ 33 pages a document), so that parsing, not queue
  // round trips, dominates, as in real use.
  const source = [
    '2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf',
    'lokal-namnd-kungsbacka-2021-uppfoljningsrapport-2-bildspel.pdf',
    '2015-11-13-mal-och-handlingsplan-2016-2018.pdf',
  ];
  const make = (prefix: string, k: number) =>
    Array.from({ length: k }, (_, i) => {
      const f = path.join(dir, `${prefix}-${i}.pdf`);
      fs.writeFileSync(f, Buffer.concat([fs.readFileSync(path.join(FIXTURES, source[i % source.length]!)), Buffer.from(`\n% ${prefix} ${i}\n`)]));
      return f;
    });
  const workers: CliProcess[] = [];
  try {
    for (let i = 0; i < processes; i++) {
      workers.push(
        spawnCli(['worker'], {
          DATABASE_URL: p.config.databaseUrl,
          MINUTES_DATA_DIR: p.config.dataDir,
          REDIS_URL: p.config.redisUrl,
          QUEUE_PREFIX: p.config.queuePrefix,
          REDIS_AUTOSTART: 'false',
          LOG_LEVEL: 'warn',
          WORKER_CONCURRENCY: '1',
        }),
      );
    }
    await waitFor('workers', async () => (await p.rt.queues.parse.getWorkersCount()) >= processes, 60_000, 200);
    // Warm every process's sandbox (thread start-up and pdf.js load are paid once per process).
    const warm = await p.ingest(make('warm', processes * 3), 'warm');
    if (warm.outcomes.some((o) => !o.ok)) throw new Error('warm-up failed');
    const t = performance.now();
    const run = await p.ingest(make('run', count), 'run');
    const seconds = (performance.now() - t) / 1000;
    if (run.outcomes.some((o) => !o.ok)) throw new Error('throughput run failed');
    const pages = run.outcomes.reduce((n, o) => n + (o.pages ?? 0), 0);
    return {
      section: 'queue',
      name: `${count} PDFs, ${processes} worker process(es)`,
      seconds: round(seconds, 2),
      docsPerMin: round((count / seconds) * 60, 1),
      pagesPerS: round(pages / seconds, 1),
    };
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));
    await p.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
