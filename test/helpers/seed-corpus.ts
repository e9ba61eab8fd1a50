/**
 * Builds a group's store the way the worker does: PDF bytes → extractPdfText → extractFacts →
 * chunkPages → replaceDocumentContent. Reused by every test that needs a realistic corpus.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PageText } from '../../core/facts.js';
import { chunkPages } from '../../parsers/chunks.js';
import { extractFacts } from '../../parsers/extract.js';
import { buildUnits } from '../../parsers/units/build-units.js';
import { extractPdfText } from '../../parsers/pdf-text.js';
import type { Queryable } from '../../store/db.js';
import { insertDocument } from '../../store/documents.js';
import { replaceDocumentContent } from '../../store/facts.js';
import { ensureGroup } from '../../store/groups.js';

export const FIXTURES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** The five corpus PDFs. */
export const CORPUS_FILES = [
  '2015-11-13-mal-och-handlingsplan-2016-2018.pdf',
  '2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf',
  'forslag-till-beslut-aktiviteter-for-barn-och-unga-med-behov-av-sarskilt-stod.pdf',
  'lokal-namnd-kungsbacka-2021-uppfoljningsrapport-2-bildspel.pdf',
  'regionstyrelsen-svar-till-falkenbergs-kommun-psykisk-halsa-barn-och-unga.pdf',
] as const;

export interface SeededDocument {
  id: string;
  fileName: string;
  title: string | null;
}

export interface SeededGroup {
  groupId: string;
  documents: SeededDocument[];
}

// PDF parsing dominates seeding time; tests seed the same files into several groups.
const pageCache = new Map<string, Promise<PageText[]>>();

function pagesOf(file: string, bytes: Uint8Array): Promise<PageText[]> {
  let p = pageCache.get(file);
  if (!p) {
    p = extractPdfText(bytes, { maxPages: 2000 });
    pageCache.set(file, p);
  }
  return p;
}

/** Seeds `files` (names under test/fixtures, default: the five corpus PDFs) into group `groupName`. */
export async function seedCorpus(db: Queryable, groupName: string, files: readonly string[] = CORPUS_FILES): Promise<SeededGroup> {
  const group = await ensureGroup(db, groupName);
  const documents: SeededDocument[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES_DIR, file)));
    const pages = await pagesOf(file, bytes);
    const facts = extractFacts(pages, { format: 'pdf' });
    const chunks = chunkPages(pages);
    const { row } = await insertDocument(db, {
      groupId: group.id,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      fileName: path.basename(file),
      mimeType: 'application/pdf',
      sizeBytes: bytes.length,
      uploaderId: 'test-seed',
      uploaderName: 'Test',
    });
    await replaceDocumentContent(db, row.id, group.id, { pages, chunks, units: buildUnits(pages, facts), facts });
    documents.push({ id: row.id, fileName: path.basename(file), title: facts.document.title });
  }
  return { groupId: group.id, documents };
}
