/**
 * A group of 1 000 documents on Postgres: the five corpus PDFs go through the real pipeline
 * once, then are copied in SQL (new ids, shifted dates) to 1 000. Answers must stay right at
 * that size; latency without an LLM is printed (p50/p95), not asserted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../answers/index.js';
import { openTestDb, type TestDb } from '../helpers/answer-db.js';
import { seedCorpus } from '../helpers/seed-corpus.js';

const COPIES = 199; // 5 documents × (1 + 199) = 1 000
const TABLES: Record<string, string> = {
  pages: 'page_no, text',
  chunks: 'group_id, page_no, ord, section, text, ts_config',
  evidence_units: 'group_id, ord, page, kind, section, text, quote',
  attendees: 'group_id, ord, name, role, organisation, present, flags, presence, page, quote',
  action_items: 'group_id, ord, owners, task, due, due_text, page, section, quote',
  decisions: 'group_id, ord, text, section, page, quote',
  next_meetings: 'group_id, date, time, place, text, page',
  budget_lines: 'group_id, ord, label, amount_sek, amount_text, period, kind, source, section, page, quote',
  plan_activities: 'group_id, ord, ref, name, goal, responsible, timeline, area, page',
};

describe('answer latency, 1 000 documents, Postgres', () => {
  let t: TestDb;
  let groupId: string;
  beforeAll(async () => {
    t = await openTestDb('postgres');
    groupId = (await seedCorpus(t.db, 'big')).groupId;
    await t.db.transaction(async (q) => {
      await q.query(
        `CREATE TEMP TABLE docmap ON COMMIT DROP AS
         SELECT d.id AS old_id, gen_random_uuid() AS new_id, g AS n FROM documents d, generate_series(1, ${COPIES}) g WHERE d.group_id = $1`,
        [groupId],
      );
      await q.query(
        `INSERT INTO documents (id, group_id, sha256, file_name, mime_type, size_bytes, blob_key, uploader_id, status, page_count, title, kind, doc_date, organisation, language, parsed_at)
         SELECT m.new_id, d.group_id, d.sha256 || '-' || m.n, m.n || '-' || d.file_name, d.mime_type, d.size_bytes, d.blob_key, d.uploader_id, d.status, d.page_count,
                d.title || ' (' || m.n || ')', d.kind, d.doc_date - (m.n * 7), d.organisation, d.language, d.parsed_at
         FROM docmap m JOIN documents d ON d.id = m.old_id`,
      );
      for (const [table, cols] of Object.entries(TABLES)) {
        const sel = cols
          .split(', ')
          .map((c) => `x.${c}`)
          .join(', ');
        await q.query(`INSERT INTO ${table} (document_id, ${cols}) SELECT m.new_id, ${sel} FROM ${table} x JOIN docmap m ON m.old_id = x.document_id`);
      }
    });
    await t.db.query('ANALYZE');
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  /** Question → what a right answer contains (null: the documents do not say). */
  const CASES: Array<[string, string | null]> = [
    ['Hur mycket kostar Hallandsbarometern 2016?', '375 000 kr'],
    ['Vem är ansvarig för Hallandsbarometern?', 'Verksamhets'],
    ['Vad kostar kaffet på mötena?', null],
    ['Summa kostnader för programområde Äldre?', '9 317 640 kr'],
    ['Hur mycket beviljades Barn- och ungdomskliniken?', '1 800 000'],
    ['What does the e-health programme area cost in 2016?', '400 000'],
    ['Vilka var närvarande på mötet 2 mars?', 'Simon Elfgrén'],
    ['Vem var frånvarande?', 'Anna Torstensson'],
    ['Vad ska Maria Glemfelt göra?', 'inbjudan'],
    ['När är nästa möte?', '17 april'],
    ['Var hölls mötet?', 'Teams'],
    ['Vem ersätter Thomas Johansson?', 'Elisabeth Johansson'],
    ['Who is the CEO of Volvo?', null],
    ['Vilka öppna uppgifter finns?', 'Maria Glemfelt'],
    ['vem var franvarande', 'Anna Torstensson'],
    ['Vilka dokument finns?', 'Gruppen har 1000 dokument'],
    ['What is the parking policy for staff?', null],
  ];

  // Timings are reported, not asserted (they belong to benchmarks and vary with the machine);
  // what is asserted is that 1 000 documents do not change the answers.
  it('answers fact, budget and passage questions right in a 1 000-document group (latency reported)', async () => {
    const n = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents WHERE group_id = $1', [groupId])).rows[0]!.n;
    expect(n).toBe(1000);
    const ask = (q: string) => answerQuestion(t.db, { question: q, asker: { id: 'p' }, groupIds: [groupId] });
    for (const [q] of CASES) await ask(q); // warm-up
    const times: number[] = [];
    const slow: string[] = [];
    for (let round = 0; round < 3; round++) {
      for (const [q, want] of CASES) {
        const t0 = performance.now();
        const a = await ask(q);
        const ms = performance.now() - t0;
        times.push(ms);
        if (round === 0 && ms > 100) slow.push(`${ms.toFixed(0)} ms ${q}`);
        expect(a.found, q).toBe(want !== null);
        if (want) expect(a.answer, q).toContain(want);
      }
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))]!.toFixed(1);
    console.log(
      `1 000 documents, ${CASES.length} questions × 3: p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms${slow.length ? `\n  over 100 ms: ${slow.join('; ')}` : ''}`,
    );
  }, 120_000);
});
