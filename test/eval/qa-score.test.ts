import { describe, expect, it } from 'vitest';
import { amountTokens, findInvented, judgeAnswer, nameCandidates } from '../../eval/qa-score.js';

describe('eval answer matcher (corpus README rule)', () => {
  it('passes when the answer, lower-cased and without any whitespace, contains a gold string (any)', () => {
    const q = { answers: ['55600'], match: 'any' as const };
    expect(judgeAnswer(q, { answer: 'Teaterhyra: −55 600 kr', found: true })).toBe(true);
    expect(judgeAnswer(q, { answer: 'Teaterhyra: 55\u00a0600 kr', found: true })).toBe(true);
    expect(judgeAnswer(q, { answer: 'Teaterhyra: 5 560 kr', found: true })).toBe(false);
  });

  it('removes zero-width characters and ignores case', () => {
    const q = { answers: ['Lokalhyra'], match: 'any' as const };
    expect(judgeAnswer(q, { answer: 'LOKAL\u200bHYRA är störst', found: true })).toBe(true);
  });

  it('needs every gold string for match "all"', () => {
    const q = { answers: ['300', 'hyreshöjning'], match: 'all' as const };
    expect(judgeAnswer(q, { answer: 'Ökat med 300 kr på grund av en hyreshöjning', found: true })).toBe(true);
    expect(judgeAnswer(q, { answer: 'Ökat med 300 kr', found: true })).toBe(false);
  });

  it('an unanswerable question passes only when the system abstains', () => {
    const q = { answers: [], match: 'any' as const };
    expect(judgeAnswer(q, { answer: 'Det framgår inte av gruppens dokument.', found: false })).toBe(true);
    expect(judgeAnswer(q, { answer: 'Budget 2030: 5 000 kr', found: true })).toBe(false);
  });
});

describe('eval invented-answer detector', () => {
  it('amount tokens: ≥ 3 digits or grouped; bare years are not amounts, years with a currency are', () => {
    expect(amountTokens('Bibliotek: −13 123 000 kr, 2025; 12 st; 4,5 %; 1,234.50')).toEqual(['13 123 000', '1,234.50']);
    expect(amountTokens('2016 kr')).toEqual(['2016']);
    expect(amountTokens('Källa: protokoll 2026-03-02, s. 12')).toEqual([]);
    expect(amountTokens('Öppna uppgifter (110) (och 100 till): Budget (120) 2 500 000')).toEqual(['120', '2 500 000']);
    expect(amountTokens('Open items (110) (and 100 more):')).toEqual([]);
  });

  it('flags an amount that is not printed in any cited quote', () => {
    const inv = findInvented('Bibliotek: −13 123 000 kr', ['Bibliotek -13 123 -13 152 29']);
    expect(inv.amounts).toEqual(['13 123 000']);
  });

  it('accepts an amount printed in a quote, whatever its grouping or notation', () => {
    expect(findInvented('Terminsavgift: 556 091,68 kr', ['3005 Terminsavgift 556\u00a0091,68 556 091,68']).amounts).toEqual([]);
    expect(findInvented('Net income 3 983 166,42', ['Net income 3,983,166.42']).amounts).toEqual([]);
    expect(findInvented('Summa 22000 kr', ['Summa 22 000']).amounts).toEqual([]);
  });

  it('does not accept digits cut out of a longer number in the quote', () => {
    expect(findInvented('Summa: 987 250 kr', ['Summa X 2 345 600,00 1 987 250,00']).amounts).toEqual(['987 250']);
  });

  it('ignores numbers inside the cited document names', () => {
    const inv = findInvented('Enligt Mål och handlingsplan 2016-2018 (s. 7): 375 000 kr', ['B.1 Kartläggning 375 000 kr'], ['Mål och handlingsplan 2016-2018']);
    expect(inv).toEqual({ amounts: [], names: [] });
  });

  it('flags a person-like name absent from the quotes; accepts one present, also as "Last, First"', () => {
    expect(findInvented('Ansvarig: Anna Berg', ['Ansvarig: Per Holm']).names).toEqual(['Anna Berg']);
    expect(findInvented('Ordförande: Eddie Uggla', ['Ordf: Uggla, Eddie']).names).toEqual([]);
    expect(findInvented('Ordförande: Eddie Uggla', ['ordf: EDDIE UGGLA']).names).toEqual([]);
  });

  it('name candidates skip phrase words and all-capital headings', () => {
    expect(nameCandidates('Enligt Protokollet var Anna Berg där. SUMMA KOSTNADER ökade.')).toEqual(['Anna Berg']);
  });
});
