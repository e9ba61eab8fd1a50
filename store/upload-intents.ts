/** Uploads being received (migration 0008): written before downloading, removed after the outcome. */
import type { Queryable } from './db.js';

export interface UploadIntentRow {
  id: string;
  conversation_ref_id: string;
  ack_activity_id: string | null;
  file_name: string;
  owner: string;
  created_at: Date;
}

export async function addUploadIntent(
  q: Queryable,
  p: { conversationRefId: string; ackActivityId: string | null; fileName: string; owner: string },
): Promise<string> {
  const r = await q.query<{ id: string }>(
    'INSERT INTO upload_intents (conversation_ref_id, ack_activity_id, file_name, owner) VALUES ($1, $2, $3, $4) RETURNING id',
    [p.conversationRefId, p.ackActivityId, p.fileName, p.owner],
  );
  return r.rows[0]!.id;
}

export async function removeUploadIntent(q: Queryable, id: string): Promise<void> {
  await q.query('DELETE FROM upload_intents WHERE id = $1', [id]);
}

/** Every intent not owned by `owner` (removed by this call only when `isOrphan` says so). */
export async function takeOrphanIntents(q: Queryable, owner: string, isOrphan: (row: UploadIntentRow) => boolean): Promise<UploadIntentRow[]> {
  const rows = (await q.query<UploadIntentRow>('SELECT * FROM upload_intents WHERE owner <> $1 ORDER BY created_at', [owner])).rows;
  const taken: UploadIntentRow[] = [];
  for (const row of rows.filter(isOrphan)) {
    // DELETE … RETURNING: when two processes sweep at once, one reports each upload.
    const r = await q.query<UploadIntentRow>('DELETE FROM upload_intents WHERE id = $1 RETURNING *', [row.id]);
    if (r.rows[0]) taken.push(r.rows[0]);
  }
  return taken;
}
