import type { Queryable } from './db.js';

export type DocumentStatus = 'queued' | 'parsing' | 'done' | 'failed';

export interface DocumentRow {
  id: string;
  group_id: string;
  sha256: string;
  file_name: string;
  mime_type: string | null;
  size_bytes: number;
  blob_key: string;
  uploader_id: string;
  uploader_name: string | null;
  status: DocumentStatus;
  error_code: string | null;
  error_message: string | null;
  attempts: number;
  page_count: number | null;
  title: string | null;
  kind: string | null;
  doc_date: string | null;
  organisation: string | null;
  language: string | null;
  created_at: Date;
  updated_at: Date;
  parsed_at: Date | null;
}

export interface NewDocument {
  groupId: string;
  sha256: string;
  fileName: string;
  mimeType: string | null;
  sizeBytes: number;
  uploaderId: string;
  uploaderName: string | null;
}

/**
 * Registers an upload. Returns the row and whether it already existed (same content in the
 * same group): a duplicate is never parsed twice.
 */
export async function insertDocument(q: Queryable, d: NewDocument): Promise<{ row: DocumentRow; existed: boolean }> {
  const inserted = await q.query<DocumentRow>(
    `INSERT INTO documents (group_id, sha256, file_name, mime_type, size_bytes, blob_key, uploader_id, uploader_name)
     VALUES ($1, $2, $3, $4, $5, $2, $6, $7)
     ON CONFLICT (group_id, sha256) DO NOTHING RETURNING *`,
    [d.groupId, d.sha256, d.fileName, d.mimeType, d.sizeBytes, d.uploaderId, d.uploaderName],
  );
  if (inserted.rows[0]) return { row: inserted.rows[0], existed: false };
  const row = (await q.query<DocumentRow>('SELECT * FROM documents WHERE group_id = $1 AND sha256 = $2', [d.groupId, d.sha256])).rows[0];
  if (!row) throw new Error('document vanished between insert and select');
  return { row, existed: true };
}

export async function getDocument(q: Queryable, id: string): Promise<DocumentRow | null> {
  return (await q.query<DocumentRow>('SELECT * FROM documents WHERE id = $1', [id])).rows[0] ?? null;
}

export async function listDocuments(q: Queryable, groupIds: string[]): Promise<Array<DocumentRow & { group_name: string }>> {
  return (
    await q.query<DocumentRow & { group_name: string }>(
      `SELECT d.*, g.name AS group_name FROM documents d JOIN groups g ON g.id = d.group_id
       WHERE d.group_id = ANY($1::uuid[]) ORDER BY g.name, d.created_at, d.file_name`,
      [groupIds],
    )
  ).rows;
}

export async function markParsing(q: Queryable, id: string): Promise<void> {
  // Only a waiting document: this runs on the parse job's 'active' event, unawaited, and may land
  // after the ingest step already recorded the outcome (a file that fails at once), which it must
  // not overwrite (the document would show 'parsing' forever).
  await q.query(
    `UPDATE documents SET status = 'parsing', attempts = attempts + 1, error_code = NULL, error_message = NULL, updated_at = now()
     WHERE id = $1 AND status IN ('queued', 'parsing')`,
    [id],
  );
}

export async function markFailed(q: Queryable, id: string, code: string, message: string): Promise<void> {
  await q.query(`UPDATE documents SET status = 'failed', error_code = $2, error_message = $3, updated_at = now() WHERE id = $1`, [id, code, message]);
}

/** Sets a document back to queued, for a retry of a failed ingest. */
export async function markQueued(q: Queryable, id: string): Promise<void> {
  await q.query(`UPDATE documents SET status = 'queued', error_code = NULL, error_message = NULL, updated_at = now() WHERE id = $1`, [id]);
}
