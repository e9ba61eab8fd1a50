/**
 * Waits for ingest jobs to finish, with a progress bar per file on a TTY (pages parsed).
 */
import path from 'node:path';
import { Job, QueueEvents } from 'bullmq';
import cliProgress from 'cli-progress';
import { decodeError } from '../core/errors.js';
import { QUEUES, type IngestResult, type ParseProgress } from '../core/queues.js';
import type { QueueHandles } from '../queue/queues.js';
import { workerConnection } from '../queue/redis.js';

export interface WaitItem {
  file: string;
  jobId: string;
}

export interface WaitOutcome {
  file: string;
  ok: boolean;
  pages?: number;
  errorCode?: string;
  message?: string;
}

export async function waitForJobs(queues: QueueHandles, redisUrl: string, items: WaitItem[], showProgress: boolean): Promise<WaitOutcome[]> {
  // QueueEvents block on Redis streams: they need connections that retry for ever.
  const conns = [workerConnection(redisUrl), workerConnection(redisUrl)];
  const ingestEvents = new QueueEvents(QUEUES.ingest, { connection: conns[0]!, prefix: queues.prefix });
  const parseEvents = new QueueEvents(QUEUES.parse, { connection: conns[1]!, prefix: queues.prefix });
  ingestEvents.on('error', () => undefined);
  parseEvents.on('error', () => undefined);
  await Promise.all([ingestEvents.waitUntilReady(), parseEvents.waitUntilReady()]);
  const bars = showProgress
    ? new cliProgress.MultiBar(
        { format: ' {bar} {value}/{total} pages  {file}', hideCursor: true, clearOnComplete: false, stream: process.stderr },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const barOf = new Map<string, cliProgress.SingleBar>();
  for (const it of items) barOf.set(it.jobId.replace(/^ingest-/, 'parse-'), bars?.create(1, 0, { file: path.basename(it.file) }) as cliProgress.SingleBar);
  parseEvents.on('progress', ({ jobId, data }) => {
    const p = data as unknown as ParseProgress;
    const bar = barOf.get(jobId);
    if (bar && typeof p === 'object' && p.pages) {
      bar.setTotal(p.pages);
      bar.update(p.page);
    }
  });
  try {
    return await Promise.all(
      items.map(async (it): Promise<WaitOutcome> => {
        const job = await Job.fromId<unknown, IngestResult>(queues.ingest, it.jobId);
        if (!job) return { file: it.file, ok: false, errorCode: 'not-found', message: 'The ingest job is gone (was Redis emptied?). Run the ingest again.' };
        try {
          const r = (await job.waitUntilFinished(ingestEvents)) as IngestResult;
          const bar = barOf.get(it.jobId.replace(/^ingest-/, 'parse-'));
          bar?.setTotal(r.pages);
          bar?.update(r.pages);
          return { file: it.file, ok: true, pages: r.pages };
        } catch (err) {
          const { code, message } = decodeError(err instanceof Error ? err.message : String(err));
          return { file: it.file, ok: false, errorCode: code, message };
        }
      }),
    );
  } finally {
    bars?.stop();
    await Promise.allSettled([ingestEvents.close(), parseEvents.close()]);
    for (const c of conns) c.disconnect();
  }
}
