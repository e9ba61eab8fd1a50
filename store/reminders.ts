/**
 * SQL for reminders: the open action items of a group with their source, the roster cache and
 * latest attendees that tell who is who, the sent-log, and the follow-up state people change
 * from cards (done, snoozed, reassigned).
 */
import type { ActionItemRow } from './action-item-row.js';
import type { Queryable } from './db.js';

export interface ReminderItemRow extends ActionItemRow {
  group_id: string;
  snoozed_until: string | null;
  done_at: Date | null;
  done_by: string | null;
  corrected_owners: string[] | null;
  corrected_due: string | null;
  corrected_by: string | null;
  doc_title: string | null;
  file_name: string;
}

const ITEM_SELECT = `SELECT a.id, a.group_id, a.document_id, a.owners, a.task, a.due, a.due_text, a.page, a.section, a.quote,
    a.status, a.snoozed_until, a.done_at, a.done_by, a.corrected_owners, a.corrected_due, a.corrected_by,
    d.title AS doc_title, d.file_name, d.doc_date
  FROM action_items a JOIN documents d ON d.id = a.document_id`;

/** Open items of a group, oldest document first, in document order. */
export async function listOpenItems(q: Queryable, groupId: string): Promise<ReminderItemRow[]> {
  const r = await q.query<ReminderItemRow>(
    `${ITEM_SELECT} WHERE a.group_id = $1 AND a.status = 'open' AND d.status = 'done'
     ORDER BY d.doc_date NULLS FIRST, d.created_at, a.ord`,
    [groupId],
  );
  return r.rows.map(fixIds);
}

export async function getItem(q: Queryable, id: number): Promise<ReminderItemRow | null> {
  const r = await q.query<ReminderItemRow>(`${ITEM_SELECT} WHERE a.id = $1`, [id]);
  return r.rows[0] ? fixIds(r.rows[0]) : null;
}

export async function getItems(q: Queryable, ids: number[]): Promise<ReminderItemRow[]> {
  if (ids.length === 0) return [];
  const r = await q.query<ReminderItemRow>(`${ITEM_SELECT} WHERE a.id = ANY($1::bigint[]) ORDER BY a.id`, [ids]);
  const byId = new Map(r.rows.map((row) => [Number(row.id), fixIds(row)]));
  return ids.map((id) => byId.get(id)).filter((x): x is ReminderItemRow => !!x);
}

function fixIds(r: ReminderItemRow): ReminderItemRow {
  return { ...r, id: Number(r.id) };
}

export interface AttendeeRow {
  name: string;
  role: string | null;
  present: boolean;
  flags: string[];
}

/** Attendees of the group's latest document that lists any (the latest minutes). */
export async function latestAttendees(q: Queryable, groupId: string): Promise<AttendeeRow[]> {
  const r = await q.query<AttendeeRow>(
    `SELECT name, role, present, flags FROM attendees WHERE document_id = (
       SELECT d.id FROM documents d WHERE d.group_id = $1 AND d.status = 'done'
         AND EXISTS (SELECT 1 FROM attendees x WHERE x.document_id = d.id)
       ORDER BY d.doc_date DESC NULLS LAST, d.created_at DESC LIMIT 1)
     ORDER BY ord`,
    [groupId],
  );
  return r.rows;
}

export interface NextMeetingRow {
  date: string;
  time: string | null;
  place: string | null;
  document_id: string;
}

/** The next meeting named in the group's latest document that names one. */
export async function latestNextMeeting(q: Queryable, groupId: string): Promise<NextMeetingRow | null> {
  const r = await q.query<NextMeetingRow>(
    `SELECT n.date, n.time, n.place, n.document_id FROM next_meetings n JOIN documents d ON d.id = n.document_id
     WHERE n.group_id = $1 AND n.date IS NOT NULL AND d.status = 'done'
     ORDER BY d.doc_date DESC NULLS LAST, d.created_at DESC LIMIT 1`,
    [groupId],
  );
  return r.rows[0] ?? null;
}

export interface RosterRow {
  user_id: string;
  aad_object_id: string | null;
  name: string | null;
  email: string | null;
}

/** The bot's roster cache of a group (table `group_members`, filled by the bot). */
export async function listRoster(q: Queryable, groupId: string): Promise<RosterRow[]> {
  const r = await q.query<RosterRow>('SELECT user_id, aad_object_id, name, email FROM group_members WHERE group_id = $1 ORDER BY name', [groupId]);
  return r.rows;
}

/** Groups that have open action items. */
export async function groupsWithOpenItems(q: Queryable): Promise<Array<{ id: string; name: string }>> {
  const r = await q.query<{ id: string; name: string }>(
    `SELECT g.id, g.name FROM groups g WHERE EXISTS (SELECT 1 FROM action_items a WHERE a.group_id = g.id AND a.status = 'open') ORDER BY g.name`,
  );
  return r.rows;
}

// ---- Sent-log ----

export interface ReminderSendRow {
  key: string;
  group_id: string;
  kind: string;
  day: string;
  recipient_id: string | null;
  recipient_name: string | null;
  item_ids: number[];
  status: 'pending' | 'sent' | 'dead';
  attempts: number;
  conversation_ref_id: string | null;
  activity_id: string | null;
  error: string | null;
}

export interface NewSend {
  key: string;
  groupId: string;
  kind: string;
  day: string;
  recipientId: string | null;
  recipientName: string | null;
  itemIds: number[];
}

/**
 * Claims the right to send reminder `key`. True for exactly one caller at a time: a new row, or
 * a pending row whose last claimant gave up (released) or whose lease ran out. False when it was
 * sent already, is dead, or another sender holds it.
 */
export async function claimSend(q: Queryable, s: NewSend, claimant: string, leaseSeconds = 120): Promise<boolean> {
  const ins = await q.query<{ key: string }>(
    `INSERT INTO reminder_sends (key, group_id, kind, day, recipient_id, recipient_name, item_ids, claimed_by, claimed_at, attempts)
     VALUES ($1, $2, $3, $4, $5, $6, $7::bigint[], $8, now(), 1)
     ON CONFLICT (key) DO NOTHING RETURNING key`,
    [s.key, s.groupId, s.kind, s.day, s.recipientId, s.recipientName, s.itemIds, claimant],
  );
  if (ins.rows[0]) return true;
  const upd = await q.query<{ key: string }>(
    `UPDATE reminder_sends SET claimed_by = $2, claimed_at = now(), attempts = attempts + 1
     WHERE key = $1 AND status = 'pending'
       AND (claimed_by IS NULL OR claimed_by = $2 OR claimed_at < now() - make_interval(secs => $3))
     RETURNING key`,
    [s.key, claimant, leaseSeconds],
  );
  return !!upd.rows[0];
}

/** A failed attempt gives the claim back so the retry can take it at once. */
export async function releaseSend(q: Queryable, key: string, error: string): Promise<void> {
  await q.query(`UPDATE reminder_sends SET claimed_by = NULL, error = $2 WHERE key = $1 AND status = 'pending'`, [key, error]);
}

export async function markSendSent(q: Queryable, key: string, conversationRefId: string, activityId: string | null): Promise<void> {
  await q.query(`UPDATE reminder_sends SET status = 'sent', sent_at = now(), conversation_ref_id = $2, activity_id = $3, error = NULL WHERE key = $1`, [
    key,
    conversationRefId,
    activityId,
  ]);
}

export async function markSendDead(q: Queryable, key: string, conversationRefId: string | null, error: string): Promise<void> {
  await q.query(`UPDATE reminder_sends SET status = 'dead', conversation_ref_id = $2, error = $3, claimed_by = NULL WHERE key = $1`, [
    key,
    conversationRefId,
    error,
  ]);
}

export async function getSend(q: Queryable, key: string): Promise<ReminderSendRow | null> {
  const r = await q.query<ReminderSendRow>('SELECT * FROM reminder_sends WHERE key = $1', [key]);
  const row = r.rows[0];
  return row ? { ...row, item_ids: row.item_ids.map(Number) } : null;
}

/** Reminders of a group that could not be delivered and the chair has not heard about. */
export async function listUndelivered(q: Queryable, groupId: string): Promise<ReminderSendRow[]> {
  const r = await q.query<ReminderSendRow>(`SELECT * FROM reminder_sends WHERE group_id = $1 AND status = 'dead' AND reported_at IS NULL ORDER BY day, key`, [
    groupId,
  ]);
  return r.rows.map((row) => ({ ...row, item_ids: row.item_ids.map(Number) }));
}

export async function markReported(q: Queryable, keys: string[]): Promise<void> {
  if (keys.length) await q.query('UPDATE reminder_sends SET reported_at = now() WHERE key = ANY($1::text[])', [keys]);
}

// ---- Follow-up state ----

export async function setItemDone(q: Queryable, id: number, actorId: string): Promise<void> {
  await q.query(`UPDATE action_items SET status = 'done', done_at = now(), done_by = $2 WHERE id = $1`, [id, actorId]);
}

export async function snoozeItem(q: Queryable, id: number, until: string, actorId: string): Promise<void> {
  await q.query('UPDATE action_items SET snoozed_until = $2, snoozed_by = $3 WHERE id = $1', [id, until, actorId]);
}

export async function reassignItem(q: Queryable, id: number, owners: string[], actorId: string): Promise<void> {
  await q.query('UPDATE action_items SET corrected_owners = $2::text[], corrected_by = $3 WHERE id = $1', [id, owners, actorId]);
}

export async function logItemEvent(q: Queryable, id: number, verb: string, actorId: string, actorName: string | null, detail: unknown = null): Promise<void> {
  await q.query('INSERT INTO action_item_events (item_id, verb, actor_id, actor_name, detail) VALUES ($1, $2, $3, $4, $5::jsonb)', [
    id,
    verb,
    actorId,
    actorName,
    detail === null ? null : JSON.stringify(detail),
  ]);
}
