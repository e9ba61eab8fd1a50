/**
 * Budget lines from a document: every row of every money table (rebuilt from positioned text),
 * amounts in the economy cells of plan tables, and amounts stated in prose.
 */
import type { BudgetLine, PageText } from '../../core/facts.js';
import { printedNumberKeys, printedWhole } from '../layout/printed-numbers.js';
import { documentTables } from '../tables/continuation.js';
import { buildOutline } from './outline.js';
import { planColumns } from './plan-rows.js';
import { proseBudgetLines } from './budget-prose.js';
import { analyseMoneyTable, type Ctx, type MoneyTable } from './money-table.js';
import { moneyTableLines } from './money-table-lines.js';
import { planEconomyLines } from './plan-economy.js';

export function extractBudgetLines(pages: PageText[], given: Ctx): BudgetLine[] {
  const ctx: Ctx = { ...given, pages };
  const outline = buildOutline(pages);
  const out: BudgetLine[] = [];
  const consumed = new Set<string>();
  let prev: MoneyTable | null = null;
  const ledger = { accounts: false };
  for (const t of documentTables(pages)) {
    const cols = planColumns(t);
    if (cols) {
      out.push(...planEconomyLines(t, outline, ctx));
      for (const k of t.lineKeys) consumed.add(k);
      continue;
    }
    const money = analyseMoneyTable(t, outline, prev, ctx);
    if (money) {
      out.push(...moneyTableLines(money, ctx, ledger));
      for (const k of t.lineKeys) consumed.add(k);
      prev = money;
    }
  }
  out.push(...proseBudgetLines(pages, consumed, outline, ctx));
  return printedOnly(out, pages);
}

/** Drops every line whose amount is not printed as a whole number on its page (see printed-numbers.ts). */
function printedOnly(lines: BudgetLine[], pages: PageText[]): BudgetLine[] {
  const keys = new Map<number, Set<string>>();
  return lines.filter((l) => {
    const page = l.page === null ? undefined : pages.find((p) => p.pageNo === l.page);
    if (!page) return true;
    let k = keys.get(page.pageNo);
    if (!k) keys.set(page.pageNo, (k = printedNumberKeys(page)));
    return printedWhole(l.amountText, k);
  });
}
