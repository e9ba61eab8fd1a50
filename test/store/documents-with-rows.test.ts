/**
 * 0010: documents.has_budget_lines / has_activities follow the rows a document holds, through
 * ingest's delete-and-insert, a re-run with other content and a document's deletion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaceDocumentContent } from '../../store/facts.js';
import { ensureGroup } from '../../store/groups.js';
import { BACKENDS, openTestDb, type TestDb } from '../helpers/answer-db.js';
import { corpusTemplates, generateDocuments, templateFor, variedContent, type Template } from '../helpers/generate-docs.js';

let templates: Template[];
beforeAll(async () => {
  templates = await corpusTemplates();
}, 120_000);

describe.each(BACKENDS)('documents with budget lines and activities (%s)', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(backend);
  }, 60_000);
  afterAll(() => t?.close());

  const flagsMatchRows = async () => {
    const r = await t.db.query<{ ok: boolean; budget: boolean; acts: boolean }>(
      `SELECT bool_and(has_budget_lines = EXISTS (SELECT 1 FROM budget_lines b WHERE b.document_id = d.id)
                 AND has_activities = EXISTS (SELECT 1 FROM plan_activities a WHERE a.document_id = d.id)) AS ok,
              bool_or(has_budget_lines) AS budget, bool_or(has_activities) AS acts
       FROM documents d`,
    );
    return r.rows[0]!;
  };

  it('are marked on ingest, cleared when a re-run stores none, and go with the document', async () => {
    const group = await ensureGroup(t.db, 'flags');
    const ids = await generateDocuments(t.db, group.id, templates, 10);
    expect(await flagsMatchRows()).toEqual({ ok: true, budget: true, acts: true });

    const withLines = (await t.db.query<{ id: string }>(`SELECT id FROM documents WHERE has_budget_lines OR has_activities`)).rows.map((x) => x.id);
    expect(withLines.length).toBeGreaterThan(0);
    // Re-run every document with minutes content (no budget lines, no activities).
    const minutes = templates.find((x) => x.facts.budgetLines.length === 0 && (x.facts.activities ?? []).length === 0) ?? templateFor(templates, 0);
    const c = variedContent(minutes, 0, 'rerun');
    await t.db.transaction((q) => replaceDocumentContent(q, withLines[0]!, group.id, c));
    expect((await flagsMatchRows()).ok).toBe(true);
    const after = await t.db.query<{ b: boolean; a: boolean }>(`SELECT has_budget_lines AS b, has_activities AS a FROM documents WHERE id = $1`, [
      withLines[0],
    ]);
    expect(after.rows[0]).toEqual({ b: false, a: false });

    await t.db.query(`DELETE FROM documents WHERE id = ANY($1::uuid[])`, [ids.slice(0, 3)]);
    expect((await flagsMatchRows()).ok).toBe(true);
  }, 120_000);
});
