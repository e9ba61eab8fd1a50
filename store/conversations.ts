/**
 * Teams bot state in the database: conversation references (where the bot may post), the
 * group ↔ team/group-chat mapping, the roster cache, per-user defaults and pending uploads.
 *
 * Plain SQL over `Queryable`; nothing here imports botbuilder. A conversation reference is kept as
 * opaque JSON (botbuilder's `ConversationReference`), so proactive senders (the bot's summary cards,
 * the reminders) can resume any conversation with `adapter.continueConversationAsync`.
 */
import type { Queryable } from './db.js';
import type { GroupRow } from './groups.js';

/** Kinds of Teams conversations. */
export type ConversationKind = 'personal' | 'groupChat' | 'channel';

/** A stored conversation reference. */
export interface ConversationRefRow {
  /** Teams conversation id (channel thread suffix removed). Use it as `refId` with the proactive sender. */
  id: string;
  kind: ConversationKind;
  /** Personal chats: the Teams user id (`29:…`) the chat is with. */
  user_id: string | null;
  aad_object_id: string | null;
  team_id: string | null;
  channel_id: string | null;
  tenant_id: string | null;
  /** The group this conversation belongs to (teams and group chats; null for personal chats). */
  group_id: string | null;
  service_url: string;
  /** botbuilder `ConversationReference`, JSON. */
  reference: Record<string, unknown>;
  /** Non-null when the bot can no longer post here; senders skip such rows. */
  dead_at: Date | null;
  dead_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface SaveConversationRef {
  id: string;
  kind: ConversationKind;
  userId?: string | null;
  aadObjectId?: string | null;
  teamId?: string | null;
  channelId?: string | null;
  tenantId?: string | null;
  groupId?: string | null;
  serviceUrl: string;
  reference: Record<string, unknown>;
}

/**
 * Upserts a conversation reference (called on every turn). A conversation the bot hears from
 * again is alive again, so `dead_at` is cleared.
 */
export async function saveConversationRef(q: Queryable, r: SaveConversationRef): Promise<ConversationRefRow> {
  const res = await q.query<ConversationRefRow>(
    `INSERT INTO conversation_refs (id, kind, user_id, aad_object_id, team_id, channel_id, tenant_id, group_id, service_url, reference)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)
     ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind,
       user_id = COALESCE(EXCLUDED.user_id, conversation_refs.user_id),
       aad_object_id = COALESCE(EXCLUDED.aad_object_id, conversation_refs.aad_object_id),
       team_id = COALESCE(EXCLUDED.team_id, conversation_refs.team_id),
       channel_id = COALESCE(EXCLUDED.channel_id, conversation_refs.channel_id),
       tenant_id = COALESCE(EXCLUDED.tenant_id, conversation_refs.tenant_id),
       group_id = COALESCE(EXCLUDED.group_id, conversation_refs.group_id),
       service_url = EXCLUDED.service_url, reference = EXCLUDED.reference,
       dead_at = NULL, dead_reason = NULL, updated_at = now()
     RETURNING *`,
    [
      r.id,
      r.kind,
      r.userId ?? null,
      r.aadObjectId ?? null,
      r.teamId ?? null,
      r.channelId ?? null,
      r.tenantId ?? null,
      r.groupId ?? null,
      r.serviceUrl,
      JSON.stringify(r.reference),
    ],
  );
  return res.rows[0]!;
}

/** One reference by id (dead ones included: check `dead_at`). */
export async function getConversationRef(q: Queryable, id: string): Promise<ConversationRefRow | null> {
  return (await q.query<ConversationRefRow>('SELECT * FROM conversation_refs WHERE id = $1', [id])).rows[0] ?? null;
}

/** The personal chat with a user (by Teams user id or AAD object id), if the bot has one. */
export async function getPersonalConversationRef(
  q: Queryable,
  user: { userId?: string | null; aadObjectId?: string | null },
): Promise<ConversationRefRow | null> {
  return (
    (
      await q.query<ConversationRefRow>(
        `SELECT * FROM conversation_refs WHERE kind = 'personal' AND dead_at IS NULL
           AND ((user_id = $1 AND $1 IS NOT NULL) OR (aad_object_id = $2 AND $2 IS NOT NULL))
         ORDER BY updated_at DESC LIMIT 1`,
        [user.userId ?? null, user.aadObjectId ?? null],
      )
    ).rows[0] ?? null
  );
}

/** Marks a conversation as unreachable (bot removed, 403/404 from the channel). */
export async function markConversationDead(q: Queryable, id: string, reason: string): Promise<void> {
  await q.query('UPDATE conversation_refs SET dead_at = now(), dead_reason = $2, updated_at = now() WHERE id = $1', [id, reason.slice(0, 500)]);
}

export interface ListConversationRefsFilter {
  kind?: ConversationKind;
  groupId?: string;
  userId?: string;
  /** Include dead references (default false). */
  includeDead?: boolean;
}

/** Lists references, living ones only unless asked; newest first. */
export async function listConversationRefs(q: Queryable, f: ListConversationRefsFilter = {}): Promise<ConversationRefRow[]> {
  return (
    await q.query<ConversationRefRow>(
      `SELECT * FROM conversation_refs
       WHERE ($1::text IS NULL OR kind = $1) AND ($2::uuid IS NULL OR group_id = $2) AND ($3::text IS NULL OR user_id = $3)
         AND ($4 OR dead_at IS NULL)
       ORDER BY updated_at DESC`,
      [f.kind ?? null, f.groupId ?? null, f.userId ?? null, f.includeDead ?? false],
    )
  ).rows;
}

/** Extended group row (migration 0003 columns). */
export interface BotGroupRow extends GroupRow {
  kind: 'team' | 'groupChat' | 'personal' | null;
  roster_refreshed_at: Date | null;
  owner_user_id: string | null;
}

/**
 * Finds or creates the group of a team (by team id) or of a group chat (by conversation id).
 * Names are unique, so a second team called the same gets a short suffix.
 */
export async function ensureTeamsGroup(
  q: Queryable,
  g: { kind: 'team' | 'groupChat'; teamId?: string | null; conversationId: string; name: string | null; tenantId?: string | null },
): Promise<BotGroupRow> {
  const found =
    g.kind === 'team'
      ? await q.query<BotGroupRow>('SELECT * FROM groups WHERE teams_team_id = $1', [g.teamId])
      : await q.query<BotGroupRow>('SELECT * FROM groups WHERE teams_team_id IS NULL AND conversation_id = $1', [g.conversationId]);
  if (found.rows[0]) {
    const row = found.rows[0];
    // Teams names change; follow them when the new name is free.
    if (g.name && g.name !== row.name) {
      const renamed = await q.query<BotGroupRow>(
        'UPDATE groups SET name = $2 WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM groups WHERE name = $2) RETURNING *',
        [row.id, g.name],
      );
      if (renamed.rows[0]) return renamed.rows[0];
    }
    return row;
  }
  const base = (g.name ?? (g.kind === 'team' ? 'Team' : 'Gruppchatt')).slice(0, 120);
  const key = (g.teamId ?? g.conversationId).replace(/[^A-Za-z0-9]/g, '').slice(-6);
  for (const name of [base, `${base} (${key})`, `${base} (${key}-${Date.now().toString(36)})`]) {
    const made = await q.query<BotGroupRow>(
      `INSERT INTO groups (name, teams_team_id, conversation_id, tenant_id, kind) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING *`,
      [name, g.kind === 'team' ? g.teamId : null, g.conversationId, g.tenantId ?? null, g.kind],
    );
    if (made.rows[0]) return made.rows[0];
    // Lost a race for the same team: the other insert won.
    const again =
      g.kind === 'team'
        ? await q.query<BotGroupRow>('SELECT * FROM groups WHERE teams_team_id = $1', [g.teamId])
        : await q.query<BotGroupRow>('SELECT * FROM groups WHERE teams_team_id IS NULL AND conversation_id = $1', [g.conversationId]);
    if (again.rows[0]) return again.rows[0];
  }
  throw new Error(`could not create a group for ${g.kind} ${g.conversationId}`);
}

/** The private group of one user: what they upload outside any team. */
export async function ensurePersonalGroup(q: Queryable, user: { id: string; name: string | null }): Promise<BotGroupRow> {
  const found = await q.query<BotGroupRow>(`SELECT * FROM groups WHERE kind = 'personal' AND owner_user_id = $1`, [user.id]);
  if (found.rows[0]) return found.rows[0];
  const name = `Personligt: ${user.name ?? user.id} (${user.id.replace(/[^A-Za-z0-9]/g, '').slice(-6)})`;
  const made = await q.query<BotGroupRow>(
    `INSERT INTO groups (name, kind, owner_user_id) VALUES ($1, 'personal', $2)
     ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING *`,
    [name.slice(0, 200), user.id],
  );
  return made.rows[0]!;
}

export async function getBotGroup(q: Queryable, id: string): Promise<BotGroupRow | null> {
  return (await q.query<BotGroupRow>('SELECT * FROM groups WHERE id = $1', [id])).rows[0] ?? null;
}

/** One roster entry. */
export interface RosterMember {
  userId: string;
  aadObjectId?: string | null;
  name?: string | null;
  email?: string | null;
  role?: 'owner' | 'member' | 'guest';
}

/**
 * Replaces a group's cached roster. Owners stay owners: Teams' roster API does not say who owns a
 * team, so ownership recorded by the bot (the installer) survives a refresh.
 */
export async function replaceRoster(q: Queryable, groupId: string, members: RosterMember[]): Promise<void> {
  const owners = new Set(
    (await q.query<{ user_id: string }>(`SELECT user_id FROM group_members WHERE group_id = $1 AND role = 'owner'`, [groupId])).rows.map((r) => r.user_id),
  );
  await q.query('DELETE FROM group_members WHERE group_id = $1', [groupId]);
  await q.query(
    `INSERT INTO group_members (group_id, user_id, aad_object_id, name, email, role)
     SELECT $1, x.user_id, x.aad_object_id, x.name, x.email, x.role FROM jsonb_to_recordset($2::jsonb)
       AS x(user_id text, aad_object_id text, name text, email text, role text)
     ON CONFLICT (group_id, user_id) DO NOTHING`,
    [
      groupId,
      JSON.stringify(
        members.map((m) => ({
          user_id: m.userId,
          aad_object_id: m.aadObjectId ?? null,
          name: m.name ?? null,
          email: m.email ?? null,
          role: owners.has(m.userId) ? 'owner' : (m.role ?? 'member'),
        })),
      ),
    ],
  );
  await q.query('UPDATE groups SET roster_refreshed_at = now() WHERE id = $1', [groupId]);
}

/** Adds or updates one member (membership events, the installer as owner). */
export async function upsertMember(q: Queryable, groupId: string, m: RosterMember): Promise<void> {
  await q.query(
    `INSERT INTO group_members (group_id, user_id, aad_object_id, name, email, role) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (group_id, user_id) DO UPDATE SET aad_object_id = COALESCE(EXCLUDED.aad_object_id, group_members.aad_object_id),
       name = COALESCE(EXCLUDED.name, group_members.name), email = COALESCE(EXCLUDED.email, group_members.email),
       role = CASE WHEN group_members.role = 'owner' THEN 'owner' ELSE EXCLUDED.role END, refreshed_at = now()`,
    [groupId, m.userId, m.aadObjectId ?? null, m.name ?? null, m.email ?? null, m.role ?? 'member'],
  );
}

export async function removeMember(q: Queryable, groupId: string, userId: string): Promise<void> {
  await q.query('DELETE FROM group_members WHERE group_id = $1 AND user_id = $2', [groupId, userId]);
}

export async function getMember(q: Queryable, groupId: string, userId: string): Promise<{ role: string; name: string | null } | null> {
  return (
    (await q.query<{ role: string; name: string | null }>('SELECT role, name FROM group_members WHERE group_id = $1 AND user_id = $2', [groupId, userId]))
      .rows[0] ?? null
  );
}

/** Teams and group chats whose cached roster includes the user (by Teams id or AAD object id). */
export async function groupsOfMember(q: Queryable, user: { userId: string; aadObjectId?: string | null }): Promise<BotGroupRow[]> {
  return (
    await q.query<BotGroupRow>(
      `SELECT DISTINCT g.* FROM groups g JOIN group_members m ON m.group_id = g.id
       WHERE (m.user_id = $1 OR (m.aad_object_id = $2 AND $2 IS NOT NULL)) AND g.kind IN ('team', 'groupChat')
       ORDER BY g.name`,
      [user.userId, user.aadObjectId ?? null],
    )
  ).rows;
}

/** Teams and group chats whose roster is older than `maxAgeMinutes` (or never fetched). */
export async function staleRosterGroups(q: Queryable, maxAgeMinutes: number): Promise<BotGroupRow[]> {
  return (
    await q.query<BotGroupRow>(
      `SELECT * FROM groups WHERE kind IN ('team', 'groupChat')
         AND (roster_refreshed_at IS NULL OR roster_refreshed_at < now() - make_interval(mins => $1))`,
      [maxAgeMinutes],
    )
  ).rows;
}

export async function getDefaultGroup(q: Queryable, userId: string): Promise<string | null> {
  return (
    (await q.query<{ default_group_id: string | null }>('SELECT default_group_id FROM user_prefs WHERE user_id = $1', [userId])).rows[0]?.default_group_id ??
    null
  );
}

/** Remembers (or with null, forgets) an uploader's default group. */
export async function setDefaultGroup(q: Queryable, userId: string, groupId: string | null): Promise<void> {
  await q.query(
    `INSERT INTO user_prefs (user_id, default_group_id) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET default_group_id = EXCLUDED.default_group_id, updated_at = now()`,
    [userId, groupId],
  );
}

export interface PendingUploadRow {
  id: string;
  user_id: string;
  user_name: string | null;
  conversation_ref_id: string;
  file_name: string;
  mime_type: string | null;
  sha256: string;
  created_at: Date;
}

export async function addPendingUpload(
  q: Queryable,
  p: { userId: string; userName: string | null; conversationRefId: string; fileName: string; mimeType: string | null; sha256: string },
): Promise<PendingUploadRow> {
  return (
    await q.query<PendingUploadRow>(
      `INSERT INTO pending_uploads (user_id, user_name, conversation_ref_id, file_name, mime_type, sha256)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [p.userId, p.userName, p.conversationRefId, p.fileName, p.mimeType, p.sha256],
    )
  ).rows[0]!;
}

/** Removes and returns a pending upload of this user (null when gone or someone else's). */
export async function takePendingUpload(q: Queryable, id: string, userId: string): Promise<PendingUploadRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return (await q.query<PendingUploadRow>('DELETE FROM pending_uploads WHERE id = $1 AND user_id = $2 RETURNING *', [id, userId])).rows[0] ?? null;
}
