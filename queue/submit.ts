/**
 * Accepting an upload: keep the original first, register it, then enqueue one ingest flow per
 * (group, content). The same file twice in a group is a duplicate, never parsed twice.
 */
import type { Config } from '../core/config.js';
import { detectFormat, mimeTypeOf } from '../parsers/detect-format.js';
import { ingestJobId, parseJobId, QUEUES, type IngestJobData, type ParseJobData, type Uploader } from '../core/queues.js';
import type { BlobStore } from '../store/blobs.js';
import type { Queryable } from '../store/db.js';
import { insertDocument, markQueued, type DocumentRow } from '../store/documents.js';
import { clearStaleJobs } from './forget.js';
import { INGEST_JOB_OPTIONS, PARSE_JOB_OPTIONS, type QueueHandles } from './queues.js';

export interface SubmitDeps {
  db: Queryable;
  blobs: BlobStore;
  queues: QueueHandles;
  parseLimits: Config['parse'];
}

export interface SubmitInput {
  groupId: string;
  fileName: string;
  bytes: Uint8Array;
  uploader: Uploader;
}

export interface SubmitOutcome {
  documentId: string;
  jobId: string;
  /** `duplicate`: this content is already in the group (see `existing` for who and when). */
  status: 'queued' | 'duplicate' | 'requeued';
  existing: DocumentRow;
}

export async function submitDocument(deps: SubmitDeps, input: SubmitInput): Promise<SubmitOutcome> {
  const sha = await deps.blobs.put(input.bytes);
  const { row, existed } = await insertDocument(deps.db, {
    groupId: input.groupId,
    sha256: sha,
    fileName: safeFileName(input.fileName),
    // From the bytes, never from the sender: the original is served back with this type.
    mimeType: mimeTypeOf(detectFormat(input.bytes, input.fileName)),
    sizeBytes: input.bytes.length,
    uploaderId: input.uploader.id,
    uploaderName: input.uploader.name,
  });
  const jobId = ingestJobId(input.groupId, sha);
  if (existed && row.status !== 'failed') return { documentId: row.id, jobId, status: 'duplicate', existing: row };
  if (existed) {
    await retryDocument(deps, row, input.uploader);
    return { documentId: row.id, jobId, status: 'requeued', existing: row };
  }
  await clearStaleJobs(deps.queues, row.id, row.group_id, row.sha256);
  await enqueueIngest(deps, row, input.uploader);
  return { documentId: row.id, jobId, status: 'queued', existing: row };
}

/** Parses a failed document again: clears its old jobs so the same ids can run again. */
export async function retryDocument(deps: Pick<SubmitDeps, 'db' | 'blobs' | 'queues' | 'parseLimits'>, row: DocumentRow, uploader: Uploader): Promise<string> {
  await deps.queues.ingest.remove(ingestJobId(row.group_id, row.sha256)).catch(() => 0);
  await deps.queues.parse.remove(parseJobId(row.group_id, row.sha256)).catch(() => 0);
  await markQueued(deps.db, row.id);
  await enqueueIngest(deps, row, uploader);
  return ingestJobId(row.group_id, row.sha256);
}

/** Adds the ingest flow for a registered document (idempotent by job id). */
export async function enqueueIngest(deps: Pick<SubmitDeps, 'blobs' | 'queues' | 'parseLimits'>, row: DocumentRow, uploader: Uploader): Promise<void> {
  const data: IngestJobData = { documentId: row.id, groupId: row.group_id, sha256: row.sha256, fileName: row.file_name, uploader };
  const parse: ParseJobData = {
    documentId: row.id,
    sha256: row.sha256,
    fileName: row.file_name,
    blobPath: deps.blobs.pathOf(row.sha256),
    limits: {
      maxBytes: deps.parseLimits.maxBytes,
      maxPages: deps.parseLimits.maxPages,
      timeoutMs: deps.parseLimits.timeoutMs,
      maxMemoryMb: deps.parseLimits.maxMemoryMb,
      threads: deps.parseLimits.threads,
      parallelMinPages: deps.parseLimits.parallelMinPages,
      threadIdleMs: deps.parseLimits.threadIdleMs,
      maxTextBytes: deps.parseLimits.maxTextBytes,
      pageTimeoutMs: deps.parseLimits.pageTimeoutMs,
    },
  };
  await deps.queues.flow.add({
    name: 'ingest',
    queueName: QUEUES.ingest,
    data,
    opts: { ...INGEST_JOB_OPTIONS, jobId: ingestJobId(row.group_id, row.sha256) },
    prefix: deps.queues.prefix,
    children: [
      {
        name: 'parse',
        queueName: QUEUES.parse,
        data: parse,
        prefix: deps.queues.prefix,
        opts: { ...PARSE_JOB_OPTIONS, jobId: parseJobId(row.group_id, row.sha256), priority: parsePriority(row.size_bytes) },
      },
    ],
  });
}

/**
 * Smaller files first: a waiting one-page agenda is read before a waiting 40 MB plan, so one large
 * upload (or a batch of them) cannot hold everyone else's minutes behind it. BullMQ: 1 is the
 * highest priority; one step per doubling of the size above 256 kB keeps equal sizes in order.
 */
export function parsePriority(sizeBytes: number): number {
  return 1 + Math.max(0, Math.ceil(Math.log2(Math.max(1, Number(sizeBytes)) / (256 * 1024))));
}

/** File names come from uploaders: keep them printable and short. */
function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'document';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'document';
}
