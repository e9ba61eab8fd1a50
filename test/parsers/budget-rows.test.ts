/**
 * What a money table's rows are (issue 11), on real PDFs written with the test PDF writer and read
 * back through pdf.js:
 * - figures without a label under labelled rows are the group's sum (note subtotals), even when
 *   rounding keeps them 1 kr off the rows above;
 * - in a table of grants ("Bidrag, tkr") the grants paid out are costs under any column;
 * - depreciation and write-downs are costs; dividends on holdings ("andelar") are money;
 * - a label wrapped onto two lines with the figures printed between them is one row;
 * - figures of two columns set closer than a column gap are two figures ("20,068 15,127"), and a
 *   group label under a sum row's label is no part of it;
 * - a word the cell edge broke without a hyphen is joined without a space.
 */
import { describe, expect, it } from 'vitest';
import type { PageLine, TextItem } from '../../core/facts.js';
import { joinLabelsAroundFigures, splitLabelsAtGaps } from '../../parsers/layout/row-lines.js';
import { lineSegments } from '../../parsers/tables/segments.js';
import { cellFlat } from '../../parsers/tables/cell-text.js';
import type { Cell, TableRow } from '../../parsers/tables/types.js';
import { markWordBreaks } from '../../parsers/tables/word-breaks.js';
import { brief, linesOf, row } from '../helpers/budget-pdf.js';

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
  it('splits figures of two columns set closer than a column gap', () => {
    // Items of a real sum row (mnkr with three decimals): "20,068" ends 8 pt before "15,127" starts.
    const item = (text: string, x: number, width: number): TextItem => ({ text, x, width, y: 656.9, height: 11 });
    const items = [
      item('Summa pågående projekt', 73.8, 121),
      item(' ', 194.8, 56.1),
      item('20,068', 251, 30.4),
      item(' ', 281.3, 8.3),
      item('15,1', 289.6, 19.3),
      item('27', 308.9, 11),
      item(' ', 320, 26.2),
      item('4 941', 346.1, 24.8),
    ];
    const line: PageLine = { y: 656.9, x: 73.8, text: '', items };
    expect(lineSegments(line).map((s) => s.text)).toEqual(['Summa pågående projekt', '20,068', '15,127', '4 941']);
    // Thin spaces inside a number do not split it, nor does a figure without decimals.
    const grouped: PageLine = { y: 0, x: 300, text: '', items: [item('1', 300, 5.5), item('987', 308, 16.5), item('250,00', 327, 30)] };
    expect(lineSegments(grouped).map((s) => s.text)).toEqual(['1 987 250,00']);
  });

  it('cuts a group label off a sum row label after a blank line', () => {
    const rows: TableRow[] = [
      {
        y: 342,
        page: 21,
        cells: [
          { lines: ['Summa färdigställda', 'projekt', '', '', 'Pågående projekt'], ys: [342, 355, NaN, NaN, 391], y: 342 },
          { lines: ['0,925'], ys: [342], y: 342 },
          { lines: ['0,742'], ys: [342], y: 342 },
        ],
      },
    ];
    expect(splitLabelsAtGaps(rows, [1, 2], [0]).map((r) => r.cells.map((c) => c.lines.join(' / ')))).toEqual([
      ['Summa färdigställda / projekt', '0,925', '0,742'],
      ['Pågående projekt', '', ''],
    ]);
  });

  it('joins a word the cell edge broke without a hyphen', () => {
    // Lines of one label column as a Word table sets them (x from a real budget): the broken word
    // fills the cell up to the next column at 286; "Valfisken inklusive" wraps at a space.
    const cols = [
      [
        { y: 251, text: 'Valfisken inklusive', x0: 151.8, x1: 238.1 },
        { y: 263.6, text: 'gamingrum', x0: 151.8, x1: 201.2 },
        { y: 282.3, text: 'Ombyggnad/tillgängliggöran', x0: 151.8, x1: 279.4 },
        { y: 294.9, text: 'de Hafreborg', x0: 151.8, x1: 210.2 },
        { y: 566, text: 'Sorteringsanläggning', x0: 151.8, x1: 250.3 },
        { y: 578.6, text: 'biblioteket', x0: 151.8, x1: 200.5 },
      ],
      [{ y: 251, text: '1 450', x0: 286.5, x1: 311.3 }],
    ];
    markWordBreaks(cols, [151.8, 286], 11);
    const cell = (k: number): Cell => ({ lines: cols[0]!.slice(k, k + 2).map((l) => l.text), y: null });
    expect([0, 2, 4].map((k) => cellFlat(cell(k)))).toEqual([
      'Valfisken inklusive gamingrum',
      'Ombyggnad/tillgängliggörande Hafreborg',
      'Sorteringsanläggning biblioteket',
    ]);
  });
});
