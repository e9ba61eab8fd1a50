/**
 * What a money table's rows are (issue 11), on real PDFs written with the test PDF writer and read
 * back through pdf.js:
 * - figures without a label under labelled rows are the group's sum (note subtotals), even when
 *   rounding keeps them 1 kr off the rows above;
 * - in a table of grants ("Bidrag, tkr") the grants paid out are costs under any column;
 * - depreciation and write-downs are costs; dividends on holdings ("andelar") are money;
 * - a label wrapped onto two lines with the figures printed between them is one row.
 */
import { describe, expect, it } from 'vitest';
import type { BudgetLine } from '../../core/facts.js';
import { joinLabelsAroundFigures } from '../../parsers/layout/row-lines.js';
import type { Cell, TableRow } from '../../parsers/tables/types.js';
import { extractBudgetLines } from '../../parsers/facts/budget.js';
import { extractPdfText } from '../../parsers/pdf-text.js';
import { miniPdf, type PdfText } from '../helpers/mini-pdf.js';

const row = (y: number, label: string, ...cells: Array<[number, string]>): PdfText[] => [
  { x: 72, y, text: label },
  ...cells.map(([x, text]) => ({ x, y, text })),
];

async function linesOf(pages: PdfText[][]): Promise<BudgetLine[]> {
  const parsed = await extractPdfText(miniPdf(pages), { maxPages: 10 });
  return extractBudgetLines(parsed, { date: null, language: 'sv' });
}

const brief = (l: BudgetLine) => [l.label, l.amountSek, l.period, l.kind];

describe('money table rows', () => {
  it('reads an unlabelled note subtotal as a total with no label, also when it is off by rounding', async () => {
    const lines = await linesOf([
      [
        { x: 72, y: 80, text: 'Noter', size: 16 },
        ...row(110, 'Not 4 DRIFTKOSTNADER', [300, '2021'], [380, '2020']),
        ...row(128, 'Fastighetsskötsel', [300, '185 600'], [380, '184 529']),
        ...row(146, 'Städning', [300, '78 417'], [380, '75 999']),
        ...row(164, 'Hissbesiktning', [300, '7 410'], [380, '4 333']),
        { x: 300, y: 182, text: '271 428' },
        { x: 380, y: 182, text: '264 861' },
      ],
    ]);
    expect(lines.filter((l) => l.kind === 'total').map(brief)).toEqual([
      ['', 271_428, '2021', 'total'],
      ['', 264_861, '2020', 'total'],
    ]);
    expect(lines.filter((l) => l.label === 'Städning').map((l) => l.kind)).toEqual(['cost', 'cost']);
  });

  it('takes grants paid out as costs in a grants table, whatever its columns say', async () => {
    const lines = await linesOf([
      [
        { x: 72, y: 80, text: 'Bidrag', size: 16 },
        ...row(110, 'Bidrag, tkr', [300, 'Bokslut 2025'], [380, 'Budget 2025']),
        ...row(128, 'Driftbidrag', [300, '-925'], [380, '-925']),
        ...row(146, 'Utvecklingsbidrag', [300, '-198'], [380, '-342']),
        ...row(164, 'Totalt', [300, '-1 123'], [380, '-1 267']),
      ],
    ]);
    expect(lines.map(brief)).toEqual([
      ['Driftbidrag', -925_000, '2025', 'cost'],
      ['Driftbidrag', -925_000, '2025', 'cost'],
      ['Utvecklingsbidrag', -198_000, '2025', 'cost'],
      ['Utvecklingsbidrag', -342_000, '2025', 'cost'],
      ['Totalt', -1_123_000, '2025', 'total'],
      ['Totalt', -1_267_000, '2025', 'total'],
    ]);
  });

  it('reads depreciation as a cost and keeps dividends on holdings', async () => {
    const lines = await linesOf([
      [
        { x: 72, y: 80, text: 'Resultatrapport', size: 16 },
        ...row(110, 'Konto', [300, 'Period'], [400, 'Period fg år']),
        ...row(128, 'Avskrivningar på inventarier', [300, '-12 763,35'], [400, '-12 763,35']),
        ...row(146, 'Utdelningar på andelar i andra företag', [300, '498 604,58'], [400, '467 352,65']),
        ...row(164, 'Nedskrivningar av finansiella placeringar', [300, '0,00'], [400, '-243 719,00']),
      ],
    ]);
    const kinds = Object.fromEntries(lines.map((l) => [l.label, l.kind]));
    expect(kinds).toEqual({
      'Avskrivningar på inventarier': 'cost',
      'Utdelningar på andelar i andra företag': 'income',
      'Nedskrivningar av finansiella placeringar': 'cost',
    });
  });

  it('joins a label wrapped around its figures', () => {
    // Rows as the row finder gives them for a ledger row whose label wraps and whose figures sit
    // between its two lines (label 233.8 and 242.9, figures 238.4): a label row without figures,
    // then a figure row without label.
    const cell = (lines: string[], ys: number[]): Cell => ({ lines, ys, y: ys[0] ?? null });
    const empty = (): Cell => ({ lines: [], ys: [], y: null });
    const rows: TableRow[] = [
      { y: 220, page: 2, cells: [cell(['5460'], [220]), cell(['Förbrukning material'], [220]), cell(['-252 648,75'], [220]), cell(['-118 918,37'], [220])] },
      {
        y: 233.8,
        page: 2,
        cells: [cell(['5520'], [233.8]), cell(['Repairs and maintenance of equipment, tools,', 'computers, etc'], [233.8, 242.9]), empty(), empty()],
      },
      { y: 238.4, page: 2, cells: [empty(), empty(), cell(['-17 928,07'], [238.4]), cell(['-13 780,10'], [238.4])] },
      {
        y: 256,
        page: 2,
        cells: [cell(['5600'], [256]), cell(['Kostnader för transportmedel'], [256]), cell(['-95 274,62'], [256]), cell(['-81 450,96'], [256])],
      },
    ];
    const joined = joinLabelsAroundFigures(rows, [2, 3], [0, 1]);
    expect(joined.map((r) => r.cells.map((c) => c.lines.join(' ')))).toEqual([
      ['5460', 'Förbrukning material', '-252 648,75', '-118 918,37'],
      ['5520', 'Repairs and maintenance of equipment, tools, computers, etc', '-17 928,07', '-13 780,10'],
      ['5600', 'Kostnader för transportmedel', '-95 274,62', '-81 450,96'],
    ]);
    // A group label over a figure row (one line, above it) is not joined.
    const group: TableRow[] = [
      { y: 100, page: 1, cells: [empty(), cell(['Personalkostnader'], [100]), empty(), empty()] },
      { y: 113, page: 1, cells: [empty(), empty(), cell(['-2 512,00'], [113]), cell(['-2 647,50'], [113])] },
    ];
    expect(joinLabelsAroundFigures(group, [2, 3], [0, 1])).toHaveLength(2);
  });
});
