import type { PageText, PlanActivity } from '../../core/facts.js';
import { documentTables } from '../tables/continuation.js';
import { buildOutline } from './outline.js';
import { planColumns, planRows } from './plan-rows.js';

/**
 * Activities of an action plan's goal/activity tables. Each activity row gives one entry (ref
 * "1.1", "B.1"); each goal that carries its own reference ("B", "8") gives one more entry, because
 * plans price and cross-reference work by either level ("B … 375 000", "2.1, 5, 6.1").
 */
export function extractPlanActivities(pages: PageText[]): PlanActivity[] {
  const outline = buildOutline(pages);
  const out: PlanActivity[] = [];
  for (const t of documentTables(pages)) {
    const cols = planColumns(t);
    if (!cols) continue;
    const seenGoals = new Set<string>();
    for (const r of planRows(t, cols)) {
      const area = outline.areaAt(r.row.page, r.row.y);
      if (r.goalStarts && r.goalRef && !seenGoals.has(r.goalRef)) {
        seenGoals.add(r.goalRef);
        out.push({
          ref: r.goalRef,
          name: r.goalName ?? r.goalText ?? '',
          goal: null,
          responsible: r.responsible,
          timeline: r.timeline,
          area,
          page: r.row.page,
        });
      }
      if (r.activityName || r.activityRef) {
        out.push({
          ref: r.activityRef,
          name: r.activityName ?? '',
          goal: r.goalText,
          responsible: r.responsible,
          timeline: r.timeline,
          area,
          page: r.row.page,
        });
      }
    }
  }
  return out;
}
