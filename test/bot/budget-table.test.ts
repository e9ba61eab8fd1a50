/**
 * The summary of a budget document shows its main table's lines under their area/section labels
 * (issue 11): the largest table, row by row, its figures per column with kind and period. Real
 * inputs: a seed action plan (always here) and a real ledger from ../shared/corpus/real (skipped
 * when absent).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mainTable, mainTableText } from '../../bot/logic/budget-table.js';
import { formatSek, summaryCard, type Summary } from '../../bot/logic/summary.js';
import type { BudgetLine } from '../../core/facts.js';
import { findCorpusDir } from '../../eval/corpus.js';
import { extractBudgetLines } from '../../parsers/facts/budget.js';
import { extractPdfText } from '../../parsers/pdf-text.js';

async function linesOf(file: string): Promise<BudgetLine[]> {
  const pages = await extractPdfText(new Uint8Array(readFileSync(file)), { maxPages: 500 });
  return extractBudgetLines(pages, { date: null, language: 'sv' });
}

const summary = (lines: BudgetLine[]): Summary => ({
  documentId: '00000000-0000-0000-0000-000000000001',
  fileName: 'budget.pdf',
  title: 'Budget',
  kind: 'report',
  date: null,
  organisation: null,
  pages: 2,
  present: [],
  absent: [],
  actionItems: [],
  decisions: [],
  nextMeeting: null,
  budgetTotals: lines.filter((l) => l.kind === 'total').map((l) => ({ kind: l.kind, label: l.label, amountSek: l.amountSek })),
  budgetTable: mainTable(lines),
});

const cardText = (card: Record<string, unknown>) => JSON.stringify(card.body);

describe('main budget table in the summary', () => {
  it('a follow-up report: its largest table under its heading, each row with its budget and outcome', async () => {
    const lines = await linesOf('test/fixtures/lokal-namnd-kungsbacka-2021-uppfoljningsrapport-2-bildspel.pdf');
    const t = mainTable(lines)!;
    expect(t.title).toBe('Utvecklingsmedel');
    expect(t.rows.find((r) => r.label === 'Föräldrastöd')).toEqual({
      group: null,
      label: 'Föräldrastöd',
      figures: [
        { amountSek: 70_000, kind: 'budget', period: '2020' },
        { amountSek: 6_000, kind: 'outcome', period: '2020' },
      ],
    });
    const text = cardText(summaryCard(summary(lines), null));
    expect(text).toContain('Budget – Utvecklingsmedel');
    expect(text).toContain('- Föräldrastöd: 70 000 kr (budget 2020) · 6 000 kr (utfall 2020)');
  });

  it('few lines: no table, the totals as before', () => {
    const lines: BudgetLine[] = [{ label: 'Summa', amountSek: 5000, amountText: '5 000', period: null, kind: 'total', source: null, section: null, page: 1 }];
    expect(mainTable(lines)).toBeNull();
    expect(cardText(summaryCard(summary(lines), null))).toContain('Budget (summor)');
  });

  const corpus = findCorpusDir().dir;
  it.skipIf(!corpus)('a real ledger: rows under their group labels, one bold line where the group changes', async () => {
    const lines = await linesOf(path.join(corpus!, 'budgets', '04.pdf'));
    const t = mainTable(lines)!;
    expect(t.rows.find((r) => r.label === 'Vatten')).toEqual({
      group: 'RÖRELSEKOSTNADER / Administrativa kostnader',
      label: 'Vatten',
      figures: [{ amountSek: -149_469, kind: 'cost', period: '2025' }],
    });
    const text = mainTableText(t, formatSek, 40);
    const at = text.indexOf('**RÖRELSEKOSTNADER › Administrativa kostnader**');
    expect(at).toBeGreaterThan(0);
    expect(text[at + 1]).toBe('- Vatten: -149 469 kr (kostnad 2025)');
    expect(text.filter((l) => l === '**RÖRELSEKOSTNADER › Administrativa kostnader**')).toHaveLength(1);
  });
});
