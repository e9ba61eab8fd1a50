import { describe, expect, it } from 'vitest';
import type { BudgetLine } from '../../core/facts.js';
import { numberTokens, occursWhole, positionedLineText, wholeNumberKeys } from '../../eval/numbers.js';
import { scoreBudget } from '../../eval/score-budget.js';

const line = (p: Partial<BudgetLine>): BudgetLine => ({
  label: 'X',
  amountSek: 0,
  amountText: '0',
  period: null,
  kind: 'cost',
  source: null,
  section: null,
  page: 1,
  ...p,
});
const gold = (p: Partial<{ label: string; amountSek: number; amountText: string; kind: string; period: string | null; page: number }>) => ({
  label: 'X',
  amountSek: 0,
  amountText: '0',
  kind: 'cost',
  period: null,
  page: 1,
  ...p,
});

describe('eval whole-number check', () => {
  it('cuts adjacent Swedish amounts where their decimals end, and en-US numbers whole', () => {
    expect(numberTokens('Summa X 2 345 600,00 1 987 250,00')).toEqual(['2 345 600,00', '1 987 250,00']);
    expect(numberTokens('Net 3,983,166.42 and \u200b12 509 178,15\u200b')).toEqual(['3,983,166.42', '12 509 178,15']);
  });

  it('an amount cut out of a longer number is not whole; the number itself is', () => {
    const keys = wholeNumberKeys(['Summa X 2 345 600,00 1 987 250,00']);
    expect(occursWhole('987 250', keys)).toBe(false);
    expect(occursWhole('1 987 250,00', keys)).toBe(true);
    expect(occursWhole('−2 345 600,00 kr', keys)).toBe(true);
  });

  it('keeps two columns apart when positions show a cell gap, not at a thin digit-group space', () => {
    const items = [
      { text: 'Fastighetsskatt', x: 100, width: 80, height: 9 },
      { text: ' ', x: 180, width: 150, height: 9 },
      { text: '192', x: 339.3, width: 13.7, height: 9 },
      { text: ' ', x: 353, width: 2, height: 9 },
      { text: '000', x: 355, width: 13.7, height: 9 },
      { text: ' ', x: 368.7, width: 48, height: 9 },
      { text: '192', x: 416.7, width: 13.7, height: 9 },
      { text: ' ', x: 430.4, width: 2, height: 9 },
      { text: '000', x: 432.4, width: 13.7, height: 9 },
    ];
    const text = positionedLineText(items);
    expect(text).toBe('Fastighetsskatt\t192 000\t192 000');
    const keys = wholeNumberKeys([text]);
    expect(occursWhole('192 000', keys)).toBe(true);
    expect(occursWhole('192 000 192 000', keys)).toBe(false);
  });
});

describe('eval budget line matcher', () => {
  it('exact needs amount, folded label, kind and period; amount+label ignores kind and period', () => {
    const g = [
      gold({ label: 'Food – Main', amountSek: 885793, kind: 'income', period: '2025' }),
      gold({ label: 'Beer', amountSek: 267063, kind: 'income', period: '2025' }),
    ];
    const s = [
      line({ label: 'food - main', amountSek: 885793, kind: 'income' as BudgetLine['kind'], period: '2025' }),
      line({ label: 'Beer', amountSek: 267063, kind: 'cost', period: '2025' }),
    ];
    const r = scoreBudget(g, s, new Map());
    expect(r.exact).toBe(1);
    expect(r.amountLabel).toBe(2);
    expect(r.kindOrPeriodOff).toHaveLength(1);
    expect(r.wrong).toEqual([]);
  });

  it('counts the extractor’s grant as the gold’s financing', () => {
    const r = scoreBudget(
      [gold({ label: 'Nationsstöd', amountSek: 134405, kind: 'financing' })],
      [line({ label: 'Nationsstöd', amountSek: 134405, kind: 'grant' })],
      new Map(),
    );
    expect(r.exact).toBe(1);
  });

  it('matches on the same page only, one to one', () => {
    const g = [gold({ label: 'Subtotal', amountSek: 100, page: 1 })];
    const s = [
      line({ label: 'Subtotal', amountSek: 100, page: 2 }),
      line({ label: 'Subtotal', amountSek: 100, page: 1 }),
      line({ label: 'Subtotal', amountSek: 100, page: 1 }),
    ];
    const r = scoreBudget(g, s, new Map());
    expect(r.amountLabel).toBe(1);
    expect(r.systemOnGoldPages).toBe(2);
    expect(r.matchedOnGoldPages).toBe(1);
    // The duplicate carries an amount the gold has for that label: not a wrong amount.
    expect(r.wrong).toEqual([]);
  });

  it('a line whose label has other gold amounts on its page is a wrong amount (a tkr figure left unscaled)', () => {
    const g = [gold({ label: 'Bibliotek', amountSek: -13123000, period: '2025' })];
    const s = [line({ label: 'Bibliotek', amountSek: -13123, amountText: '-13 123', period: '2025' })];
    const r = scoreBudget(g, s, new Map());
    expect(r.wrong).toHaveLength(1);
    expect(r.wrong[0]!.reasons).toEqual(['label']);
    expect(r.wrong[0]!.want).toEqual([-13123000]);
  });

  it('a different period on the same label is not decidable, so not wrong', () => {
    const r = scoreBudget(
      [gold({ label: 'Bibliotek', amountSek: 5, period: '2025' })],
      [line({ label: 'Bibliotek', amountSek: 7, amountText: '7', period: '2024' })],
      new Map(),
    );
    expect(r.wrong).toEqual([]);
  });

  it('digits that are not a whole number on the page are a wrong amount, with or without gold', () => {
    const pageKeys = new Map([[1, wholeNumberKeys(['Summa X 2 345 600,00 1 987 250,00'])]]);
    const r = scoreBudget([], [line({ label: 'Summa X 2 345 600,00 1', amountSek: 987250, amountText: '987 250' })], pageKeys);
    expect(r.wrong.map((w) => w.reasons)).toEqual([['not-whole']]);
  });
});
