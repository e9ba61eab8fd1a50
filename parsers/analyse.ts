/**
 * The whole pure pipeline for one file: bytes → pages → facts + passages. Runs in the parse
 * sandbox; also what `minutes extract` calls directly.
 */
import type { EvidenceUnit, ExtractResult, PageText, ParsedText } from '../core/facts.js';
import { chunkPages, type Chunk } from './chunks.js';
import { extractFacts } from './extract.js';
import { parseDocument, type ParseLimits } from './parse-document.js';
import type { PdfPageReader } from './pdf-text.js';
import { buildUnits } from './units/build-units.js';

export interface Analysis {
  format: ParsedText['format'];
  pages: PageText[];
  chunks: Chunk[];
  units: EvidenceUnit[];
  facts: ExtractResult;
  parseMs: number;
  extractMs: number;
}

export async function analyseDocument(
  bytes: Uint8Array,
  fileName: string,
  limits: ParseLimits,
  onPage?: (page: number, total: number) => void,
  readPdf?: PdfPageReader,
): Promise<Analysis> {
  const t0 = performance.now();
  const parsed = await parseDocument(bytes, fileName, limits, onPage, readPdf);
  const t1 = performance.now();
  const facts = factsOf(parsed, fileName);
  const chunks = chunkPages(parsed.pages);
  const units = buildUnits(parsed.pages, facts, parsed.format);
  const t2 = performance.now();
  return { format: parsed.format, pages: parsed.pages, chunks, units, facts, parseMs: t1 - t0, extractMs: t2 - t1 };
}

/**
 * The facts alone, exactly as `analyseDocument` computes them, without the passages and evidence
 * units it also builds for the store (a tenth of the time on a 400-page plan): what `minutes
 * extract` prints.
 */
export async function extractDocument(bytes: Uint8Array, fileName: string, limits: ParseLimits, readPdf?: PdfPageReader): Promise<ExtractResult> {
  return factsOf(await parseDocument(bytes, fileName, limits, undefined, readPdf), fileName);
}

/** The file name dates a meeting written "den 4 april" (document-date.ts), so both paths pass it. */
function factsOf(parsed: ParsedText, fileName: string): ExtractResult {
  return extractFacts(parsed.pages, { format: parsed.format, fileName });
}
