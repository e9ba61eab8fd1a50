import type { BudgetLine, PageText } from '../../core/facts.js';

/** Placeholder until the budget extractor lands: every budget table row and prose amount. */
export function extractBudgetLines(_pages: PageText[], _ctx: { date: string | null; language: 'sv' | 'en' }): BudgetLine[] {
  return [];
}
