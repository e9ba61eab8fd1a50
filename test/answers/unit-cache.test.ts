/** The evidence-unit cache never answers from a document's units after ingest has rewritten them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadUnits } from '../../answers/units/unit-cache.js';
import { replaceDocumentContent } from '../../store/facts.js';
import { ensureGroup } from '../../store/groups.js';
import { openTestDb, type TestDb } from '../helpers/answer-db.js';
import { corpusTemplates, generateDocuments, variedContent, type Template } from '../helpers/generate-docs.js';

describe('unit cache', () => {
  let t: TestDb;
  let templates: Template[];
  beforeAll(async () => {
    templates = await corpusTemplates();
    t = await openTestDb('pglite');
  }, 120_000);
  afterAll(() => t?.close());

  it('reads a document again once its units are rewritten, and drops one whose units are gone', async () => {
    const group = await ensureGroup(t.db, 'cache');
    const [id] = await generateDocuments(t.db, group.id, templates, 1);
    const first = await loadUnits(t.db, [group.id], [id!]);
    expect(first[0]!.units.length).toBeGreaterThan(0);
    expect(await loadUnits(t.db, [group.id], [id!])).toEqual(first);

    const other = templates.find((x) => x.units.length !== first[0]!.units.length)!;
    const c = variedContent(other, 1, 'rewrite');
    await t.db.transaction((q) => replaceDocumentContent(q, id!, group.id, c));
    const again = await loadUnits(t.db, [group.id], [id!]);
    expect(again[0]!.units.map((u) => u.text)).toEqual(c.units.map((u) => u.text));

    await t.db.transaction((q) => replaceDocumentContent(q, id!, group.id, { ...c, units: [] }));
    expect(await loadUnits(t.db, [group.id], [id!])).toEqual([]);
  }, 120_000);
});
