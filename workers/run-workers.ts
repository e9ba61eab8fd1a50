/**
 * Starts the pipeline workers: the sandboxed `parse` worker (child processes) and the in-process
 * `ingest` worker that owns database writes. Every worker has an error listener; `close()` lets
 * active jobs finish (graceful shutdown on SIGINT/SIGTERM is wired by the caller).
 */
import { Worker } from 'bullmq';
import type { Config } from '../core/config.js';
import { logger } from '../core/logger.js';
import { QUEUES, type IngestJobData, type IngestResult, type ParseJobData, type ParseResult } from '../core/queues.js';
import { workerConnection } from '../queue/redis.js';
import { NOTIFY_JOB_OPTIONS, type QueueHandles } from '../queue/queues.js';
import type { Db } from '../store/db.js';
import { markParsing } from '../store/documents.js';
import { builtFile } from './built-path.js';
import { createIngestProcessor } from './ingest.processor.js';
import { createLlmRefine } from './llm-refine.js';

const log = logger('workers');

export interface RunWorkersOptions {
  config: Config;
  db: Db;
  queues: QueueHandles;
}

export interface RunningWorkers {
  parse: Worker<ParseJobData, ParseResult>;
  ingest: Worker<IngestJobData, IngestResult>;
  close(): Promise<void>;
}

export function runWorkers(opts: RunWorkersOptions): RunningWorkers {
  const { config, db, queues } = opts;
  const common = {
    prefix: queues.prefix,
    stalledInterval: config.stalledIntervalMs,
    lockDuration: config.lockDurationMs,
    maxStalledCount: 2,
  };
  const parseConn = workerConnection(config.redisUrl);
  const ingestConn = workerConnection(config.redisUrl);
  const parse = new Worker<ParseJobData, ParseResult>(QUEUES.parse, builtFile(import.meta.url, './parse.sandbox.js'), {
    ...common,
    connection: parseConn,
    concurrency: config.workerConcurrency,
    useWorkerThreads: false,
    workerForkOptions: {
      // The child runs the compiled JavaScript (no tsx), with a capped heap.
      execArgv: [`--max-old-space-size=${config.parse.maxMemoryMb + 256}`],
    } as never,
  });
  const ingest = new Worker<IngestJobData, IngestResult>(
    QUEUES.ingest,
    createIngestProcessor({
      db,
      // Nothing LLM-related exists without config.llm.
      ...(config.llm ? { refine: createLlmRefine(config.llm) } : {}),
      notify: async (data, jobId) => {
        await queues.notify.add('notify', data, { ...NOTIFY_JOB_OPTIONS, jobId });
      },
    }),
    { ...common, connection: ingestConn, concurrency: config.workerConcurrency },
  );
  parse.on('active', (job) => {
    markParsing(db, job.data.documentId).catch((err: unknown) => log.warn({ err }, 'could not mark document as parsing'));
  });
  // BullMQ keeps each child's return value (the whole parse result: 6 MB for 400 pages) in the parent's
  // `processed` hash for as long as the completed ingest job is kept (1 000 jobs, 7 days, for
  // deduplication). Once stored, nothing reads it again.
  ingest.on('completed', (job) => {
    ingestConn
      .del(ingest.toKey(`${job.id}:processed`))
      .catch((err: unknown) => log.warn({ err, jobId: job.id }, 'could not drop the stored parse result from Redis'));
  });
  for (const w of [parse, ingest] as Worker[]) {
    w.on('error', (err) => log.error({ err: err.message, queue: w.name }, 'worker error'));
    w.on('failed', (job, err) => log.warn({ queue: w.name, jobId: job?.id, reason: err.message }, 'job failed'));
  }
  return {
    parse,
    ingest,
    async close() {
      await Promise.allSettled([parse.close(), ingest.close()]);
      parseConn.disconnect();
      ingestConn.disconnect();
    },
  };
}
