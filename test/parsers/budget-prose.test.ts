/**
 * Amounts in running text (issue 11), on text shaped like municipal budget instructions:
 * - a year in the sentence's subject dates the amount, and what the subject names (depreciation)
 *   is the kind, over a "financed" somewhere in the sentence;
 * - a part of the amount before it ("varav …") does not take the subject's label;
 * - a listing "2,5 mnkr för X och 1 mnkr för Y" gives each amount its own purpose;
 * - a sentence that names no kind takes its paragraph's.
 */
import { describe, expect, it } from 'vitest';
import { extractBudgetLines } from '../../parsers/facts/budget.js';
import { textToPages } from '../../parsers/text-pages.js';

const linesOf = (text: string) => extractBudgetLines(textToPages(text), { date: null, language: 'sv' });

describe('amounts in running text', () => {
  it('dates and kinds an amount by its subject, and keeps a part out of it', () => {
    const lines = linesOf(
      'Investeringsbudget\n\nNämnderna ska beakta de finansiella målen. Avskrivningarna 2028 beräknades i budgetarbetet till 81 mnkr, varav 60 mnkr inom den skattefinansierade verksamheten.',
    );
    expect(lines.map((l) => [l.amountSek, l.kind, l.period])).toEqual([
      [81_000_000, 'cost', '2028'],
      [60_000_000, 'financing', null],
    ]);
    expect(lines[0]!.label).toBe('Avskrivningarna 2028');
    expect(lines[1]!.label).not.toBe('Avskrivningarna 2028');
  });

  it('gives each listed amount its own purpose and the paragraph its kind', () => {
    const lines = linesOf(
      'Regler\n\nNämnden får öka budgeten för ett godkänt projekt med högst 10 %. Ökningen får dock inte överstiga 3 mnkr för byggnadsnämnden och 2 mnkr för övriga nämnder.',
    );
    expect(lines.map((l) => [l.label, l.amountSek, l.kind])).toEqual([
      ['byggnadsnämnden', 3_000_000, 'budget'],
      ['övriga nämnder', 2_000_000, 'budget'],
    ]);
  });
});
