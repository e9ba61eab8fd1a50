/**
 * 0014: each group's names (attendees, action-item owners) are kept by triggers, so that a question
 * after an upload reads them from an index instead of every row of the group. Through inserts,
 * re-ingest, corrections, forgetting a document and deleting a group, the kept names must be
 * exactly what counting the rows gives, per group.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownNames } from '../../store/answer-queries.js';
import { insertDocument } from '../../store/documents.js';
import { ensureGroup } from '../../store/groups.js';
import { BACKENDS, openTestDb, type TestDb } from '../helpers/answer-db.js';

describe.each(BACKENDS)('group names (%s)', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(backend);
  }, 60_000);
  afterAll(() => t?.close());

  let n = 0;
  const addDoc = async (groupId: string, attendees: string[], owners: string[][]) => {
    const { row } = await insertDocument(t.db, {
      groupId,
      sha256: String(++n).padEnd(64, '0'),
      fileName: `doc-${n}.pdf`,
      mimeType: 'application/pdf',
      sizeBytes: 1,
      uploaderId: 'u',
      uploaderName: 'U',
    });
    await t.db.query(
      `INSERT INTO attendees (document_id, group_id, ord, name, present) SELECT $1, $2, o::int, x, true FROM unnest($3::text[]) WITH ORDINALITY AS u(x, o)`,
      [row.id, groupId, attendees],
    );
    await t.db.query(
      `INSERT INTO action_items (document_id, group_id, ord, owners, task, quote)
       SELECT $1, $2, o::int, ARRAY(SELECT jsonb_array_elements_text(x)), 'uppgift', 'citat' FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS u(x, o)`,
      [row.id, groupId, JSON.stringify(owners)],
    );
    return row.id;
  };
  /** The kept names with their counts, and what counting the rows gives, as sorted lines. */
  const kept = async () =>
    (await t.db.query<{ l: string }>(`SELECT group_id || ' ' || name || ' ' || refs AS l FROM group_names ORDER BY 1`)).rows.map((r) => r.l);
  const counted = async () =>
    (
      await t.db.query<{ l: string }>(
        `SELECT group_id || ' ' || name || ' ' || count(*) AS l FROM (
           SELECT group_id, name FROM attendees UNION ALL SELECT group_id, unnest(coalesce(corrected_owners, owners)) FROM action_items
         ) x GROUP BY group_id, name ORDER BY 1`,
      )
    ).rows.map((r) => r.l);

  it('holds exactly the names the rows hold, per group, through every kind of write', async () => {
    const a = await ensureGroup(t.db, 'names-a');
    const b = await ensureGroup(t.db, 'names-b');
    const d1 = await addDoc(a.id, ['Anna Berg', 'Erik Holm'], [['Anna Berg'], ['Erik Holm', 'Karin Ek']]);
    await addDoc(a.id, ['Anna Berg'], []);
    await addDoc(b.id, ['Lars Lund'], [['Lars Lund']]);
    expect(await kept()).toEqual(await counted());
    expect(await knownNames(t.db, [a.id])).toEqual(['Anna Berg', 'Erik Holm', 'Karin Ek']);
    expect(await knownNames(t.db, [b.id])).toEqual(['Lars Lund']);
    expect(await knownNames(t.db, [a.id, b.id])).toEqual(['Anna Berg', 'Erik Holm', 'Karin Ek', 'Lars Lund']);

    // A correction replaces an owner: the old name goes when nothing else names it.
    await t.db.query(`UPDATE action_items SET corrected_owners = ARRAY['Sara Falk'] WHERE document_id = $1 AND ord = 2`, [d1]);
    expect(await kept()).toEqual(await counted());
    expect(await knownNames(t.db, [a.id])).toEqual(['Anna Berg', 'Erik Holm', 'Sara Falk']);
    // An update that leaves the names alone changes nothing; one that renames an attendee does.
    await t.db.query(`UPDATE action_items SET status = 'done' WHERE group_id = $1`, [a.id]);
    await t.db.query(`UPDATE attendees SET name = 'Erik Holmberg' WHERE name = 'Erik Holm'`);
    expect(await kept()).toEqual(await counted());
    expect(await knownNames(t.db, [a.id])).toEqual(['Anna Berg', 'Erik Holmberg', 'Sara Falk']);

    // Re-ingest (rows deleted and written again) and forgetting a document.
    await t.db.query(`DELETE FROM attendees WHERE document_id = $1`, [d1]);
    await t.db.query(`INSERT INTO attendees (document_id, group_id, ord, name, present) VALUES ($1, $2, 1, 'Nils Dahl', false)`, [d1, a.id]);
    expect(await kept()).toEqual(await counted());
    await t.db.query(`DELETE FROM documents WHERE id = $1`, [d1]);
    expect(await kept()).toEqual(await counted());
    expect(await knownNames(t.db, [a.id])).toEqual(['Anna Berg']);

    // Deleting a group takes its names along and leaves the others'.
    await t.db.query(`DELETE FROM groups WHERE id = $1`, [a.id]);
    expect(await kept()).toEqual(await counted());
    expect(await knownNames(t.db, [b.id])).toEqual(['Lars Lund']);
  });
});
