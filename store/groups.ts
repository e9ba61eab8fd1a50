import type { Queryable } from './db.js';

export interface GroupRow {
  id: string;
  name: string;
  teams_team_id: string | null;
  conversation_id: string | null;
  tenant_id: string | null;
  chair_user_id: string | null;
}

/** Finds or creates a group by name. */
export async function ensureGroup(q: Queryable, name: string): Promise<GroupRow> {
  const found = await q.query<GroupRow>('SELECT * FROM groups WHERE name = $1', [name]);
  if (found.rows[0]) return found.rows[0];
  const made = await q.query<GroupRow>('INSERT INTO groups (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING *', [name]);
  return made.rows[0]!;
}

export async function getGroupByName(q: Queryable, name: string): Promise<GroupRow | null> {
  return (await q.query<GroupRow>('SELECT * FROM groups WHERE name = $1', [name])).rows[0] ?? null;
}

export async function getGroup(q: Queryable, id: string): Promise<GroupRow | null> {
  return (await q.query<GroupRow>('SELECT * FROM groups WHERE id = $1', [id])).rows[0] ?? null;
}

export async function listGroups(q: Queryable): Promise<GroupRow[]> {
  return (await q.query<GroupRow>('SELECT * FROM groups ORDER BY name')).rows;
}
