/**
 * Budget lines compared with gold, for one document.
 *
 * Matching is one-to-one and on the same page, in two tiers:
 * 1. exact: amount in SEK equal, label equal after folding (`wordKey`: case, accents, punctuation,
 *    spacing), kind equal (the extractor's `grant` counts as the gold's `financing`), period equal;
 * 2. amount + label: the remaining lines with amount and label equal.
 * Recall is over gold lines; precision over the extracted lines on pages that have gold lines (a
 * lower bound: some documents' gold covers only some columns, see their notes).
 *
 * Wrong amounts (the worst error), over every extracted line:
 * - `label`: not matched above, but a gold line on the same page has the same label (and the same
 *   period, when both give one), and no such gold line has the extracted amount;
 * - `not-whole`: the amount as printed does not occur as a whole number on its page
 *   (see numbers.ts), e.g. 987 250 taken from "1 987 250,00".
 */
import type { BudgetLine } from '../core/facts.js';
import type { GoldBudgetLine } from './corpus.js';
import { wordKey } from './fold.js';
import { occursWhole } from './numbers.js';

export interface WrongAmount {
  page: number | null;
  label: string;
  amountText: string;
  amountSek: number;
  period: string | null;
  reasons: Array<'label' | 'not-whole'>;
  /** Gold amounts of the same label on that page (reason `label`). */
  want: number[];
}

export interface BudgetScore {
  gold: number;
  system: number;
  exact: number;
  amountLabel: number;
  systemOnGoldPages: number;
  matchedOnGoldPages: number;
  wrong: WrongAmount[];
  missed: Array<{ page: number | null; label: string; amountSek: number; kind: string; period: string | null }>;
  /** Matched on amount and label, but kind or period differ. */
  kindOrPeriodOff: Array<{ page: number | null; label: string; want: string; got: string }>;
}

export function normaliseKind(kind: string): string {
  return kind === 'grant' ? 'financing' : kind;
}

const normPeriod = (p: string | null | undefined) => (p ?? '').trim() || null;

/**
 * @param pageKeys whole-number keys per page (numbers.ts `wholeNumberKeys`); a page without an
 *   entry is not checked for `not-whole`.
 */
export function scoreBudget(gold: readonly GoldBudgetLine[], system: readonly BudgetLine[], pageKeys: ReadonlyMap<number, ReadonlySet<string>>): BudgetScore {
  const gLabel = gold.map((g) => wordKey(g.label));
  const sLabel = system.map((s) => wordKey(s.label));
  const gUsed = new Set<number>();
  const sUsed = new Set<number>();
  const pair = (same: (g: GoldBudgetLine, s: BudgetLine) => boolean) => {
    let n = 0;
    gold.forEach((g, gi) => {
      if (gUsed.has(gi)) return;
      const si = system.findIndex((s, i) => !sUsed.has(i) && s.page === g.page && s.amountSek === g.amountSek && sLabel[i] === gLabel[gi] && same(g, s));
      if (si < 0) return;
      gUsed.add(gi);
      sUsed.add(si);
      n++;
    });
    return n;
  };
  const exact = pair((g, s) => normaliseKind(s.kind) === normaliseKind(g.kind) && normPeriod(s.period) === normPeriod(g.period));
  const exactPairs = new Set(gUsed);
  const loose = pair(() => true);
  const kindOrPeriodOff: BudgetScore['kindOrPeriodOff'] = [];
  gold.forEach((g, gi) => {
    if (!gUsed.has(gi) || exactPairs.has(gi)) return;
    const s = system.find((x, i) => sUsed.has(i) && x.page === g.page && x.amountSek === g.amountSek && sLabel[i] === gLabel[gi]);
    if (s) kindOrPeriodOff.push({ page: g.page, label: g.label, want: `${g.kind} ${g.period ?? '-'}`, got: `${normaliseKind(s.kind)} ${s.period ?? '-'}` });
  });

  const goldPages = new Set(gold.map((g) => g.page));
  let systemOnGoldPages = 0;
  let matchedOnGoldPages = 0;
  const wrong: WrongAmount[] = [];
  system.forEach((s, si) => {
    if (goldPages.has(s.page)) {
      systemOnGoldPages++;
      if (sUsed.has(si)) matchedOnGoldPages++;
    }
    const reasons: WrongAmount['reasons'] = [];
    let want: number[] = [];
    if (!sUsed.has(si)) {
      const sp = normPeriod(s.period);
      const same = gold.filter((g, gi) => g.page === s.page && gLabel[gi] === sLabel[si] && (!sp || !normPeriod(g.period) || normPeriod(g.period) === sp));
      if (same.length > 0 && !same.some((g) => g.amountSek === s.amountSek)) {
        reasons.push('label');
        want = same.map((g) => g.amountSek);
      }
    }
    const keys = s.page !== null ? pageKeys.get(s.page) : undefined;
    if (keys && !occursWhole(s.amountText, keys)) reasons.push('not-whole');
    if (reasons.length) wrong.push({ page: s.page, label: s.label, amountText: s.amountText, amountSek: s.amountSek, period: s.period, reasons, want });
  });

  return {
    gold: gold.length,
    system: system.length,
    exact,
    amountLabel: exact + loose,
    systemOnGoldPages,
    matchedOnGoldPages,
    wrong,
    missed: gold.filter((_, gi) => !gUsed.has(gi)).map((g) => ({ page: g.page, label: g.label, amountSek: g.amountSek, kind: g.kind, period: g.period })),
    kindOrPeriodOff,
  };
}
