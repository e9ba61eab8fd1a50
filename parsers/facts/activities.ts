import type { PageText, PlanActivity } from '../../core/facts.js';

/** Placeholder until the plan-activity extractor lands. */
export function extractPlanActivities(_pages: PageText[]): PlanActivity[] {
  return [];
}
