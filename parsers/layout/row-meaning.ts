/**
 * What a money table's row label says about its figures: a sum or result row (a total), money
 * received from someone else (a grant among incomes), or an account number before the label.
 * Rules are data: add a word to a list below to teach a new label, in any language.
 */
import type { BudgetKind } from '../../core/facts.js';

/** First words of sum rows ("Summa rörelseintäkter", "Subtotal", "Total Intäkter", "S:a"). */
export const TOTAL_FIRST_WORDS = [
  'summa',
  'delsumma',
  'totalsumma',
  'total',
  'totalt',
  'totala',
  'subtotal',
  'subsubtotal',
  'sum',
  's:a',
  'sammanlagt',
  'grand',
];

/** Words that end result words ("Rörelseresultat", "ÅRETS RESULTAT", "Result for the year"). */
export const RESULT_WORDS = ['resultat', 'result'];

/** A result word before one of these is a result row ("Resultat efter finansiella poster"); before others ("Resultat vid försäljning") it is not. */
export const RESULT_FOLLOWERS = ['efter', 'före', 'after', 'before', 'for', 'för'];

/** Whole labels or phrases of result rows that carry no result word. */
export const TOTAL_PHRASES = ['över-/underskott', 'överskott/underskott', 'surplus/deficit', 'nettokostnad', 'nettokostnader', 'net cost', 'net costs'];

/** Words of money given by someone else: a grant among incomes is financing, among costs it is a cost (grants paid out). */
export const GRANT_WORDS = ['donation', 'donations', 'gift', 'gifts', 'grant', 'grants', 'sponsor', 'sponsorship', 'subsidy', 'subsidies'];

/** Word endings of Swedish grant compounds ("Marknadsbidrag", "Nationsstöd", "Verksamhetsanslag"). */
export const GRANT_ENDINGS = ['bidrag', 'stöd', 'anslag', 'gåva', 'gåvor', 'sponsring'];

/** "3800 Medlemsinbetalningar": a four-digit account number before a label. */
export const ACCOUNT_PREFIX = /^\d{4}\s+(?=\p{L})/u;

const fold = (s: string): string =>
  s
    .toLowerCase()
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
const words = (s: string): string[] =>
  fold(s)
    .split(/[\s,.;:()]+/)
    .filter(Boolean);

/** True when a row label names a sum or a result. */
export function isTotalLabel(label: string): boolean {
  const t = fold(label.replace(ACCOUNT_PREFIX, ''));
  if (!t) return false;
  const w = words(t);
  if (TOTAL_FIRST_WORDS.includes(w[0]!) || (w[0] === 's' && t.startsWith('s:a'))) return true;
  if (TOTAL_PHRASES.some((p) => (p.includes(' ') || p.includes('/') ? t.includes(p) : w.includes(p)))) return true;
  return w.some((x, k) => RESULT_WORDS.some((r) => x.endsWith(r)) && (k === w.length - 1 || RESULT_FOLLOWERS.includes(w[k + 1]!)));
}

/** True when a label names a grant or gift (word or compound ending: "Marknadsbidrag", "Nationsstöd", "Donations and gifts"). */
export function isGrantLabel(label: string): boolean {
  return words(label).some((x) => GRANT_WORDS.includes(x) || GRANT_ENDINGS.some((g) => x.endsWith(g)));
}

/** The kind a row's own label and its group give, before the column's: grants among incomes are financing. */
export function rowKind(label: string, own: BudgetKind | null, group: BudgetKind | null): BudgetKind | null {
  if (isGrantLabel(label) && (group === 'income' || group === 'financing' || own === 'income')) return 'financing';
  return own ?? group;
}
