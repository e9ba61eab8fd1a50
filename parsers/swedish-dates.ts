/**
 * Dates and times as Swedish (and English) minutes write them: "2 mars", "den 17 april 2026",
 * "2026-04-17", "17/4", "17 April 2026", "April 17, 2026", "kl. 13.00–15.00".
 * Dates without a year take `year` from the caller (the meeting's year).
 */
import { DateTime } from 'luxon';

const MONTHS: Record<string, number> = {
  jan: 1,
  januari: 1,
  january: 1,
  feb: 2,
  februari: 2,
  february: 2,
  mar: 3,
  mars: 3,
  march: 3,
  apr: 4,
  april: 4,
  maj: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  aug: 8,
  augusti: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oct: 10,
  oktober: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH_RE =
  '(januari|january|jan|februari|february|feb|mars|march|mar|april|apr|maj|may|juni|june|jun|juli|july|jul|augusti|august|aug|september|sept|sep|oktober|october|okt|oct|november|nov|december|dec)';

// One alternation, scanned left to right; each branch is anchored by digits or a month word so
// matching stays linear.
const DATE_RE = new RegExp(
  [
    '(?<![\\d-])(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![\\d-])', // 1-3 ISO
    `(?<![\\d])(\\d{1,2})(?::e|:a|st|nd|rd|th)?\\.?\\s+(?:of\\s+)?${MONTH_RE}\\.?(?:,?\\s+(\\d{4}))?(?![\\p{L}])`, // 4-6 day month [year]
    `(?<![\\p{L}])${MONTH_RE}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?![\\d\\p{L}])`, // 7-9 month day [year]
    '(?<![\\d./])(\\d{1,2})/(\\d{1,2})(?:(?:/|\\s)(\\d{4}|\\d{2}))?(?![\\d/])', // 10-12 d/m [year]
    '(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?![\\d])', // 13-15 d.m.yyyy
  ].join('|'),
  'giu',
);

/** A date found in text. `iso` is null when the parts do not make a real date. */
export interface FoundDate {
  iso: string | null;
  text: string;
  index: number;
  hasYear: boolean;
}

/** Every date in `text`, in order. Input longer than 4000 characters is cut (hostile input). */
export function findDates(text: string, opts: { year?: number | null } = {}): FoundDate[] {
  const s = text.length > 4000 ? text.slice(0, 4000) : text;
  const out: FoundDate[] = [];
  for (const m of s.matchAll(DATE_RE)) {
    let y: number | null = null;
    let mo: number | null = null;
    let d: number | null = null;
    if (m[1]) [y, mo, d] = [+m[1], +m[2]!, +m[3]!];
    else if (m[4]) [d, mo, y] = [+m[4], MONTHS[m[5]!.toLowerCase()] ?? 0, m[6] ? +m[6] : null];
    else if (m[7]) [mo, d, y] = [MONTHS[m[7]!.toLowerCase()] ?? 0, +m[8]!, m[9] ? +m[9] : null];
    else if (m[10]) [d, mo, y] = [+m[10], +m[11]!, m[12] ? normYear(+m[12], m[12].length) : null];
    else if (m[13]) [d, mo, y] = [+m[13], +m[14]!, +m[15]!];
    const hasYear = y !== null;
    const year = y ?? opts.year ?? null;
    out.push({ iso: year !== null && mo && d ? iso(year, mo, d) : null, text: m[0], index: m.index ?? 0, hasYear });
  }
  return out;
}

/** The month a Swedish or English month word names (1–12), or null: "mars", "March", "okt". */
export function monthOf(word: string): number | null {
  return MONTHS[word.toLowerCase().replace(/\.$/u, '')] ?? null;
}

/** The first real date in `text` as ISO, or null. */
export function parseDate(text: string, opts: { year?: number | null } = {}): string | null {
  for (const f of findDates(text, opts)) if (f.iso) return f.iso;
  return null;
}

/**
 * Compact numeric dates as headings and labels write them: "140504" and "24-10-21" (the Swedish
 * ÅÅMMDD short form), "2017 27 06" / "2017.06.27" / "14 05 04". A spaced or dotted form is read
 * only when one order of day and month (or of year and day) makes a real date: a wrong date is
 * worse than none. Six digits can be anything in running text, so callers use this only where a
 * date is expected (a heading, after a date label).
 */
export function findCompactDates(text: string): FoundDate[] {
  const s = text.length > 4000 ? text.slice(0, 4000) : text;
  const out: FoundDate[] = [];
  for (const m of s.matchAll(COMPACT_RE)) {
    let readings: Array<string | null>;
    if (m[1]) readings = [iso(shortYear(m[1]), +m[2]!, +m[3]!)];
    else if (m[4]) readings = [iso(+m[4], +m[6]!, +m[7]!), iso(+m[4], +m[7]!, +m[6]!)];
    else readings = [iso(shortYear(m[8]!), +m[10]!, +m[11]!), iso(shortYear(m[11]!), +m[10]!, +m[8]!)];
    const valid = [...new Set(readings.filter((r): r is string => r !== null))];
    out.push({ iso: valid.length === 1 ? valid[0]! : null, text: m[0], index: m.index ?? 0, hasYear: true });
  }
  return out;
}

const COMPACT_RE = new RegExp(
  [
    '(?<![\\d.,/:-])(\\d{2})-?(\\d{2})-?(\\d{2})(?![\\d.,/:-])', // 1-3 ÅÅMMDD, ÅÅ-MM-DD
    '(?<![\\d.,/:-])(\\d{4})([ .])(\\d{2})\\5(\\d{2})(?![\\d.,/:-])', // 4-7 YYYY MM DD or YYYY DD MM
    '(?<![\\d.,/:-])(\\d{2})([ .])(\\d{2})\\9(\\d{2})(?![\\d.,/:-])', // 8-11 YY MM DD or DD MM YY
  ].join('|'),
  'gu',
);

function shortYear(yy: string): number {
  return +yy < 70 ? 2000 + +yy : 1900 + +yy;
}

const TIME_RE =
  /(?<![\d.:,])(?:kl\.?\s*)?([01]?\d|2[0-3])[.:]([0-5]\d)(?:\s*(?:-|–|—|till|to)\s*([01]?\d|2[0-3])[.:]([0-5]\d))?(?:\s?(?:[ap]\.m\.|[ap]m\b))?(?![\d.:]\d)|\bkl\.?\s*([01]?\d|2[0-3])(?:\s*(?:-|–)\s*([01]?\d|2[0-3]))?(?![\d.:])|(?<![\d.:,])(?:1[0-2]|0?[1-9])\s?(?:[ap]\.m\.|[ap]m\b)/iu;

/** The first clock time or time range ("13.00–15.00", "kl 10") as written, without "kl.". */
export function findTime(text: string): { text: string; index: number } | null {
  const s = text.length > 4000 ? text.slice(0, 4000) : text;
  const m = TIME_RE.exec(s);
  if (!m) return null;
  return { text: m[0].replace(/^kl\.?\s*/i, ''), index: m.index };
}

function normYear(y: number, digits: number): number {
  return digits === 2 ? 2000 + y : y;
}

function iso(y: number, mo: number, d: number): string | null {
  if (y < 1900 || y > 2200) return null;
  const dt = DateTime.fromObject({ year: y, month: mo, day: d });
  return dt.isValid ? dt.toISODate() : null;
}
