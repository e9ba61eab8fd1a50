/**
 * What a money table's column (or row) header says about its figures: the kind of amount, the
 * period, the unit, and whether the figures are derived or not money at all (deviations, shares,
 * counts, per-m² keys), which are never read as budget lines. Rules are data: add a word to a
 * table below to teach a new header, in any language.
 */
import type { BudgetKind } from '../../core/facts.js';
import { statedUnitMultiplier } from '../money.js';

/** Header words of derived columns and rows: differences of other figures, not amounts of their own. */
export const DERIVED_WORDS = [
  'avvikelse',
  'budgetavvikelse',
  'budget-avvikelse',
  'återstår',
  'återstående',
  'differens',
  'diff',
  'variance',
  'deviation',
  'remaining',
];

/** Header words of figures that are not money: shares, counts, keys per area or person. */
export const NOT_MONEY_WORDS = [
  '%',
  'procent',
  'andel',
  'antal',
  'number of',
  'st',
  'soliditet',
  'per m²',
  '/m²',
  '/m2',
  'kr/m',
  '/kvm',
  'per invånare',
  'per capita',
  'timmar',
];

/** Words that start like a not-money word but name money: "andelar" are holdings ("Utdelningar på andelar"), "andel" a share. */
export const NOT_MONEY_EXCEPTIONS = ['andelar'];

/** Header words of reference columns (row, project, account and note numbers): their figures are no amounts. */
export const REFERENCE_WORDS = [
  'nr',
  'nummer',
  'no',
  'konto',
  'kto',
  'proj',
  'projektnr',
  'id',
  'ref',
  'not',
  'noter',
  'note',
  'notes',
  'pri',
  'prio',
  'löpnr',
  'account',
];

/** Header words of figures over a span of years rather than one period ("Total utgift", "Utgifter sedan projektets start"). */
export const SPAN_WORDS = ['total', 'totalt', 'totala', 'sedan start', 'sedan projektets start', 'since start', 'to date', 'hittills'];

/** Header words → the kind of the figures below them, first match wins (order matters). */
export const KIND_WORDS: Array<[BudgetKind, string[]]> = [
  ['outcome', ['utfall', 'bokslut', 'bokfört', 'förbrukat', 'upparbetat', 'actual', 'outcome', 'spent']],
  ['other', ['prognos', 'forecast']],
  ['financing', ['finansiering', 'ekonomiska medel', 'funding', 'bidrag', 'beviljat', 'grant']],
  ['income', ['intäkt', 'nettoomsättning', 'income', 'revenue']],
  ['cost', ['kostnad', 'utgift', 'avskrivning', 'nedskrivning', 'cost', 'expense', 'depreciation', 'write-down']],
  ['budget', ['budget', 'ram', 'anslag', 'plan']],
];

const COMPOUND_KINDS = new Set<BudgetKind>(['income', 'cost']);

const fold = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ');

const wordStarts = new Map<string, RegExp>();

/** True when `word` starts a word of `text` (Swedish inflects at the end); symbols and phrases anywhere. */
function has(text: string, word: string): boolean {
  if (!/^\p{L}+$/u.test(word)) return text.includes(word);
  let re = wordStarts.get(word);
  if (!re) wordStarts.set(word, (re = new RegExp(`(?<![\\p{L}])${word}`, 'u')));
  return re.test(text);
}

export function isDerived(header: string): boolean {
  const t = fold(header);
  return DERIVED_WORDS.some((w) => has(t, w));
}

export function isNotMoney(header: string): boolean {
  let t = fold(header);
  for (const w of NOT_MONEY_EXCEPTIONS) t = t.replaceAll(w, ' ');
  return NOT_MONEY_WORDS.some((w) => (w === 'st' ? /(?<![\p{L}])st\.?$/u.test(t) || /\(st\)/.test(t) : has(t, w)));
}

export function kindOfHeader(header: string): BudgetKind | null {
  const t = fold(header);
  // Swedish compounds carry the kind word at the end ("rörelseintäkter", "personalkostnader"): long words match inside a word.
  // Only revenue and cost words, and "budget" ("projektbudget"): "delfinansiering" describes a cost row, not money from others.
  for (const [kind, words] of KIND_WORDS)
    if (words.some((w) => ((COMPOUND_KINDS.has(kind) && w.length >= 5) || w === 'budget' ? t.includes(w) : has(t, w)))) return kind;
  return null;
}

export function isReference(header: string): boolean {
  const w = fold(header)
    .split(/[\s.:()/]+/)
    .filter(Boolean);
  return w.length > 0 && w.length <= 3 && w.some((x) => REFERENCE_WORDS.includes(x));
}

/** True when a header names a figure over several periods (a total or a cumulative column). */
export function isSpan(header: string): boolean {
  const t = fold(header);
  return SPAN_WORDS.some((w) => has(t, w.split(' ')[0]!) && t.includes(w));
}

/** Multiplier a header states ("Belopp (tkr)", "mnkr"), or null. */
export function unitOfHeader(header: string): number | null {
  return statedUnitMultiplier(header);
}
