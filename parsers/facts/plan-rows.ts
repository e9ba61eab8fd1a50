/**
 * Reads goal/activity tables of action plans ("Mål | Aktivitet / Metod | Samverkan | Ansvar |
 * Tidplan | Uppföljning | Ekonomi"): columns are found by their header words, merged goal cells are
 * inherited by the rows below them, and one-cell rows ("Planerad start 2016") are group labels.
 */
import { cellFlat, cellParagraphs } from '../tables/cell-text.js';
import type { Cell, Table, TableRow } from '../tables/types.js';

export interface PlanRow {
  row: TableRow;
  goalText: string | null;
  goalRef: string | null;
  goalName: string | null;
  /** True on the first row of a goal (the row that holds the goal cell). */
  goalStarts: boolean;
  activityRef: string | null;
  activityName: string | null;
  responsible: string | null;
  timeline: string | null;
  economy: Cell | undefined;
  groupLabel: string | null;
}

export interface PlanColumns {
  goal: number;
  activity: number;
  responsible: number;
  timeline: number;
  economy: number;
}

const find = (header: string[], re: RegExp, not?: RegExp): number => header.findIndex((h) => re.test(h) && !(not && not.test(h)));

/** Column roles of a plan table, or null when the table is not one. */
export function planColumns(t: Table): PlanColumns | null {
  if (!t.hasHeader) return null;
  const h = t.header;
  const activity = find(h, /aktivitet|åtgärd|insats|activity|action/i);
  if (activity < 0) return null;
  const goal = find(h, /^m[åa]l\b|\bmål för|delmål|goal|objective/i);
  const responsible = find(h, /ansvar|responsib|owner/i);
  const timeline = find(h, /tidplan|tidsplan|^tid\b|när|klart|deadline|timeline|schedule/i);
  const economy = find(h, /ekonomi|kostnad|budget|finansiering|resurs|cost|funding/i);
  // Who and when make it a plan; a cost table ("Aktivitet | Kostnadsslag | Summa") has neither.
  if (responsible < 0 && timeline < 0) return null;
  return { goal, activity, responsible, timeline, economy };
}

/** An activity reference: "1.1", "B.1", "Aa.1", "13.6". */
const ACT_REF = /^((?:[A-ZÅÄÖ][a-z]?(?:\.[a-z])?\.)?\d+(?:\.\d+)+|[A-ZÅÄÖ][a-z]?(?:\.[a-z])?\.\d+)\.?(?=[\s(]|$)/;
/** A goal number ("8.", "4 ", "8.(A)"). */
const GOAL_NUM = /^(\d+)(?:\.(?!\d))?\s*(?=[\s(]|$)/;

function refAndRest(text: string, re: RegExp): { ref: string | null; rest: string } {
  const m = re.exec(text);
  if (!m) return { ref: null, rest: text };
  return { ref: m[1]!, rest: text.slice(m[0].length).trim() };
}

function goalRef(cell: Cell | undefined): { ref: string | null; rest: string } {
  const paras = cellParagraphs(cell);
  const first = paras[0] ?? '';
  // A letter alone on the cell's first line ("A", "Aa", "A.a") is a reference; "I Halland…" is not.
  const firstLine = cell?.lines.find(Boolean) ?? '';
  const letter = /^([A-ZÅÄÖ][a-z]?(?:\.[a-z])?)\.?$/.exec(firstLine.trim());
  if (letter) return { ref: letter[1]!, rest: first.slice(firstLine.trim().length).trim() };
  const letterDot = /^([A-ZÅÄÖ][a-z]?(?:\.[a-z])?)\.\s+(?=\p{Lu})/u.exec(first);
  if (letterDot) return { ref: letterDot[1]!, rest: first.slice(letterDot[0].length).trim() };
  return refAndRest(first, GOAL_NUM);
}

const orNull = (s: string): string | null => (s.trim() ? s.trim() : null);

/** Rows of a plan table with merged goal cells filled in. */
export function planRows(t: Table, cols: PlanColumns): PlanRow[] {
  const out: PlanRow[] = [];
  let goal: { text: string; ref: string | null; name: string } | null = null;
  let group: string | null = null;
  // In a table whose activities are numbered, an unnumbered activity cell is a fragment of the row above
  // (a cell split by a page break or by a blank line the row finder took for a row boundary).
  const acts = t.rows.map((r) => cellParagraphs(r.cells[cols.activity])[0] ?? '').filter(Boolean);
  const numbered = acts.length > 0 && acts.filter((a) => ACT_REF.test(a)).length / acts.length >= 0.5;
  for (const row of t.rows) {
    const texts = row.cells.map((c) => cellFlat(c));
    const nonEmpty = texts.filter(Boolean).length;
    const goalCell = cols.goal >= 0 ? row.cells[cols.goal] : undefined;
    const goalTextRaw = cols.goal >= 0 ? (texts[cols.goal] ?? '') : '';
    const actCell = row.cells[cols.activity];
    const actText = cellParagraphs(actCell)[0] ?? '';
    if (nonEmpty === 1 && goalTextRaw && !actText && !goalRef(goalCell).ref) {
      group = goalTextRaw;
      continue;
    }
    const prevRow = out[out.length - 1];
    if (
      numbered &&
      prevRow &&
      !ACT_REF.test(actText) &&
      (!goalTextRaw || !goalRef(goalCell).ref) &&
      (actText || cellFlat(row.cells[cols.economy] ?? undefined))
    ) {
      const more = cellParagraphs(actCell).join(' ');
      if (more) prevRow.activityName = prevRow.activityName ? `${prevRow.activityName} ${more}` : more;
      if (cols.economy >= 0 && row.cells[cols.economy]?.lines.length) {
        prevRow.economy = { y: prevRow.economy?.y ?? null, lines: [...(prevRow.economy?.lines ?? []), '', ...row.cells[cols.economy]!.lines] };
      }
      continue;
    }
    let goalStarts = false;
    if (goalTextRaw) {
      const { ref, rest } = goalRef(goalCell);
      const first = cellParagraphs(goalCell)[0] ?? goalTextRaw;
      goal = { text: first, ref, name: rest || first };
      goalStarts = true;
    }
    const act = refAndRest(actText, ACT_REF);
    out.push({
      row,
      goalText: goal?.text ?? null,
      goalRef: goal?.ref ?? null,
      goalName: goal?.name ?? null,
      goalStarts,
      activityRef: act.ref,
      activityName: orNull(act.rest),
      responsible: cols.responsible >= 0 ? orNull(texts[cols.responsible] ?? '') : null,
      timeline: cols.timeline >= 0 ? orNull(texts[cols.timeline] ?? '') : null,
      economy: cols.economy >= 0 ? row.cells[cols.economy] : undefined,
      groupLabel: group,
    });
  }
  return out;
}
