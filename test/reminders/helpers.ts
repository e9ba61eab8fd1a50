/**
 * Reminder test fixtures: a migrated database (PGlite in memory, or real Postgres in a schema of
 * its own), the 2026-03-02 minutes seeded through the real pipeline, and a Teams roster cache.
 */
import { randomUUID } from 'node:crypto';
import { openDb, type Db, type Queryable } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';
import { seedCorpus } from '../helpers/seed-corpus.js';
import { TEST_DATABASE_URL } from '../helpers/services.js';

export const MINUTES_PDF = '2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf';

export async function openTestDb(kind: 'pglite' | 'postgres'): Promise<Db> {
  const db =
    kind === 'pglite'
      ? await openDb({ databaseUrl: undefined, dataDir: '', memory: true })
      : await openDb({ databaseUrl: TEST_DATABASE_URL, dataDir: '', schema: `rem_${randomUUID().replace(/-/g, '').slice(0, 12)}`, poolSize: 6 });
  await migrate(db);
  return db;
}

/** Drops the Postgres schema a test made (PGlite just closes). */
export async function closeTestDb(db: Db): Promise<void> {
  if (db.kind === 'postgres') {
    const s = (await db.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]?.s;
    if (s && s.startsWith('rem_')) await db.query(`DROP SCHEMA ${s} CASCADE`);
  }
  await db.close();
}

/** Teams users of the group; two Marias make the first name "Maria" ambiguous. */
export const ROSTER = [
  { userId: '29:simon', aad: 'aad-simon', name: 'Simon Elfgren' },
  { userId: '29:charlotte', aad: 'aad-charlotte', name: 'Charlotte Bliesener Falkenström' },
  { userId: '29:anna-lena', aad: 'aad-anna-lena', name: 'Anna-Lena Hardtmann' },
  { userId: '29:maria-g', aad: 'aad-maria-g', name: 'GLEMFELT, Maria' },
  { userId: '29:maria-j', aad: 'aad-maria-j', name: 'Maria Juhlin' },
  { userId: '29:nina', aad: 'aad-nina', name: 'Nina Brag' },
] as const;

export async function seedRoster(q: Queryable, groupId: string, roster: ReadonlyArray<{ userId: string; aad: string; name: string }> = ROSTER): Promise<void> {
  for (const m of roster) {
    await q.query('INSERT INTO group_members (group_id, user_id, aad_object_id, name) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
      groupId,
      m.userId,
      m.aad,
      m.name,
    ]);
  }
}

/** The 2026-03-02 minutes through the real pipeline, in a team with the roster. */
export async function seedMinutes(db: Queryable, groupName = `Uppdragsgrupp ${randomUUID().slice(0, 8)}`): Promise<{ groupId: string; groupName: string }> {
  const { groupId } = await seedCorpus(db, groupName, [MINUTES_PDF]);
  // A group with a Teams roster is a team: that is what lets its members see it from personal chat.
  await db.query(`UPDATE groups SET kind = 'team', teams_team_id = $2 WHERE id = $1`, [groupId, `19:${groupId}@thread.tacv2`]);
  await seedRoster(db, groupId);
  return { groupId, groupName };
}

/** 08:00 Stockholm time on a day (CEST in spring/summer, CET in winter is handled by luxon). */
export function morning(day: string, hour = 8): Date {
  const probe = new Date(`${day}T12:00:00Z`);
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Stockholm', timeZoneName: 'shortOffset' })
    .formatToParts(probe)
    .find((p) => p.type === 'timeZoneName')!.value;
  const h = Number(/GMT([+-]\d+)/.exec(offset)?.[1] ?? '0');
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), hour - h));
}
