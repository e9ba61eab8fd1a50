/**
 * Budget lines from the economy cells of plan tables (activity plans whose "Ekonomi" column states
 * amounts and their funding in words).
 */
import type { BudgetLine } from '../../core/facts.js';
import { findMoney } from '../money.js';
import { cellParagraphs } from '../tables/cell-text.js';
import type { Table } from '../tables/types.js';
import { fundingSource } from './budget-source.js';
import type { Outline } from './outline.js';
import { planColumns, planRows } from './plan-rows.js';
import { periodIn } from './budget-periods.js';
import type { Ctx } from './money-table.js';

export function planEconomyLines(t: Table, outline: Outline, ctx: Ctx): BudgetLine[] {
  const cols = planColumns(t)!;
  if (cols.economy < 0) return [];
  const out: BudgetLine[] = [];
  for (const r of planRows(t, cols)) {
    const paras = cellParagraphs(r.economy);
    if (paras.length === 0) continue;
    const text = paras.join('\n').slice(0, 2000);
    const found = findMoney(text, ctx.language).filter((m) => m.hasUnit || m.grouped);
    if (found.length === 0) continue;
    const label = r.activityRef || r.activityName ? [r.activityRef, r.activityName].filter(Boolean).join(' ') : (r.goalText ?? '');
    const area = outline.areaAt(r.row.page, r.row.y);
    const heading = outline.sectionAt(t.page, t.top);
    const section = area && heading && !heading.includes(area) ? `${area} – ${heading}` : (heading ?? area);
    const period = periodSpan(r.timeline) ?? periodIn(r.groupLabel);
    const sources = found.map((m, k) => {
      const next = found[k + 1];
      const tail = text.slice(m.end, next ? next.index : text.length);
      const paras = tail.split('\n');
      const own = fundingSource(paras[0] ?? '');
      if (own || next) return own;
      for (const p of paras.slice(1)) {
        const s = fundingSource(p);
        if (s) return s;
      }
      return null;
    });
    const distinct = new Set(sources.filter(Boolean));
    found.forEach((m, k) => {
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      const partOf = /varav\s*$/i.test(before) || (k > 0 && /varav/i.test(text.slice(found[0]!.end, m.index)));
      const after = text.slice(m.end, m.end + 8);
      const source = sources[k] ?? (distinct.size === 1 && !/^\s*,?\s*varav/i.test(after) ? [...distinct][0]! : null);
      out.push({
        label,
        amountSek: m.amountSek,
        amountText: m.text,
        period,
        kind: partOf ? 'financing' : 'budget',
        source,
        section,
        page: r.row.page,
        quote: text
          .replace(/\n/g, ' ')
          .slice(Math.max(0, m.index - 40), m.end + 60)
          .trim(),
      });
    });
  }
  return out;
}

/** Years named in a timeline cell: one year, or the first–last range ("september 2015 – augusti 2016" → "2015-2016"). */
function periodSpan(text: string | null): string | null {
  if (!text) return null;
  const years = [...text.slice(0, 300).matchAll(/(?<!\d)(?:19|20)\d{2}(?!\d)/g)].map((m) => Number(m[0]));
  if (years.length === 0) return null;
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return lo === hi ? String(lo) : `${lo}-${hi}`;
}
