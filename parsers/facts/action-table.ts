/**
 * Action tables: a header row with an action column ("Åtgärd", "Action", "Task") and an owner
 * column ("Ansvarig", "Owner", "Who"), optionally a due column; each later row is an item.
 */
import type { ActionItem } from '../../core/facts.js';
import type { Para } from '../normalize.js';
import { cellDue } from './action-due.js';
import { ownersOf, type ActionContext } from './action-owners.js';

export const ACTION_COL = /^(?:åtgärd(?:er)?|aktivitet|uppgift|vad|action(?:s)?|task)$/iu;
export const OWNER_COL = /^(?:ansvarig|ansvar|vem|owner|who|by whom|action by|responsible)$/iu;
const DUE_COL = /^(?:klart(?: till)?|när|datum|deadline|due|senast|tidplan|by when)$/iu;

export interface ActionTable {
  action: number;
  owner: number;
  due: number | null;
  /** Every header column, so that cells of other columns ("Nr", "Status") are not read as the task. */
  all: number[];
}

export function tableHeader(p: Para): ActionTable | null {
  const cells = p.lines[0]!.cells;
  const a = cells.find((c) => ACTION_COL.test(c.text));
  const o = cells.find((c) => OWNER_COL.test(c.text));
  if (!a || !o) return null;
  return { action: a.x, owner: o.x, due: cells.find((c) => DUE_COL.test(c.text))?.x ?? null, all: cells.map((c) => c.x) };
}

export function tableItem(p: Para, t: ActionTable, ctx: ActionContext): ActionItem | null {
  const cols = t.all;
  const byCol = new Map<number, string[]>();
  p.lines.forEach((line) => {
    for (const c of line.cells) {
      let best = cols[0]!;
      for (const x of cols) if (Math.abs(x - c.x) < Math.abs(best - c.x)) best = x;
      byCol.set(best, [...(byCol.get(best) ?? []), c.text]);
    }
  });
  const task = (byCol.get(t.action) ?? []).join(' ').trim();
  const owner = (byCol.get(t.owner) ?? []).join(' ').trim();
  if (!task || !owner) return null;
  const dueText = t.due === null ? null : (byCol.get(t.due) ?? []).join(' ').trim() || null;
  const due = dueText ? cellDue(dueText, ctx) : null;
  return { owners: ownersOf(owner, ctx, true) ?? [owner], task, due, dueText, page: p.page, section: p.section ?? p.subsection, quote: p.text.slice(0, 400) };
}
