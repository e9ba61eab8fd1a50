/**
 * Many stored documents, fast: the five corpus PDFs are analysed once, then written again and
 * again with varied people, dates and amounts (no PDF parsing per document). For load tests and
 * the question benchmarks, where the store must hold hundreds to thousands of documents.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { EvidenceUnit, ExtractResult, PageText } from '../../core/facts.js';
import { chunkPages, type Chunk } from '../../parsers/chunks.js';
import { buildUnits } from '../../parsers/units/build-units.js';
import { extractFacts } from '../../parsers/extract.js';
import { extractPdfText } from '../../parsers/pdf-text.js';
import type { Db, Queryable } from '../../store/db.js';
import { insertDocument } from '../../store/documents.js';
import { replaceDocumentContent } from '../../store/facts.js';
import { CORPUS_FILES, FIXTURES_DIR } from './seed-corpus.js';

export interface Template {
  fileName: string;
  /** Pages without positioned lines (the store keeps page text only). */
  pages: PageText[];
  chunks: Chunk[];
  units: EvidenceUnit[];
  facts: ExtractResult;
  /** People named in the facts, replaced per generated document. */
  names: string[];
}

/** How often each corpus file is the model for a generated document: mostly short minutes. */
const WEIGHTS: Record<string, number> = {
  '2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf': 10,
  'forslag-till-beslut-aktiviteter-for-barn-och-unga-med-behov-av-sarskilt-stod.pdf': 4,
  'regionstyrelsen-svar-till-falkenbergs-kommun-psykisk-halsa-barn-och-unga.pdf': 4,
  'lokal-namnd-kungsbacka-2021-uppfoljningsrapport-2-bildspel.pdf': 1,
  '2015-11-13-mal-och-handlingsplan-2016-2018.pdf': 1,
};

const FIRST = [
  'Anna',
  'Erik',
  'Maria',
  'Lars',
  'Karin',
  'Johan',
  'Eva',
  'Per',
  'Lena',
  'Anders',
  'Sofia',
  'Mikael',
  'Ingrid',
  'Jonas',
  'Elin',
  'Ahmed',
  'Fatima',
  'Nils',
  'Sara',
  'Oskar',
];
const LAST = [
  'Lindqvist',
  'Berg',
  'Holm',
  'Sandberg',
  'Åberg',
  'Nyström',
  'Ek',
  'Forsberg',
  'Lund',
  'Wallin',
  'Sjöberg',
  'Hedlund',
  'Björk',
  'Strand',
  'Öberg',
  'Karimi',
  'Dahl',
  'Engström',
  'Falk',
  'Granlund',
];

export async function corpusTemplates(): Promise<Template[]> {
  const out: Template[] = [];
  for (const file of CORPUS_FILES) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES_DIR, file)));
    const full = await extractPdfText(bytes, { maxPages: 2000 });
    const facts = extractFacts(full, { format: 'pdf' });
    const chunks = chunkPages(full);
    const units = buildUnits(full, facts);
    const pages = full.map((p) => ({ ...p, lines: [] }));
    const names = new Set<string>();
    for (const a of facts.attendees) names.add(a.name);
    for (const a of facts.actionItems) for (const o of a.owners) names.add(o);
    out.push({ fileName: file, pages, chunks, units, facts, names: [...names].filter((n) => n.length > 3) });
  }
  return out;
}

/** The model for document number `i` (weighted, deterministic). */
export function templateFor(templates: Template[], i: number): Template {
  const bag = templates.flatMap((t) => Array<Template>(WEIGHTS[t.fileName] ?? 1).fill(t));
  return bag[i % bag.length]!;
}

/** Document `i` of a group: the model's content with its own people, dates and amounts. */
export function variedContent(
  t: Template,
  i: number,
  salt: string,
): { fileName: string; sha256: string; pages: PageText[]; chunks: Chunk[]; units: EvidenceUnit[]; facts: ExtractResult } {
  let json = JSON.stringify({ pages: t.pages, chunks: t.chunks, units: t.units, facts: t.facts });
  t.names.forEach((name, k) => {
    const n = i * 7 + k * 13;
    json = json.split(name).join(`${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]}`);
  });
  // Dates move by whole days; amounts scale, so no two documents state the same figures.
  json = json.replace(/"(\d{4})-(\d{2})-(\d{2})"/g, (_m, y: string, mo: string, d: string) => {
    const shifted = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)) + (i % 900) * 86_400_000);
    return `"${shifted.toISOString().slice(0, 10)}"`;
  });
  json = json.replace(/"amount":(\d+)/g, (_m, a: string) => `"amount":${Math.round(Number(a) * (1 + (i % 37) / 10))}`);
  const content = JSON.parse(json) as { pages: PageText[]; chunks: Chunk[]; units: EvidenceUnit[]; facts: ExtractResult };
  const base = t.fileName.replace(/\.pdf$/, '');
  const fileName = `${base}-${String(i).padStart(5, '0')}.pdf`;
  const sha256 = createHash('sha256').update(`${salt}:${fileName}`).digest('hex');
  return { fileName, sha256, ...content };
}

/**
 * A word written into every generated document of a group: into its title, file name and each
 * chunk, so that a test can tell whose documents an answer cites (cheaper than an UPDATE after:
 * rewriting every chunk recomputes its search vectors and index entries a second time).
 */
export interface GenerateOptions {
  marker?: string;
}

/** Writes `count` generated documents into a group, 50 per transaction; returns their ids. */
export async function generateDocuments(
  db: Db,
  groupId: string,
  templates: Template[],
  count: number,
  start = 0,
  opts: GenerateOptions = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (let from = start; from < start + count; from += 50) {
    const to = Math.min(from + 50, start + count);
    ids.push(...(await db.transaction((q) => writeRange(q, groupId, templates, from, to, opts))));
  }
  return ids;
}

function marked(c: ReturnType<typeof variedContent>, marker: string): ReturnType<typeof variedContent> {
  const facts = { ...c.facts, document: { ...c.facts.document, title: `${marker} ${c.facts.document.title ?? ''}` } };
  return { ...c, fileName: `${marker.toLowerCase()}-${c.fileName}`, chunks: c.chunks.map((k) => ({ ...k, text: `${k.text} ${marker}` })), facts };
}

async function writeRange(db: Queryable, groupId: string, templates: Template[], from: number, to: number, opts: GenerateOptions): Promise<string[]> {
  const ids: string[] = [];
  for (let i = from; i < to; i++) {
    const varied = variedContent(templateFor(templates, i), i, groupId);
    const c = opts.marker ? marked(varied, opts.marker) : varied;
    const { row } = await insertDocument(db, {
      groupId,
      sha256: c.sha256,
      fileName: c.fileName,
      mimeType: 'application/pdf',
      sizeBytes: 1000,
      uploaderId: 'generator',
      uploaderName: 'Generator',
    });
    await replaceDocumentContent(db, row.id, groupId, c);
    await db.query(`UPDATE documents SET status = 'done', page_count = $2 WHERE id = $1`, [row.id, c.pages.length]);
    ids.push(row.id);
  }
  return ids;
}
