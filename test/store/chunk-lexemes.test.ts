/**
 * 0011: each group's vocabulary (chunk_lexemes) holds every word of its chunks through inserts and
 * updates, and a question's prefixes become exact words of the asking groups only: another group's
 * words never reach the query, and the search finds what the prefix found.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exactWords, searchChunks } from '../../store/chunk-search.js';
import { insertDocument } from '../../store/documents.js';
import { ensureGroup } from '../../store/groups.js';
import { BACKENDS, openTestDb, type TestDb } from '../helpers/answer-db.js';

describe.each(BACKENDS)('chunk vocabulary (%s)', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(backend);
  }, 60_000);
  afterAll(() => t?.close());

  const addDoc = async (groupId: string, name: string, texts: string[]) => {
    const { row } = await insertDocument(t.db, {
      groupId,
      sha256: name.padEnd(64, '0'),
      fileName: `${name}.pdf`,
      mimeType: 'application/pdf',
      sizeBytes: 1,
      uploaderId: 'u',
      uploaderName: 'U',
    });
    await t.db.query(`UPDATE documents SET status = 'done' WHERE id = $1`, [row.id]);
    await t.db.query(
      `INSERT INTO chunks (document_id, group_id, page_no, ord, text) SELECT $1, $2, 1, o::int, x FROM unnest($3::text[]) WITH ORDINALITY AS u(x, o)`,
      [row.id, groupId, texts],
    );
    return row.id;
  };
  const vocabularyComplete = async () =>
    (
      await t.db.query<{ ok: boolean }>(
        `SELECT bool_and(EXISTS (SELECT 1 FROM chunk_lexemes l WHERE l.group_id = c.group_id AND l.lexeme = w)) AS ok
         FROM chunks c CROSS JOIN LATERAL unnest(tsvector_to_array(c.tsv)) AS w`,
      )
    ).rows[0]!.ok;

  it("keeps each group's words, and expands a prefix with the asking group's words only", async () => {
    const a = await ensureGroup(t.db, 'vocab-a');
    const b = await ensureGroup(t.db, 'vocab-b');
    await addDoc(a.id, 'a1', ['Teaterhyran för hösten är betald av föreningen.']);
    await addDoc(b.id, 'b1', ['Teaterhyrorna och teaterhyresavtalet diskuterades med kommunen.']);
    expect(await vocabularyComplete()).toBe(true);

    const [forA] = await exactWords(t.db, [a.id], ["'teaterhyr':*"]);
    expect(forA).toContain("'teaterhyran'");
    expect(forA).not.toMatch(/teaterhyror|teaterhyresavtal/);
    const [forB] = await exactWords(t.db, [b.id], ["'teaterhyr':*"]);
    expect(forB).toMatch(/teaterhyror/);
    expect(forB).not.toContain("'teaterhyran'");
    // A prefix no word of the groups starts with stays as it is (it matches nothing either way).
    expect(await exactWords(t.db, [a.id], ["'zzqx':* | 'betald'", null])).toEqual(["'zzqx':* | 'betald'", null]);

    const hitsA = await searchChunks(t.db, [a.id], ["'teaterhyr':*"], 'all', 10);
    expect(hitsA.map((r) => r.text)).toEqual(['Teaterhyran för hösten är betald av föreningen.']);
    expect((await searchChunks(t.db, [b.id], ["'teaterhyr':*", "'kommun':*"], 'all', 10)).map((r) => r.text)).toEqual([
      'Teaterhyrorna och teaterhyresavtalet diskuterades med kommunen.',
    ]);
  });

  it('learns the words of an updated chunk', async () => {
    const a = await ensureGroup(t.db, 'vocab-a');
    await t.db.query(`UPDATE chunks SET text = text || ' Scenografiverkstaden flyttar.' WHERE group_id = $1`, [a.id]);
    expect(await vocabularyComplete()).toBe(true);
    expect((await searchChunks(t.db, [a.id], ["'scenografiverkstad':*"], 'all', 10)).length).toBe(1);
  });
});
