import { describe, expect, it } from 'vitest';
import { amountAsPrinted } from '../../answers/facts-budget.js';

describe('budget answers state amounts as the cited quote prints them', () => {
  it('keeps kronor when the quote prints them', () => {
    expect(amountAsPrinted({ amount_sek: 375000, amount_text: '375 000', quote: 'B Projektledare 375 000' })).toBe('375 000 kr');
  });

  it('says tkr for a thousands table instead of a conversion the quote lacks', () => {
    // 2025 Årsbokslut p. 33: "Bibliotek −13 123" in a tkr table was answered "−13 123 000 kr".
    expect(amountAsPrinted({ amount_sek: -13123000, amount_text: '−13 123', quote: 'Bibliotek −13 123 −13 152' })).toBe('−13 123 tkr');
  });

  it('says mnkr for a millions table', () => {
    expect(amountAsPrinted({ amount_sek: 2400000, amount_text: '2,4', quote: 'Löparbana Korsavad (6151) 2,4' })).toBe('2,4 mnkr');
  });
});
