/**
 * Producer-side queue handles, shared by the bot, the CLI and the workers. Job options live here
 * so every producer enqueues the same way.
 */
import { FlowProducer, Queue, QueueEvents, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUES, type IngestJobData, type IngestResult, type NotifyJobData, type ParseJobData, type ParseResult } from '../core/queues.js';

export interface QueueHandles {
  prefix: string;
  connection: Redis;
  ingest: Queue<IngestJobData, IngestResult>;
  parse: Queue<ParseJobData, ParseResult>;
  notify: Queue<NotifyJobData>;
  flow: FlowProducer;
  close(): Promise<void>;
}

/** Parent `ingest` job: retried with backoff for transient faults (database down). */
export const INGEST_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { count: 1000, age: 7 * 24 * 3600 },
  removeOnFail: false,
};

/** Child `parse` job: its failure is handed to the parent, which records it on the document. */
export const PARSE_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { count: 1000 },
  ignoreDependencyOnFailure: true,
};

/** Approximate (Redis trims whole stream nodes of ~100 entries). */
export const PARSE_EVENTS_MAX_LEN = 200;

export const NOTIFY_JOB_OPTIONS: JobsOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: false,
};

export function openQueues(connection: Redis, prefix: string): QueueHandles {
  const opts = { connection, prefix };
  const ingest = new Queue<IngestJobData, IngestResult>(QUEUES.ingest, opts);
  // Each 'completed' event of a parse job carries its whole result (6 MB for 400 pages); its events serve
  // live progress only, so the stream keeps a few hundred, not BullMQ's default 10 000.
  const parse = new Queue<ParseJobData, ParseResult>(QUEUES.parse, { ...opts, streams: { events: { maxLen: PARSE_EVENTS_MAX_LEN } } });
  const notify = new Queue<NotifyJobData>(QUEUES.notify, opts);
  const flow = new FlowProducer(opts);
  for (const q of [ingest, parse, notify]) q.on('error', () => undefined);
  flow.on('error', () => undefined);
  return {
    prefix,
    connection,
    ingest,
    parse,
    notify,
    flow,
    async close() {
      await Promise.allSettled([ingest.close(), parse.close(), notify.close(), flow.close()]);
    },
  };
}

export function openIngestEvents(connection: Redis, prefix: string): QueueEvents {
  const events = new QueueEvents(QUEUES.ingest, { connection, prefix });
  events.on('error', () => undefined);
  return events;
}
