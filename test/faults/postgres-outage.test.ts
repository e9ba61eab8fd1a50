/**
 * Postgres unreachable for a while (a proxy between the worker and Postgres is cut): ingest jobs
 * fail with the transient `database-unavailable`, are retried with backoff, and finish once the
 * database is back; the worker process lives through it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { submitFiles } from '../../runtime/operations.js';
import { startPipeline, type Pipeline } from '../helpers/pipeline.js';
import { spawnCli, waitFor, type CliProcess } from '../helpers/processes.js';
import { CORPUS_PAGES, CORPUS_PDFS } from '../helpers/services.js';
import { tcpProxy, type CuttableProxy } from './services.js';

describe('Postgres unavailable for a while', () => {
  let p: Pipeline | undefined;
  let proxy: CuttableProxy | undefined;
  let worker: CliProcess | undefined;
  afterAll(async () => {
    worker?.kill();
    await worker?.exited;
    await proxy?.close();
    await p?.close();
  });

  it('ingest jobs retry with backoff and finish once it is back', async () => {
    p = await startPipeline('postgres', { WORKER_CONCURRENCY: '2' }, false);
    const direct = new URL(p.config.databaseUrl!);
    proxy = await tcpProxy(direct.hostname, Number(direct.port || 5432));
    const viaProxy = new URL(direct);
    viaProxy.port = String(proxy.port);
    worker = spawnCli(['worker'], {
      DATABASE_URL: viaProxy.toString(),
      MINUTES_DATA_DIR: p.config.dataDir,
      REDIS_URL: p.config.redisUrl,
      QUEUE_PREFIX: p.config.queuePrefix,
      REDIS_AUTOSTART: 'false',
      LOG_LEVEL: 'warn',
    });
    await waitFor('worker ready', async () => (await p!.rt.queues.ingest.getWorkersCount()) > 0, 60_000, 200);

    proxy.cut();
    const submitted = await submitFiles(p.rt, { group: 'outage', files: CORPUS_PDFS, uploader: { id: 'u', name: 'U' } });
    const jobIds = submitted.map((s) => s.jobId!);
    // Parsing needs no database; storing does. Wait until storing has failed and been put back.
    await waitFor(
      'ingest attempts failing on the database',
      async () => {
        const jobs = await Promise.all(jobIds.map((id) => p!.rt.queues.ingest.getJob(id)));
        return jobs.filter((j) => j && j.attemptsMade >= 1).length >= 2;
      },
      60_000,
      200,
    );
    const failedReasons = (await Promise.all(jobIds.map((id) => p!.rt.queues.ingest.getJob(id)))).map((j) => j?.failedReason ?? '');
    expect(failedReasons.filter((r) => r.includes('not reachable')).length).toBeGreaterThanOrEqual(2);
    // Nothing has failed for good while the database is away.
    expect(await p.rt.queues.ingest.getFailedCount()).toBe(0);
    await new Promise((r) => setTimeout(r, 3000));
    proxy.restore();

    const rows = await waitFor(
      'every document done',
      async () => {
        const r = (await p!.rt.db.query<{ status: string; file_name: string; page_count: number }>('SELECT status, file_name, page_count FROM documents')).rows;
        return r.length === CORPUS_PDFS.length && r.every((d) => d.status === 'done' || d.status === 'failed') ? r : null;
      },
      90_000,
      500,
    );
    for (const r of rows) {
      expect(r.status, r.file_name).toBe('done');
      expect(r.page_count).toBe(CORPUS_PAGES[r.file_name]);
    }
    const jobs = await Promise.all(jobIds.map((id) => p!.rt.queues.ingest.getJob(id)));
    // Retried (not failed) and finished: attempts > 1 on the jobs that met the outage.
    expect(jobs.filter((j) => (j?.attemptsMade ?? 0) > 1).length).toBeGreaterThanOrEqual(2);
    expect(await p.rt.queues.ingest.getFailedCount()).toBe(0);
    expect(worker.child.exitCode).toBeNull();
  }, 180_000);
});
