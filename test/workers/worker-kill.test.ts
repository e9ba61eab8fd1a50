import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { QueueEvents } from 'bullmq';
import { ingestJobId, QUEUES } from '../../core/queues.js';
import { ensureGroup } from '../../store/groups.js';
import { submitDocument } from '../../queue/submit.js';
import { workerConnection } from '../../queue/redis.js';
import { startPipeline, type Pipeline } from '../helpers/pipeline.js';
import { spawnCli, waitFor, type CliProcess } from '../helpers/processes.js';
import { FIXTURES } from '../helpers/services.js';

describe('a worker killed in the middle of a parse', () => {
  let p: Pipeline | undefined;
  const procs: CliProcess[] = [];
  afterAll(async () => {
    for (const w of procs) w.kill();
    await p?.close();
  });

  it('leaves a job that another worker finishes, with no duplicate rows', async () => {
    // Short locks so the killed worker's job is noticed quickly.
    const env = { QUEUE_LOCK_DURATION_MS: '2000', QUEUE_STALLED_INTERVAL_MS: '1000', WORKER_CONCURRENCY: '1' };
    p = await startPipeline('postgres', env, false);
    const workerEnv = {
      DATABASE_URL: p.config.databaseUrl,
      MINUTES_DATA_DIR: p.config.dataDir,
      REDIS_URL: p.config.redisUrl,
      REDIS_AUTOSTART: 'false',
      QUEUE_PREFIX: p.config.queuePrefix,
      LOG_LEVEL: 'info',
      ...env,
    };
    const first = spawnCli(['worker'], workerEnv);
    procs.push(first);
    const events = new QueueEvents(QUEUES.parse, { connection: workerConnection(p.config.redisUrl), prefix: p.config.queuePrefix });
    await events.waitUntilReady();
    let progressed = 0;
    events.on('progress', () => progressed++);

    const group = await ensureGroup(p.rt.db, 'crash');
    const file = path.join(FIXTURES, 'edge', 'large-400-pages-plan-repeated.pdf');
    const bytes = (await import('node:fs')).readFileSync(file);
    const sub = await submitDocument(
      { db: p.rt.db, blobs: p.rt.blobs, queues: p.rt.queues, parseLimits: p.config.parse },
      { groupId: group.id, fileName: 'large.pdf', bytes, uploader: { id: 'u', name: 'U', conversationRefId: 'conv-crash', activityId: 'act-1' } },
    );
    // Kill it once it is really parsing (pages are being reported).
    await waitFor('parse progress', async () => progressed > 0, 60_000, 20);
    first.kill('SIGKILL');
    await first.exited;
    const second = spawnCli(['worker'], workerEnv);
    procs.push(second);

    const ingestEvents = new QueueEvents(QUEUES.ingest, { connection: workerConnection(p.config.redisUrl), prefix: p.config.queuePrefix });
    await ingestEvents.waitUntilReady();
    const job = await p.rt.queues.ingest.getJob(ingestJobId(group.id, sub.existing.sha256));
    const result = await job!.waitUntilFinished(ingestEvents, 120_000);
    expect(result).toMatchObject({ status: 'done', pages: 400 });

    const counts = await p.rt.db.query<{ pages: number; distinct_pages: number; chunks: number; distinct_chunks: number }>(
      `SELECT (SELECT count(*)::int FROM pages WHERE document_id = $1) AS pages,
              (SELECT count(DISTINCT page_no)::int FROM pages WHERE document_id = $1) AS distinct_pages,
              (SELECT count(*)::int FROM chunks WHERE document_id = $1) AS chunks,
              (SELECT count(DISTINCT ord)::int FROM chunks WHERE document_id = $1) AS distinct_chunks`,
      [sub.documentId],
    );
    expect(counts.rows[0]).toMatchObject({ pages: 400, distinct_pages: 400 });
    expect(counts.rows[0]!.chunks).toBe(counts.rows[0]!.distinct_chunks);
    const budget = await p.rt.db.query<{ n: number; d: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT ord)::int AS d FROM budget_lines WHERE document_id = $1`,
      [sub.documentId],
    );
    expect(budget.rows[0]!.n).toBe(budget.rows[0]!.d);
    const doc = await p.rt.db.query<{ status: string; attempts: number }>('SELECT status, attempts FROM documents WHERE id = $1', [sub.documentId]);
    expect(doc.rows[0]!.status).toBe('done');
    // Parsed twice (killed once), stored once.
    expect(doc.rows[0]!.attempts).toBeGreaterThanOrEqual(2);
    // The uploader gets one summary, not two: exactly one notify job, under the document's id.
    const notifyCounts = await p.rt.queues.notify.getJobCounts();
    expect(Object.values(notifyCounts).reduce((a, b) => a + b, 0)).toBe(1);
    const notify = await p.rt.queues.notify.getJob(`notify-ingest-${sub.documentId}`);
    expect(notify?.data).toMatchObject({ kind: 'ingest-finished', documentId: sub.documentId, conversationRefId: 'conv-crash' });
    await events.close();
    await ingestEvents.close();
  }, 180_000);
});
