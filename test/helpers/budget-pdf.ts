/** Budget tables drawn as small PDFs (mini-pdf.ts) and read back through the real extraction. */
import type { BudgetLine } from '../../core/facts.js';
import { extractBudgetLines } from '../../parsers/facts/budget.js';
import { extractPdfText } from '../../parsers/pdf-text.js';
import { miniPdf, type PdfText } from './mini-pdf.js';

/** A table row: its label at the left margin and its cells at the given x positions. */
export const row = (y: number, label: string, ...cells: Array<[number, string]>): PdfText[] => [
  { x: 72, y, text: label },
  ...cells.map(([x, text]) => ({ x, y, text })),
];

export async function linesOf(pages: PdfText[][]): Promise<BudgetLine[]> {
  const parsed = await extractPdfText(miniPdf(pages), { maxPages: 10 });
  return extractBudgetLines(parsed, { date: null, language: 'sv' });
}

export const brief = (l: BudgetLine) => [l.label, l.amountSek, l.period, l.kind];
