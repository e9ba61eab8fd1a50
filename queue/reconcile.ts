/**
 * Documents and their jobs live in two stores: the database says `queued`/`parsing`, Redis holds
 * the jobs. When Redis loses its data (restarted empty, flushed, another volume) such documents
 * would wait forever: a re-upload is a duplicate, `retry` saw only failed ones. The reconciler finds
 * documents whose ingest job is gone (or finished while the document never got its outcome) and
 * queues them again from the kept original. The main job runs it at start-up and periodically;
 * `retry` runs it with no grace period.
 */
import { ingestJobId } from '../core/queues.js';
import { logger } from '../core/logger.js';
import type { DocumentRow } from '../store/documents.js';
import { retryDocument, type SubmitDeps } from './submit.js';

const log = logger('reconcile');

export interface ReconcileOptions {
  /** Documents touched more recently than this are left alone: their jobs may be on the way. */
  graceMs: number;
  groupId?: string;
}

/** Documents waiting for a job that does not exist (or is finished) in Redis. */
export async function findStuckDocuments(deps: Pick<SubmitDeps, 'db' | 'queues'>, opts: ReconcileOptions): Promise<DocumentRow[]> {
  const rows = (
    await deps.db.query<DocumentRow>(
      `SELECT * FROM documents
       WHERE status IN ('queued', 'parsing') AND updated_at < now() - make_interval(secs => $1::double precision / 1000)
         AND ($2::uuid IS NULL OR group_id = $2::uuid)
       ORDER BY created_at`,
      [opts.graceMs, opts.groupId ?? null],
    )
  ).rows;
  const stuck: DocumentRow[] = [];
  for (const row of rows) {
    const job = await deps.queues.ingest.getJob(ingestJobId(row.group_id, row.sha256));
    const state = job ? await job.getState() : 'missing';
    // 'completed'/'failed' with the document still waiting: the outcome never reached the database.
    if (state !== 'missing' && state !== 'unknown' && state !== 'completed' && state !== 'failed') continue;
    // The job may have finished (and been removed) between reading the row and asking Redis: only
    // a document still waiting now is stuck.
    const now = await deps.db.query<{ status: string }>('SELECT status FROM documents WHERE id = $1', [row.id]);
    if (now.rows[0]?.status === 'queued' || now.rows[0]?.status === 'parsing') stuck.push(row);
  }
  return stuck;
}

/** Queues stuck documents again; returns them. Never throws for one document: logs and goes on. */
export async function reconcileDocuments(deps: SubmitDeps, opts: ReconcileOptions): Promise<DocumentRow[]> {
  const stuck = await findStuckDocuments(deps, opts);
  const done: DocumentRow[] = [];
  for (const row of stuck) {
    try {
      await retryDocument(deps, row, { id: row.uploader_id, name: row.uploader_name });
      done.push(row);
    } catch (err) {
      log.warn({ documentId: row.id, err: err instanceof Error ? err.message : String(err) }, 'could not queue a stuck document again');
    }
  }
  if (done.length) log.warn({ documents: done.map((d) => d.id) }, 'queued documents again whose jobs were gone from Redis');
  return done;
}
