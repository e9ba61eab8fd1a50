/**
 * The periods a budget document's figures are for: a year or range in a header or caption, the
 * year a report states for itself ("Räkenskapsår 2025"), the year before it ("Period fg år").
 */
import type { PageText } from '../../core/facts.js';

const PRINT_DATE = /(?:utskrivet|utskriven|utskriftsdatum|utskrift|printed|skapad|created|sida)\s*:?\s*[\d\s:.-]{4,20}/giu;
/** "Räkenskapsår 2025-01-01 - 2025-12-31", "Period 2025-01-01": the year a report's figures are for. */
const STATED_PERIOD = /(?:räkenskapsår|redovisningsperiod|verksamhetsår|budgetår|bokslutsår|period|financial year)\s*:?\s*((?:19|20)\d{2})/iu;
/** Column headers of the year before the report's ("Period fg år", "Föregående år"). */
export const PRIOR_YEAR = /\bfg\.?\s*år|föregående\s+år|förra\s+året|previous\s+year|prior\s+year|last\s+year/iu;

/** The period a page (or the first page) states for its figures, or null. */
export function statedPeriod(pages: PageText[], pageNo: number): string | null {
  for (const p of [pages.find((x) => x.pageNo === pageNo), pages[0]]) {
    if (!p) continue;
    for (const l of p.lines.slice(0, 40)) {
      const m = STATED_PERIOD.exec(l.text.slice(0, 300));
      if (m) return m[1]!;
    }
  }
  return null;
}

const YEARS = /(?<!\d)((?:19|20)\d{2})(?:\s?[-–]\s?((?:19|20)?\d{2}))?(?!\d)/;

/** "2016", "2016-2017", "2020–21" → "2020-2021"; first year or range in the text. */
export function periodIn(text: string | null | undefined): string | null {
  if (!text) return null;
  // A print or creation date ("Utskrivet 2026-04-27") dates the paper, not the figures.
  const m = YEARS.exec(text.slice(0, 400).replace(PRINT_DATE, ' '));
  if (!m) return null;
  if (!m[2]) return m[1]!;
  const end = m[2].length === 2 ? m[1]!.slice(0, 2) + m[2] : m[2];
  return Number(end) > Number(m[1]) ? `${m[1]}-${end}` : m[1]!;
}

export function priorOf(year: string | null): string | null {
  return year && /^\d{4}$/.test(year) ? String(Number(year) - 1) : null;
}

/** A year or a year range alone in a cell ("2021", "2020-2021", "2021-12-31"). */
export const YEAR_CELL = /^(?:19|20)\d{2}(?:\s?[-–]\s?(?:(?:19|20)?\d{2}|\d{2}-\d{2}))?$/;
