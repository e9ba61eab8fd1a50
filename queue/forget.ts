/**
 * Forgetting a document (`glöm` in Teams, `minutes forget` on the CLI): everything derived from it
 * goes, so nothing of it can be answered, exported or reminded about, and a later upload of the
 * same file parses afresh. The database rows cascade from `documents`; what the database cannot
 * reach is removed here: the BullMQ jobs whose ids derive from (group, sha256) (left behind, they
 * made the next upload a silent duplicate job that never ran), reminder sends that carry its items,
 * and the original file unless another document or a pending upload still needs it.
 */
import fs from 'node:fs/promises';
import { Queue } from 'bullmq';
import { ingestJobId, parseJobId, QUEUES } from '../core/queues.js';
import { logger } from '../core/logger.js';
import type { BlobStore } from '../store/blobs.js';
import type { Db, Queryable } from '../store/db.js';
import type { DocumentRow } from '../store/documents.js';
import type { QueueHandles } from './queues.js';

const log = logger('forget');

export interface ForgetDeps {
  db: Db;
  blobs: BlobStore;
  queues: QueueHandles;
}

export interface ForgetOutcome {
  documentId: string;
  fileName: string;
  /** Whether the original file was deleted (false: another document or upload shares it). */
  blobRemoved: boolean;
  /** Reminder sends that lost items (pending ones left empty are dropped). */
  remindersTouched: number;
}

/**
 * Documents of these groups that `arg` names: its id, its file name or title (whole, any case),
 * else every document whose file name or title contains it. Several results mean "be more precise".
 */
export function matchDocuments<T extends Pick<DocumentRow, 'id' | 'file_name' | 'title'>>(docs: T[], arg: string): T[] {
  const want = arg.trim().toLowerCase();
  if (!want) return [];
  const byId = docs.filter((d) => d.id === arg.trim());
  if (byId.length) return byId;
  const exact = docs.filter((d) => d.file_name.toLowerCase() === want || (d.title ?? '').toLowerCase() === want);
  if (exact.length) return exact;
  return docs.filter((d) => d.file_name.toLowerCase().includes(want) || (d.title ?? '').toLowerCase().includes(want));
}

export async function forgetDocument(deps: ForgetDeps, doc: DocumentRow): Promise<ForgetOutcome> {
  const itemIds = (await deps.db.query<{ id: string | number }>('SELECT id FROM action_items WHERE document_id = $1', [doc.id])).rows.map((r) => Number(r.id));
  // Rows first: once the document is gone, nothing re-queues it (the reconciler re-queues waiting
  // documents whose jobs are missing), and a job that starts anyway finds no document and ends.
  const remindersTouched = await deps.db.transaction(async (q) => {
    const touched = await dropItemsFromReminderSends(q, itemIds);
    await q.query('DELETE FROM documents WHERE id = $1', [doc.id]);
    return touched;
  });
  await removeDocumentJobs(deps.queues, doc.group_id, doc.sha256);
  await removeReminderJobs(deps.queues, doc.id);
  const blobRemoved = await removeBlobIfUnused(deps, doc.sha256);
  log.info({ documentId: doc.id, groupId: doc.group_id, blobRemoved, remindersTouched }, 'document forgotten');
  return { documentId: doc.id, fileName: doc.file_name, blobRemoved, remindersTouched };
}

/**
 * Removes the ingest flow of (group, sha256): the parent and its parse child, whatever their state.
 * A job a worker holds right now cannot be removed; it finds the document gone and ends, and a
 * new upload clears it then (see `clearStaleJobs`).
 */
export async function removeDocumentJobs(queues: QueueHandles, groupId: string, sha256: string): Promise<void> {
  for (const [queue, id] of [
    [queues.ingest, ingestJobId(groupId, sha256)],
    [queues.parse, parseJobId(groupId, sha256)],
  ] as const) {
    await (queue as Queue).remove(id, { removeChildren: true }).catch((err: Error) => log.warn({ jobId: id, err: err.message }, 'job could not be removed'));
  }
}

/**
 * Before a new document's flow is added: jobs with its ids left by an earlier document of the same
 * content (forgotten, or removed before this fix) would make BullMQ ignore the new flow.
 */
export async function clearStaleJobs(queues: QueueHandles, documentId: string, groupId: string, sha256: string): Promise<void> {
  const job = await queues.ingest.getJob(ingestJobId(groupId, sha256));
  const child = await queues.parse.getJob(parseJobId(groupId, sha256));
  const stale = (job && job.data.documentId !== documentId) || (child && child.data.documentId !== documentId);
  if (stale) await removeDocumentJobs(queues, groupId, sha256);
}

/** Strips the items from every reminder send that lists them; pending sends left empty go. */
async function dropItemsFromReminderSends(q: Queryable, itemIds: number[]): Promise<number> {
  if (itemIds.length === 0) return 0;
  const updated = await q.query<{ key: string }>(
    `UPDATE reminder_sends SET item_ids = ARRAY(SELECT x FROM unnest(item_ids) AS x WHERE x <> ALL($1::bigint[]))
     WHERE item_ids && $1::bigint[] RETURNING key`,
    [itemIds],
  );
  await q.query(`DELETE FROM reminder_sends WHERE status = 'pending' AND cardinality(item_ids) = 0 AND key = ANY($1::text[])`, [
    updated.rows.map((r) => r.key),
  ]);
  return updated.rows.length;
}

/** Reminder messages not yet sent carry the items' text: drop the document's items, or the job. */
async function removeReminderJobs(queues: QueueHandles, documentId: string): Promise<void> {
  const sendQueue = new Queue(QUEUES.reminderSend, { connection: queues.connection, prefix: queues.prefix });
  sendQueue.on('error', () => undefined);
  try {
    const jobs = await sendQueue.getJobs(['waiting', 'delayed', 'prioritized', 'failed']);
    for (const job of jobs) {
      const r = (job?.data as { reminder?: ReminderJobShape } | undefined)?.reminder;
      if (!job || !r?.items?.some((i) => i.source?.documentId === documentId)) continue;
      const items = r.items.filter((i) => i.source?.documentId !== documentId);
      if (items.length === 0) {
        await job.remove().catch(() => undefined);
        continue;
      }
      const byOwner = r.byOwner?.map((g) => ({ ...g, items: g.items.filter((i) => i.source?.documentId !== documentId) })).filter((g) => g.items.length > 0);
      await job.updateData({ ...job.data, reminder: { ...r, items, ...(byOwner ? { byOwner } : {}) } }).catch(() => undefined);
    }
  } finally {
    await sendQueue.close().catch(() => undefined);
  }
}

interface ReminderJobShape {
  items?: Array<{ source?: { documentId?: string } }>;
  byOwner?: Array<{ items: Array<{ source?: { documentId?: string } }> }>;
}

async function removeBlobIfUnused(deps: ForgetDeps, sha256: string): Promise<boolean> {
  const still = await deps.db.query('SELECT 1 FROM documents WHERE sha256 = $1 UNION ALL SELECT 1 FROM pending_uploads WHERE sha256 = $1 LIMIT 1', [sha256]);
  if (still.rows.length > 0) return false;
  await fs.unlink(deps.blobs.pathOf(sha256)).catch(() => undefined);
  return true;
}
