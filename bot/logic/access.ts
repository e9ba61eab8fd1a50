/**
 * Who may see which group's documents. A team or group chat sees only its own group; in personal
 * chat a user sees the teams and group chats whose (cached) rosters include them, plus their own
 * personal group (what they uploaded outside any team). Everything the bot tells anyone is scoped
 * by these ids: facts, passages, counts and document names.
 */
import type { Queryable } from '../../store/db.js';
import type { ConversationKind } from '../../store/conversations.js';
import { groupsOfMember } from '../../store/conversations.js';

export interface Asker {
  userId: string;
  aadObjectId?: string | null;
  name?: string | null;
}

export interface Where {
  kind: ConversationKind;
  /** The group of a team or group chat; null in personal chat. */
  groupId: string | null;
}

export async function visibleGroupIds(q: Queryable, where: Where, asker: Asker): Promise<string[]> {
  if (where.kind !== 'personal') return where.groupId ? [where.groupId] : [];
  const member = await groupsOfMember(q, { userId: asker.userId, aadObjectId: asker.aadObjectId });
  const own = (await q.query<{ id: string }>(`SELECT id FROM groups WHERE kind = 'personal' AND owner_user_id = $1`, [asker.userId])).rows;
  return [...new Set([...member.map((g) => g.id), ...own.map((g) => g.id)])];
}

/** Whether the asker may remove (or correct) a document: its uploader, or an owner/chair of its group. */
export async function canManageDocument(q: Queryable, doc: { uploader_id: string; group_id: string }, asker: Asker): Promise<boolean> {
  if (doc.uploader_id === asker.userId) return true;
  const r = await q.query<{ ok: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM group_members WHERE group_id = $1 AND user_id = $2 AND role = 'owner')
         OR EXISTS (SELECT 1 FROM groups WHERE id = $1 AND (chair_user_id = $2 OR owner_user_id = $2)) AS ok`,
    [doc.group_id, asker.userId],
  );
  return r.rows[0]?.ok === true;
}

/** Whether the user owns the group: recorded as its owner (the installer) or its personal group's owner. */
export async function isGroupOwner(q: Queryable, groupId: string, asker: Asker): Promise<boolean> {
  const r = await q.query<{ ok: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM group_members WHERE group_id = $1 AND role = 'owner'
                      AND (user_id = $2 OR (aad_object_id = $3 AND $3 IS NOT NULL)))
         OR EXISTS (SELECT 1 FROM groups WHERE id = $1 AND owner_user_id = $2) AS ok`,
    [groupId, asker.userId, asker.aadObjectId ?? null],
  );
  return r.rows[0]?.ok === true;
}
