/**
 * Writes a parse result (pages, passages, facts) for one document in one statement batch, so a
 * retried or re-run ingest leaves exactly one copy of every row. Follow-up state of action items
 * (done, snoozed, corrected) belongs to people and survives a re-run.
 */
import type { Chunk, EvidenceUnit, ExtractResult, PageText } from '../core/facts.js';
import type { Queryable } from './db.js';

export interface StoredParse {
  pages: PageText[];
  chunks: Chunk[];
  /** Evidence units (parsers/units); a result without them stores none (the engine then answers from facts and chunks). */
  units?: EvidenceUnit[];
  facts: ExtractResult;
}

export async function replaceDocumentContent(q: Queryable, documentId: string, groupId: string, p: StoredParse): Promise<void> {
  const f = p.facts;
  const tsConfig = f.document.language === 'en' ? 'english' : 'swedish';
  for (const table of ['pages', 'chunks', 'evidence_units', 'attendees', 'decisions', 'next_meetings', 'budget_lines', 'plan_activities']) {
    await q.query(`DELETE FROM ${table} WHERE document_id = $1`, [documentId]);
  }
  await q.query(
    `INSERT INTO pages (document_id, page_no, text)
     SELECT $1, x.page_no, x.text FROM jsonb_to_recordset($2::jsonb) AS x(page_no int, text text)`,
    [documentId, JSON.stringify(p.pages.map((pg) => ({ page_no: pg.pageNo, text: clean(pg.text) })))],
  );
  await q.query(
    `INSERT INTO chunks (document_id, group_id, page_no, ord, section, text, ts_config)
     SELECT $1, $2, x.page_no, x.ord, x.section, x.text, $4::regconfig
     FROM jsonb_to_recordset($3::jsonb) AS x(page_no int, ord int, section text, text text)`,
    [
      documentId,
      groupId,
      JSON.stringify(p.chunks.map((c) => ({ page_no: c.pageNo, ord: c.ord, section: c.section && clean(c.section), text: clean(c.text) }))),
      tsConfig,
    ],
  );
  await q.query(
    `INSERT INTO evidence_units (document_id, group_id, ord, page, kind, section, text, quote)
     SELECT $1, $2, x.ord, x.page, x.kind, x.section, x.text, x.quote
     FROM jsonb_to_recordset($3::jsonb) AS x(ord int, page int, kind text, section text, text text, quote text)`,
    [
      documentId,
      groupId,
      json(
        (p.units ?? []).map((u) => ({
          ord: u.ord,
          page: u.page,
          kind: u.kind,
          section: u.section && clean(u.section),
          text: clean(u.text),
          quote: clean(u.quote),
        })),
      ),
    ],
  );
  await q.query(
    `INSERT INTO attendees (document_id, group_id, ord, name, role, organisation, present, flags, presence, page, quote)
     SELECT $1, $2, x.ord, x.name, x.role, x.organisation, x.present, x.flags, x.presence, x.page, x.quote
     FROM jsonb_to_recordset($3::jsonb) AS x(ord int, name text, role text, organisation text, present boolean, flags text[], presence text, page int, quote text)`,
    [documentId, groupId, json(f.attendees.map((a, ord) => ({ ord, ...a, presence: a.presence ?? null, page: a.page ?? null, quote: a.quote ?? null })))],
  );
  // Upsert keeps status/snooze/corrections of items that were there before; drops vanished ones.
  await q.query(
    `INSERT INTO action_items (document_id, group_id, ord, owners, task, due, due_text, page, section, quote)
     SELECT $1, $2, x.ord, x.owners, x.task, x.due, x.due_text, x.page, x.section, x.quote
     FROM jsonb_to_recordset($3::jsonb) AS x(ord int, owners text[], task text, due date, due_text text, page int, section text, quote text)
     ON CONFLICT (document_id, ord) DO UPDATE SET owners = EXCLUDED.owners, task = EXCLUDED.task, due = EXCLUDED.due,
       due_text = EXCLUDED.due_text, page = EXCLUDED.page, section = EXCLUDED.section, quote = EXCLUDED.quote`,
    [
      documentId,
      groupId,
      json(
        f.actionItems.map((a, ord) => ({
          ord,
          owners: a.owners,
          task: a.task,
          due: a.due,
          due_text: a.dueText,
          page: a.page,
          section: a.section,
          quote: a.quote,
        })),
      ),
    ],
  );
  await q.query('DELETE FROM action_items WHERE document_id = $1 AND ord >= $2', [documentId, f.actionItems.length]);
  await q.query(
    `INSERT INTO decisions (document_id, group_id, ord, text, section, page, quote)
     SELECT $1, $2, x.ord, x.text, x.section, x.page, x.quote
     FROM jsonb_to_recordset($3::jsonb) AS x(ord int, text text, section text, page int, quote text)`,
    [documentId, groupId, json(f.decisions.map((d, ord) => ({ ord, ...d, quote: d.quote ?? null })))],
  );
  if (f.nextMeeting) {
    const n = f.nextMeeting;
    await q.query('INSERT INTO next_meetings (document_id, group_id, date, time, place, text, page) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      documentId,
      groupId,
      n.date,
      n.time ?? null,
      n.place ?? null,
      clean(n.text),
      n.page ?? null,
    ]);
  }
  await q.query(
    `INSERT INTO budget_lines (document_id, group_id, ord, label, amount_sek, amount_text, period, kind, source, section, page, quote)
     SELECT $1, $2, x.ord, x.label, x.amount_sek, x.amount_text, x.period, x.kind, x.source, x.section, x.page, x.quote
     FROM jsonb_to_recordset($3::jsonb) AS x(ord int, label text, amount_sek bigint, amount_text text, period text, kind text, source text, section text, page int, quote text)`,
    [
      documentId,
      groupId,
      json(
        f.budgetLines.map((b, ord) => ({
          ord,
          label: b.label,
          amount_sek: b.amountSek,
          amount_text: b.amountText,
          period: b.period,
          kind: b.kind,
          source: b.source,
          section: b.section,
          page: b.page,
          quote: b.quote ?? null,
        })),
      ),
    ],
  );
  await q.query(
    `INSERT INTO plan_activities (document_id, group_id, ord, ref, name, goal, responsible, timeline, area, page)
     SELECT $1, $2, x.ord, x.ref, x.name, x.goal, x.responsible, x.timeline, x.area, x.page
     FROM jsonb_to_recordset($3::jsonb) AS x(ord int, ref text, name text, goal text, responsible text, timeline text, area text, page int)`,
    [documentId, groupId, json((f.activities ?? []).map((a, ord) => ({ ord, ...a })))],
  );
  await q.query(
    `UPDATE documents SET status = 'done', error_code = NULL, error_message = NULL, page_count = $2, title = $3, kind = $4,
       doc_date = $5, organisation = $6, language = $7, facts = $8::jsonb, parsed_at = now(), updated_at = now() WHERE id = $1`,
    [documentId, p.pages.length, f.document.title, f.document.kind, f.document.date, f.document.organisation, f.document.language, json(f)],
  );
}

/** Postgres text cannot hold NUL; hostile PDFs can contain it. */
function clean(s: string): string {
  return s.replace(/\u0000/g, '');
}

function json(v: unknown): string {
  // JSON escapes NUL as \\u0000, which jsonb rejects.
  return JSON.stringify(v).replace(/\\u0000/g, '');
}
