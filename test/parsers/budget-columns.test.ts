/**
 * Money tables read by column position, never a wrong amount (issue 11): real PDFs written with
 * the test PDF writer, read back through pdf.js like any upload.
 * - a header row of years ("Ekonomi (tkr) 2024 2025") is a header: its unit applies and its years
 *   are no amounts; a deviation row (Budgetavvikelse) is no budget line; a row says what it is (Intäkter);
 * - two figure columns under one header cell stay two amounts ("1 026 655" and "226 590", not
 *   "1 026 655 226 590");
 * - rows printed at the line pitch with no padding are one row per line ("Byggnader" and "Summa …"
 *   each with their own figures, not "666 670 761 666 670 761");
 * - a "(tkr)" in a row label scales that row; a per-m² key is not money.
 */
import { describe, expect, it } from 'vitest';
import { brief, linesOf, row } from '../helpers/budget-pdf.js';

describe('money tables by column', () => {
  it('reads a year header with its unit, skips deviation rows, takes the kind from the row', async () => {
    const lines = await linesOf([
      [
        { x: 72, y: 80, text: 'Ekonomi', size: 16 },
        ...row(110, 'Ekonomi (tkr)', [300, '2024'], [380, '2025']),
        ...row(128, 'Intäkter', [294, '10 135'], [374, '11 251']),
        ...row(146, 'Kostnader', [290, '-69 731'], [370, '-73 300']),
        ...row(164, 'Budgetavvikelse', [311, '93'], [380, '1 070']),
      ],
    ]);
    expect(lines.map(brief)).toEqual([
      ['Intäkter', 10_135_000, '2024', 'income'],
      ['Intäkter', 11_251_000, '2025', 'income'],
      ['Kostnader', -69_731_000, '2024', 'cost'],
      ['Kostnader', -73_300_000, '2025', 'cost'],
    ]);
  });

  it('splits figure columns the header does not separate, and rows printed without padding', async () => {
    const lines = await linesOf([
      [
        { x: 72, y: 80, text: 'Balansräkning', size: 16 },
        ...row(110, 'Tillgångar', [300, '2021-12-31'], [400, '2020-12-31']),
        ...row(128, 'Byggnader', [300, '666 670 761'], [400, '670 174 119']),
        ...row(139.5, 'Summa materiella anläggningstillgångar', [300, '666 670 761'], [400, '670 174 119']),
        ...row(151, 'Lån/m² bostadsrättsyta', [330, '15 201'], [430, '15 450']),
        ...row(162.5, 'Nettoomsättning (tkr)', [335, '7 394'], [435, '6 645']),
        { x: 72, y: 220, text: 'Förändringar eget kapital', size: 16 },
        ...row(250, 'Eget kapital (kr)', [300, 'Belopp']),
        ...row(268, 'Fond för yttre underhåll', [300, '1 026 655'], [370, '226 590']),
        ...row(286, 'Balanserat resultat', [300, '-3 921 044'], [370, '-226 590']),
      ],
    ]);
    const got = lines.map((l) => [l.label, l.amountSek]);
    expect(got).toEqual(
      expect.arrayContaining([
        ['Byggnader', 666_670_761],
        ['Byggnader', 670_174_119],
        ['Summa materiella anläggningstillgångar', 666_670_761],
        ['Nettoomsättning (tkr)', 7_394_000],
        ['Fond för yttre underhåll', 1_026_655],
        ['Fond för yttre underhåll', 226_590],
      ]),
    );
    // Never an amount made of two figures, never a per-m² key.
    for (const l of lines) expect(Math.abs(l.amountSek)).toBeLessThan(1e10);
    expect(lines.filter((l) => l.label.includes('/m²'))).toEqual([]);
  });
});

describe('ledger reports', () => {
  it('skips account numbers, takes a header set apart from its rows, periods from the report and the prior-year column', async () => {
    const lines = await linesOf([
      [
        { x: 52, y: 60, text: 'Räkenskapsår 2025-01-01 - 2025-12-31' },
        { x: 330, y: 90, text: 'Period' },
        { x: 420, y: 90, text: 'Period fg år' },
        { x: 52, y: 112, text: 'INTÄKTER' },
        ...row(126, '3005', [105, 'Terminsavgift'], [330, '556 091,68'], [420, '481 158,42']).map((t) => (t.text === '3005' ? { ...t, x: 71 } : t)),
        ...row(139.5, '3010', [105, 'Food - Main'], [330, '885 792,69'], [420, '581 443,54']).map((t) => (t.text === '3010' ? { ...t, x: 71 } : t)),
        ...row(153, '3011', [105, 'Food - snacks'], [336, '49 181,69'], [426, '43 484,25']).map((t) => (t.text === '3011' ? { ...t, x: 71 } : t)),
      ],
    ]);
    expect(lines.filter((l) => l.label === 'Terminsavgift').map((l) => [l.amountSek, l.period, l.kind])).toEqual([
      [556_092, '2025', 'income'],
      [481_158, '2024', 'income'],
    ]);
    expect(lines.some((l) => l.amountSek === 3005 || l.label === '')).toBe(false);
  });

  it('reads en-US figures in a Swedish report whose rows are printed at the line pitch, with group labels between them', async () => {
    const lines = await linesOf([
      [
        { x: 360, y: 82, text: '2025-01-01 -' },
        { x: 435, y: 82, text: '2024-01-01 -' },
        ...row(96.5, 'RESULTATRÄKNING', [291, 'Noter'], [360, '2025-12-31'], [435, '2024-12-31']),
        { x: 72, y: 125.5, text: 'RÖRELSEINTÄKTER' },
        ...row(140, 'Nettoomsättning', [354, '3,983,166.42'], [435, '2,976,617.24']),
        ...row(154.5, 'Övriga rörelseintäkter', [362, '282,485.72'], [443, '148,066.10']),
        { x: 72, y: 183.5, text: 'RÖRELSEKOSTNADER' },
        ...row(198, 'Handelsvaror', [349, '-2,220,536.72'], [432, '-1,549,555.41']),
        ...row(212.5, 'Personalkostnader', [354, '-843,055.89'], [440, '-984,362.33']),
      ],
    ]);
    const got = lines.map((l) => [l.label, l.amountSek, l.period, l.kind]);
    expect(got).toEqual(
      expect.arrayContaining([
        ['Nettoomsättning', 3_983_166, '2025', 'income'],
        ['Nettoomsättning', 2_976_617, '2024', 'income'],
        ['Handelsvaror', -2_220_537, '2025', 'cost'],
        ['Personalkostnader', -984_362, '2024', 'cost'],
      ]),
    );
    for (const l of lines) expect(Math.abs(l.amountSek)).toBeLessThan(1e8);
  });
});
