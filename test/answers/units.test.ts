/**
 * The unit reader end to end on PGlite: confident answers cite the sentence that holds the
 * answer, partial answers show the nearest quotes without claiming anything, unrelated
 * questions abstain, and a document ingested again is read afresh (the in-memory unit cache
 * checks every entry against the database).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../answers/index.js';
import { chunkPages } from '../../parsers/chunks.js';
import { extractFacts } from '../../parsers/extract.js';
import { textToPages } from '../../parsers/text-pages.js';
import { buildUnits } from '../../parsers/units/build-units.js';
import { type Db } from '../../store/db.js';
import { openTestDb } from '../helpers/answer-db.js';
import { insertDocument } from '../../store/documents.js';
import { replaceDocumentContent } from '../../store/facts.js';
import { ensureGroup } from '../../store/groups.js';

const V1 = `Styrelsemöte i Brf Tallen 2024-03-12

Närvarande: Anna Berg, Olof Ek
Föreningen har beslutat att teaterhyran för vårens föreställningar blir 55 600 kr.
Trädgårdsgruppen planterar nya rosor vid entrén i maj.
Karin Holm tar över som kassör efter Olof Ek från och med april.
`;
const V2 = V1.replace('55 600 kr', '61 200 kr');

async function store(db: Db, groupId: string, docId: string | null, text: string): Promise<string> {
  const pages = textToPages(text);
  const facts = extractFacts(pages, { format: 'txt' });
  const id =
    docId ??
    (
      await insertDocument(db, {
        groupId,
        sha256: 'a'.repeat(64),
        fileName: 'styrelsemote.txt',
        mimeType: 'text/plain',
        sizeBytes: text.length,
        uploaderId: 't',
        uploaderName: 't',
      })
    ).row.id;
  await db.transaction((q) => replaceDocumentContent(q, id, groupId, { pages, chunks: chunkPages(pages), units: buildUnits(pages, facts, 'txt'), facts }));
  return id;
}

describe('answers from evidence units', () => {
  let db: Db;
  let groupId: string;
  let docId: string;
  const ask = (question: string) => answerQuestion(db, { question, asker: { id: 't' }, groupIds: [groupId] });
  beforeAll(async () => {
    db = (await openTestDb('pglite')).db;
    groupId = (await ensureGroup(db, 'tallen')).id;
    docId = await store(db, groupId, null, V1);
  });
  afterAll(() => db.close());

  it('answers from the sentence that holds the amount, citing it', async () => {
    const a = await ask('Hur mycket kostar teaterhyran?');
    expect(a.found).toBe(true);
    expect(a.answer).toContain('55 600 kr');
    expect(a.citations[0]!.quote).toContain('55 600 kr');
  });

  it('names the person who takes over, not the one asked about', async () => {
    const a = await ask('Vem tar över efter Olof Ek?');
    expect(a.found).toBe(true);
    expect(a.answer).toContain('Karin Holm');
  });

  it('shows the nearest quotes without claiming an answer when a distinctive word matches', async () => {
    const a = await ask('Vilken färg har rosorna som planteras?');
    expect(a.found).toBe(false);
    expect(a.answer).toMatch(/^Det närmaste jag hittar:/);
    expect(a.citations[0]!.quote).toContain('rosor');
  });

  it('abstains when nothing shares a distinctive word', async () => {
    const a = await ask('Vem är VD för Volvo?');
    expect(a).toMatchObject({ found: false, citations: [] });
  });

  it('reads a document ingested again afresh', async () => {
    expect((await ask('Hur mycket kostar teaterhyran?')).answer).toContain('55 600 kr');
    await store(db, groupId, docId, V2);
    const a = await ask('Hur mycket kostar teaterhyran?');
    expect(a.answer).toContain('61 200 kr');
    expect(a.answer).not.toContain('55 600');
  });
});

describe('question words as the documents print them', () => {
  let db: Db;
  let groupId: string;
  const ask = (question: string) => answerQuestion(db, { question, asker: { id: 't' }, groupIds: [groupId] });
  beforeAll(async () => {
    db = (await openTestDb('pglite')).db;
    groupId = (await ensureGroup(db, 'fvof')).id;
    await store(
      db,
      groupId,
      null,
      `Protokoll Roxen FVOF 2012-11-19

Redogjorde ordföranden för de fortlöpande kontakterna i skarvfrågan med Maria Boström, Länstyrelsen.
Föreningen har beslutat att teaterhyran för vårens föreställningar blir 55 600 kr.
`,
    );
  });
  afterAll(() => db.close());

  it('finds a name the question spells with one letter more than the document', async () => {
    const a = await ask('Vem på Länsstyrelsen har föreningen kontakt med i skarvfrågan?');
    expect(a.answer).toContain('Maria Boström');
    expect(a.citations[0]!.quote).toContain('Maria Boström');
  });

  it('does not take the capital that starts a second sentence for a name', async () => {
    const a = await ask('Hur mycket kostar teaterhyran? Ange beloppet.');
    expect(a.answer).toContain('55 600 kr');
  });
});
