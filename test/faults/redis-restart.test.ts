/**
 * Redis killed while ingest jobs are queued and running, then started again on the same port
 * and data directory (AOF, fsync always): nothing is lost, and the same worker process carries
 * on without a restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { submitDocument } from '../../queue/submit.js';
import { ensureGroup } from '../../store/groups.js';
import { startPipeline, type Pipeline } from '../helpers/pipeline.js';
import { spawnCli, waitFor, type CliProcess } from '../helpers/processes.js';
import { CORPUS_PAGES, CORPUS_PDFS, FIXTURES } from '../helpers/services.js';
import { privateRedis, type PrivateRedis } from './services.js';

describe.each(['SIGKILL', 'SIGTERM'] as const)('Redis restarted (%s) while jobs are queued and running', (signal) => {
  let redis: PrivateRedis | undefined;
  let p: Pipeline | undefined;
  let worker: CliProcess | undefined;
  afterAll(async () => {
    worker?.kill();
    await worker?.exited;
    await p?.close();
    await redis?.dispose();
  });

  it('loses nothing, and the workers reconnect without a restart', async () => {
    redis = await privateRedis();
    await redis.start();
    const env = { REDIS_URL: redis.url, QUEUE_LOCK_DURATION_MS: '4000', QUEUE_STALLED_INTERVAL_MS: '1000', WORKER_CONCURRENCY: '1' };
    p = await startPipeline('postgres', env, false);
    worker = spawnCli(['worker'], {
      DATABASE_URL: p.config.databaseUrl,
      MINUTES_DATA_DIR: p.config.dataDir,
      QUEUE_PREFIX: p.config.queuePrefix,
      REDIS_AUTOSTART: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    });
    await waitFor('worker ready', async () => (await p!.rt.queues.ingest.getWorkersCount()) > 0, 60_000, 200);

    // Six files on one parse slot, so a parse is surely running when Redis dies and others wait
    // (smaller files are taken first: see parsePriority).
    const group = await ensureGroup(p.rt.db, 'restart');
    const files = [path.join(FIXTURES, 'edge', 'large-400-pages-plan-repeated.pdf'), ...CORPUS_PDFS];
    const docIds: string[] = [];
    for (const f of files) {
      const r = await submitDocument(
        { db: p.rt.db, blobs: p.rt.blobs, queues: p.rt.queues, parseLimits: p.config.parse },
        { groupId: group.id, fileName: path.basename(f), bytes: fs.readFileSync(f), uploader: { id: 'u', name: 'U' } },
      );
      docIds.push(r.documentId);
    }
    await waitFor(
      'a running parse with others waiting',
      async () => (await p!.rt.queues.parse.getActiveCount()) > 0 && (await p!.rt.queues.parse.getJobCountByTypes('waiting', 'prioritized')) > 0,
      30_000,
      50,
    );

    await redis.kill(signal);
    await new Promise((r) => setTimeout(r, 2000));
    await redis.start();

    const status = async () =>
      (
        await p!.rt.db.query<{ status: string; page_count: number | null; file_name: string }>(
          'SELECT status, page_count, file_name FROM documents WHERE id = ANY($1)',
          [docIds],
        )
      ).rows;
    const rows = await waitFor(
      'every document done',
      async () => {
        const r = await status();
        return r.length === files.length && r.every((d) => d.status === 'done' || d.status === 'failed') ? r : null;
      },
      150_000,
      500,
    );
    for (const r of rows) {
      expect(r.status, r.file_name).toBe('done');
      expect(r.page_count, r.file_name).toBe(CORPUS_PAGES[r.file_name] ?? 400);
    }
    // Stored once each, however often a parse ran.
    const pages = await p.rt.db.query<{ n: number; d: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT (document_id, page_no))::int AS d FROM pages WHERE document_id = ANY($1)',
      [docIds],
    );
    expect(pages.rows[0]!.n).toBe(pages.rows[0]!.d);
    expect(pages.rows[0]!.n).toBe(400 + Object.values(CORPUS_PAGES).reduce((a, b) => a + b, 0));
    // The same worker process did it: it never exited, and it still takes jobs.
    expect(worker.child.exitCode).toBeNull();
    expect(await p.rt.queues.ingest.getCompletedCount()).toBe(files.length);
  }, 240_000);
});
