/**
 * Evidence units of a whole document (see `EvidenceUnit` in core/facts): the pages' sentences
 * and table rows in reading order, then the extracted facts as sentences. Pure and linear in
 * the text; runs in the parse sandbox with the rest of `analyseDocument`.
 */
import type { EvidenceUnit, ExtractResult, PageText } from '../../core/facts.js';
import { factUnits } from './fact-units.js';
import { pageUnits } from './page-units.js';

/** A document never stores more units than this (a 2 000-page file must not flood the index). */
const MAX_UNITS = 20_000;

/**
 * `format`: in PDF text a line is a visual line (long lines wrap and are joined); in TXT and DOCX
 * text a line is a paragraph.
 */
export function buildUnits(pages: PageText[], facts: ExtractResult, format: 'pdf' | 'docx' | 'txt' = 'pdf'): EvidenceUnit[] {
  const section = { value: null as string | null };
  const all = [...pages.flatMap((p) => pageUnits(p, section, format === 'pdf')), ...factUnits(facts)];
  return all.slice(0, MAX_UNITS).map((u, ord) => ({ ...u, ord, section: u.section?.slice(0, 200) ?? null }));
}
