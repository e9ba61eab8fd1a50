/**
 * Dates named in a question: "2 mars", "2026-03-02", "March 2", "2nd of March", "i mars",
 * "senaste mötet" / "the last meeting". Bare years ("2016") are budget periods, not meetings.
 */
import { fold } from './text.js';

export type DateMention = { kind: 'date'; year: number | null; month: number; day: number | null } | { kind: 'latest' };

const MONTHS: Array<[RegExp, number]> = [
  [/^(januari|january|jan)$/, 1],
  [/^(februari|february|feb)$/, 2],
  [/^(mars|march|mar)$/, 3],
  [/^(april|apr)$/, 4],
  [/^(maj|may)$/, 5],
  [/^(juni|june|jun)$/, 6],
  [/^(juli|july|jul)$/, 7],
  [/^(augusti|august|aug)$/, 8],
  [/^(september|sept|sep)$/, 9],
  [/^(oktober|october|okt|oct)$/, 10],
  [/^(november|nov)$/, 11],
  [/^(december|dec)$/, 12],
];

function monthOf(w: string): number | null {
  for (const [re, m] of MONTHS) if (re.test(w)) return m;
  return null;
}

const MONTH_WORD =
  '(januari|january|jan|februari|february|feb|mars|march|april|apr|maj|may|juni|june|juli|july|augusti|august|aug|september|sept|oktober|october|okt|oct|november|nov|december|dec)';

/** The date a question names, if any. */
export function parseDateMention(question: string): DateMention | null {
  const q = fold(question);
  const iso = q.match(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/);
  if (iso) return { kind: 'date', year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const dmy = q.match(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th|e|a|:e|:a)?(?:\\s+of)?\\s+${MONTH_WORD}\\b(?:\\s+(\\d{4}))?`));
  if (dmy) return { kind: 'date', day: Number(dmy[1]), month: monthOf(dmy[2]!)!, year: dmy[3] ? Number(dmy[3]) : null };
  const mdy = q.match(new RegExp(`\\b${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`));
  if (mdy && Number(mdy[2]) <= 31) return { kind: 'date', month: monthOf(mdy[1]!)!, day: Number(mdy[2]), year: mdy[3] ? Number(mdy[3]) : null };
  const my = q.match(new RegExp(`\\b(?:i|in|during|under)\\s+${MONTH_WORD}\\b(?:\\s+(\\d{4}))?`));
  if (my && my[1] !== 'may') return { kind: 'date', month: monthOf(my[1]!)!, day: null, year: my[2] ? Number(my[2]) : null };
  const monthYear = q.match(new RegExp(`\\b${MONTH_WORD}\\s+(\\d{4})\\b`));
  if (monthYear) return { kind: 'date', month: monthOf(monthYear[1]!)!, day: null, year: Number(monthYear[2]) };
  if (/\b(senaste|forra|sista|latest|last|most recent|previous)\b/.test(q)) return { kind: 'latest' };
  return null;
}

/** True when ISO date `iso` (YYYY-MM-DD) fits the mention. */
export function dateMatches(iso: string | null, m: DateMention): boolean {
  if (m.kind === 'latest') return true;
  if (!iso) return false;
  const [y, mo, d] = iso.split('-').map(Number);
  return mo === m.month && (m.day === null || d === m.day) && (m.year === null || y === m.year);
}

/** Years (1990–2099) a question names, outside full dates. */
export function yearsIn(question: string): number[] {
  const stripped = question.replace(/\b\d{4}-\d{1,2}-\d{1,2}\b/g, ' ');
  return [...stripped.matchAll(/\b(19[9]\d|20\d\d)\b/g)].map((m) => Number(m[1]));
}

const SV_MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "17 april 2026" / "17 April 2026". */
export function formatDate(iso: string, lang: 'sv' | 'en'): string {
  const [y, m, d] = iso.split('-').map(Number);
  const months = lang === 'sv' ? SV_MONTHS : EN_MONTHS;
  return `${d} ${months[(m ?? 1) - 1]} ${y}`;
}
