import { describe, expect, it } from 'vitest';
import { findMoney, parseMoney, parseMoneyCell, statedUnitMultiplier } from '../../parsers/money.js';

describe('parseMoney (one written amount → integer SEK)', () => {
  it.each([
    ['1 310 000', 1_310_000],
    ['1 310 000 kr', 1_310_000],
    ['7 500 000 kronor', 7_500_000],
    ['375 tkr', 375_000],
    ['2,5 mnkr', 2_500_000],
    ['3 miljoner', 3_000_000],
    ['1,2 miljarder', 1_200_000_000],
    ['1\u00A0310\u00A0000 kr', 1_310_000],
    ['1\u202F310\u202F000', 1_310_000],
    ['-2 800 000', -2_800_000],
    ['\u2212955 990', -955_990],
    ['– 3 186 633', -3_186_633],
    ['60 000', 60_000],
    ['14 236 833 SEK', 14_236_833],
  ])('%s → %d', (text, sek) => {
    expect(parseMoney(text)).toBe(sek);
  });

  it('reads dashes and percentages as not-amounts', () => {
    expect(parseMoneyCell('-')).toEqual({ kind: 'dash', text: '-' });
    expect(parseMoneyCell('–')?.kind).toBe('dash');
    expect(parseMoneyCell('54 %')?.kind).toBe('percent');
    expect(parseMoney('Lokala medel')).toBeNull();
  });

  it('applies a table unit to unitless cells, not to cells with their own unit', () => {
    expect(parseMoneyCell('1 163', 1000)).toMatchObject({ kind: 'amount', amountSek: 1_163_000 });
    expect(parseMoneyCell('2 mnkr', 1000)).toMatchObject({ kind: 'amount', amountSek: 2_000_000 });
  });

  it('finds the unit a caption states', () => {
    expect(statedUnitMultiplier('Budget (tkr)')).toBe(1000);
    expect(statedUnitMultiplier('Belopp i mnkr')).toBe(1_000_000);
    expect(statedUnitMultiplier('Utfall budget UR2 2020')).toBeNull();
  });

  it('reads English grouping when asked', () => {
    expect(parseMoney('SEK 1,310,000', 'en')).toBe(1_310_000);
    expect(parseMoney('1.2 million', 'en')).toBe(1_200_000);
  });
});

describe('findMoney (amounts in running text)', () => {
  it('finds amounts with units and grouping, as written', () => {
    const found = findMoney('Preliminär fördelning av kostnad är 2 500 000 kr under 2020 och 5 000 000 kr under 2021.');
    expect(found.map((m) => [m.text, m.amountSek])).toEqual([
      ['2 500 000 kr', 2_500_000],
      ['5 000 000 kr', 5_000_000],
    ]);
    expect(findMoney('Maxbelopp att söka är 100 000 kr.').map((m) => m.text)).toEqual(['100 000 kr']);
    expect(findMoney('finns 75 tkr avsatta och ytterligare 300 tkr').map((m) => m.amountSek)).toEqual([75_000, 300_000]);
    expect(findMoney('en kunskapssatsning (200 miljoner) för äldreomsorg').map((m) => m.amountSek)).toEqual([200_000_000]);
  });

  it('skips years, dates, percentages, phone numbers, paragraphs and plain counts', () => {
    const text =
      'Mötet 2015-12-31 under 2016-2018, § 12, 20 % av 300 anställda, tel 010-476 19 00, ' +
      'ring 035 13 48 00, org.nr 232100-0115, 7,5 hp och 30 deltagare år 2020.';
    expect(findMoney(text)).toEqual([]);
  });

  it('does not read a hyphen glued to a word as a minus sign', () => {
    expect(findMoney('Riktat statsbidrag LOB-2 000 kr')[0]?.amountSek).toBe(2000);
    expect(findMoney('varav -2 800 000 kr')[0]?.amountSek).toBe(-2_800_000);
  });

  // A catastrophically backtracking pattern would hang here; speed itself is for `npm run bench`.
  it('gets through hostile input and still finds nothing that is not money', () => {
    const hostile = '1 '.repeat(50_000) + 'x' + '9'.repeat(50_000);
    expect(findMoney(hostile)).toEqual([]);
    expect(findMoney(`${hostile} men 100 000 kr`).map((m) => m.amountSek)).toEqual([100_000]);
  });
});
