/**
 * Budget tables read by column on real documents (the dev budgets of ../shared/corpus/real; never
 * copied here, skipped when the corpus is absent). One case per general rule:
 * - sum and result rows are totals (Subtotal, RÖRELSERESULTAT, Redovisat resultat), a grant among
 *   incomes is financing, a row group (Utgifter) says what the rows below it are;
 * - account numbers before labels are dropped on every page of a ledger;
 * - priority, status and project-number columns are neither amounts nor labels; a total column has
 *   the table's kind and no single period; a table continued on the next page keeps its columns;
 * - a table set inside a wider column (annual-report notes) gets its figure columns, with the
 *   years its own header row names;
 * - a label line without figures above a row with its own capitalised label is a group label.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BudgetLine } from '../../core/facts.js';
import { findCorpusDir } from '../../eval/corpus.js';
import { extractBudgetLines } from '../../parsers/facts/budget.js';
import { extractPdfText } from '../../parsers/pdf-text.js';

const corpus = findCorpusDir().dir;
const budgets = corpus ? path.join(corpus, 'budgets') : null;
if (!budgets) console.info('budget-real: no real corpus (../shared/corpus/real), skipped');

const cache = new Map<string, BudgetLine[]>();
async function linesOf(num: string): Promise<BudgetLine[]> {
  let lines = cache.get(num);
  if (!lines) {
    const pages = await extractPdfText(new Uint8Array(readFileSync(path.join(budgets!, `${num}.pdf`))), { maxPages: 200 });
    lines = extractBudgetLines(pages, { date: null, language: 'sv' });
    cache.set(num, lines);
  }
  return lines;
}

const pick = (lines: BudgetLine[], page: number, label: string) =>
  lines.filter((l) => l.page === page && l.label === label).map((l) => [l.amountSek, l.kind, l.period]);

describe.skipIf(!budgets)('budget tables on real documents', () => {
  beforeAll(async () => {
    await Promise.all(['01', '04', '05', '08'].map(linesOf));
  }, 60_000);

  it('a student budget: Subtotal rows are totals, a grant under Intäkter is financing, rows under Utgifter are costs', async () => {
    const lines = await linesOf('01');
    expect(pick(lines, 1, 'Subtotal')).toEqual([
      [-7100, 'total', null],
      [25000, 'total', null],
      [66800, 'total', null],
    ]);
    expect(pick(lines, 1, 'Sektionen för Medietekniks bidrag')).toEqual([[25000, 'financing', null]]);
    expect(pick(lines, 1, 'Teaterhyra')).toEqual([[-55600, 'cost', null]]);
    expect(lines.find((l) => l.label === 'Teaterhyra')?.section).toContain('Utgifter');
  });

  it('a ledger: account numbers are dropped on both pages, result rows are totals, group rows give the section', async () => {
    const lines = await linesOf('04');
    expect(lines.some((l) => /^\d{4} /.test(l.label))).toBe(false);
    expect(pick(lines, 1, 'Vatten')).toEqual([[-149469, 'cost', '2025']]);
    expect(pick(lines, 2, 'Ränteintäkter')).toEqual([[2646, 'income', '2025']]);
    expect(pick(lines, 1, 'RÖRELSERESULTAT')).toEqual([[-17600, 'total', '2025']]);
    expect(pick(lines, 2, 'Redovisat resultat')).toEqual([[14954, 'total', '2025']]);
    expect(lines.find((l) => l.label === 'Vatten')?.section).toMatch(/RÖRELSEKOSTNADER \/ Administrativa kostnader$/);
  });

  it('a multi-year plan: priority, status and project numbers are no amounts, a total column has no period, the table goes on over the page', async () => {
    const lines = await linesOf('08');
    expect(pick(lines, 4, 'Utrustning uppstart Korsavadsanläggningen')).toEqual([
      [1_000_000, 'budget', '2027'],
      [500_000, 'budget', '2028'],
      [1_500_000, 'budget', null],
    ]);
    // "150" in 2031 stays apart from "årligen, löpande" printed under Total utgift.
    expect(pick(lines, 4, 'Digitalisering av bibliotek').map((r) => r[2])).toEqual(['2027', '2028', '2029', '2030', '2031']);
    expect(lines.some((l) => l.page === 4 && [6289, 6012, 6155, 6011].includes(l.amountSek))).toBe(false);
    expect(pick(lines, 5, 'Reinvesteringar')).toEqual(['2027', '2028', '2029', '2030', '2031'].map((y) => [1_200_000, 'budget', y]));
    expect(pick(lines, 5, 'Summa investeringsbudget').map((r) => r[2])).toEqual(['2027', '2028', '2029', '2030', '2031', null]);
  });

  it('annual-report notes: a table inside the note column, its years from its own header row', async () => {
    const lines = await linesOf('05');
    expect(pick(lines, 11, 'Årsavgifter')).toEqual([
      [4_383_289, 'income', '2021'],
      [4_385_869, 'income', '2020'],
    ]);
    expect(lines.some((l) => l.page === 11 && (l.amountSek === 2021 || l.amountSek === 2020))).toBe(false);
    expect(pick(lines, 8, 'Driftkostnader')).toEqual([
      [-2_834_798, 'cost', '2021'],
      [-2_352_377, 'cost', '2020'],
    ]);
    expect(pick(lines, 8, 'ÅRETS RESULTAT').map((r) => r[1])).toEqual(['total', 'total']);
    // A group label above a row that has its own capitalised label heads a group; it is no part of the label.
    const balanserat = lines.filter((l) => l.page === 6 && l.label === 'Balanserat resultat');
    expect(balanserat.map((l) => l.amountSek)).toContain(-3_921_044);
    expect(balanserat[0]?.section).toMatch(/Ansamlad förlust$/);
  });
});
