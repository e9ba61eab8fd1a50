/**
 * What each column of a money table is (amount of which kind, period and unit; percent; label
 * text; or skipped: derived figures, counts, account and note numbers), and what the table's
 * context says (unit, section, period, kind, whether it is an income statement).
 */
import type { BudgetKind, PageText } from '../../core/facts.js';
import { isDerived, isNotMoney, isReference, isSpan, kindOfHeader, unitOfHeader } from '../layout/column-meaning.js';
import { parseMoneyCell, statedUnitMultiplier, type CellMoney } from '../money.js';
import { cellFlat } from '../tables/cell-text.js';
import { explodeTable } from '../layout/row-lines.js';
import type { Table } from '../tables/types.js';
import type { Outline } from './outline.js';
import { periodIn, PRIOR_YEAR, priorOf, statedPeriod } from './budget-periods.js';

export type Ctx = { date: string | null; language: 'sv' | 'en'; pages?: PageText[] };

export type ColRole =
  /** `span`: a total or cumulative column, whose figures have no single period. */
  | { role: 'amount'; kind: BudgetKind | null; period: string | null; multiplier: number | null; span?: boolean }
  | { role: 'percent' }
  | { role: 'text' }
  /** Derived (deviation), not money (counts, shares) or note references: neither amount nor label. */
  | { role: 'skip' };

export interface MoneyTable {
  table: Table;
  roles: ColRole[];
  multiplier: number;
  section: string | null;
  sectionPeriod: string | null;
  contextKind: BudgetKind | null;
  labelCols: number[];
  sourceCol: number;
  commentCol: number;
  financingTable: boolean;
  /** An income statement (resultaträkning): revenue is printed positive and costs negative. */
  statement: boolean;
}

export function kindFromWords(text: string): BudgetKind | null {
  return kindOfHeader(text);
}

const STATEMENT = /resultaträkning|resultatrapport|income statement|profit and loss|statement of income/i;

const MONEY_WORDS =
  /budget|resultaträkning|balansräkning|resultatrapport|utfall|kostnad|summa|belopp|finansiering|\bkr\b|tkr|mnkr|ekonomi|intäkt|medel|bidrag|\bsek\b|cost|amount|funding/i;

export function analyseMoneyTable(t: Table, outline: Outline, prev: MoneyTable | null, ctx: Ctx): MoneyTable | null {
  const n = t.anchors.length;
  if (n < 2 || t.rows.length === 0) return null;
  const section = outline.sectionAt(t.page, t.top);
  const context = [t.caption ?? '', t.header.join(' '), t.groupHeader.join(' '), section ?? ''].join(' ');
  // Roles are judged per figure line: rows the row finder joined stack several figures in one cell.
  const candidates = t.anchors.map((_, c) => c).filter((c) => c > 0);
  const cells = explodeTable(t.rows, candidates, t.fontHeight).map((r) => r.cells.map((c) => cellFlat(c)));
  const parsed: CellMoney[][] = cells.map((row) => row.map((c) => parseMoneyCell(c, 1, ctx.language)));
  const roles: ColRole[] = [];
  let anyUnit = false;
  let anyGrouped = false;
  let maxAbs = 0;
  for (let c = 0; c < n; c++) {
    let amounts = 0;
    let dashes = 0;
    let pct = 0;
    let filled = 0;
    for (let r = 0; r < cells.length; r++) {
      if (!cells[r]![c]) continue;
      filled++;
      const p = parsed[r]![c];
      if (p?.kind === 'amount') amounts++;
      else if (p?.kind === 'dash') dashes++;
      else if (p?.kind === 'percent') pct++;
    }
    // A "header" of prose (a paragraph above a table set in a column) names no column.
    const header = headerText(t.header[c]);
    const group = headerText(t.groupHeader[c]);
    const notes = cells.filter((row) => /^(?:not|note)\s*[\d, ]+$/i.test(row[c] ?? '')).length;
    const values = cells.map((row) => row[c] ?? '');
    const accounts = isAccountColumn(values) || isSequenceColumn(values) || (isReference(header) && !kindFromWords(header));
    if (filled > 0 && pct / filled >= 0.5) roles.push({ role: 'percent' });
    else if (
      c > 0 &&
      (isDerived(header) ||
        (!header && isDerived(group)) ||
        isNotMoney(header) ||
        isNotMoney(group) ||
        /^(?:not|noter|note|notes|ref)\.?$/i.test(header) ||
        accounts ||
        (filled > 0 && notes / filled >= 0.5))
    )
      roles.push({ role: 'skip' });
    else if (c > 0 && amounts >= 1 && (amounts + dashes) / filled >= 0.6) {
      for (let r = 0; r < cells.length; r++) {
        const p = parsed[r]![c];
        if (p?.kind !== 'amount') continue;
        if (p.hasUnit) anyUnit = true;
        if (/\d[ \u00A0\u202F]\d{3}|\d,\d{3}(?:,\d{3})*\.\d/.test(cells[r]![c]!)) anyGrouped = true;
        maxAbs = Math.max(maxAbs, Math.abs(p.amountSek));
      }
      const g = /total|summa|sum\b/i.test(header) ? '' : group;
      const span = isSpan(header) || isSpan(group);
      roles.push({
        role: 'amount',
        kind: isSpan(header) ? null : (kindFromWords(header) ?? kindFromWords(g)),
        period: periodIn(header) ?? periodIn(g) ?? (PRIOR_YEAR.test(header) ? priorOf(ctx.pages ? statedPeriod(ctx.pages, t.page) : null) : null),
        multiplier: unitOfHeader(header) ?? unitOfHeader(g),
        span,
      });
    } else roles.push({ role: 'text' });
  }
  // A total column sums the others: it has their kind.
  const kinds = roles.flatMap((r) => (r.role === 'amount' && !r.span && r.kind ? [r.kind] : []));
  roles.forEach((r, c) => {
    if (r.role !== 'amount' || !r.span || r.kind) return;
    r.kind = kinds.length && kinds.every((k) => k === kinds[0]) ? kinds[0]! : kindFromWords(headerText(t.header[c]));
  });
  let inherited = false;
  let inheritedLabels: number[] | null = null;
  if (!t.hasHeader && !t.groupHeader.some(Boolean) && prev && prev.table.lastPage >= t.page - 1) {
    // A headerless table right after a money table carries on its columns: by position when the
    // columns line up, else the figure columns in order.
    const at = alignColumns(t.anchors, prev.table.anchors);
    if (at) {
      for (let c = 0; c < n; c++) {
        const from = prev.roles[at[c]!]!;
        if (from.role === 'skip' || (from.role === 'amount' && roles[c]!.role === 'amount')) roles[c] = from;
      }
      inheritedLabels = prev.labelCols.flatMap((pc) => at.flatMap((x, c) => (x === pc ? [c] : [])));
    } else {
      const prevAmounts = prev.roles.filter((r) => r.role !== 'text' && r.role !== 'skip');
      let k = 0;
      for (let c = 0; c < n; c++) {
        if (roles[c]!.role === 'text' || roles[c]!.role === 'skip') continue;
        const from = prevAmounts[k++];
        if (from && from.role === roles[c]!.role) roles[c] = from;
      }
    }
    inherited = true;
  }
  if (!roles.some((r) => r.role === 'amount')) return null;
  if (!(anyUnit || anyGrouped || MONEY_WORDS.test(context) || inherited)) return null;

  const stated = statedUnitMultiplier(context);
  let multiplier = stated ?? 1;
  if (stated === null) {
    if (inherited && prev) multiplier = prev.multiplier;
    // Unitless budget/outcome tables with small figures are in thousands (Swedish public-sector convention).
    else if (!anyUnit && maxAbs < 10_000 && /budget|utfall|prognos/i.test(context)) multiplier = 1000;
  }
  const firstAmount = roles.findIndex((r) => r.role === 'amount');
  const textCols: number[] = [];
  for (let c = 0; c < firstAmount; c++) if (roles[c]!.role === 'text') textCols.push(c);
  // A column of codes is part of the row's name ("A", "1.1, 2.1": the activity a row belongs to)
  // unless it is a priority or number column ("Prio", "Nr") or a status code repeated down the rows ("P"/"N").
  const named = textCols.filter((c) => {
    const filled = cells.map((row) => row[c] ?? '').filter(Boolean);
    if (filled.length > 0 && filled.filter((v) => /\p{L}{3}/u.test(v)).length / filled.length >= 0.5) return true;
    return !isReference(t.header[c] ?? '') && !(filled.length >= 3 && new Set(filled).size * 2 <= filled.length);
  });
  const labelCols = inheritedLabels?.length ? inheritedLabels.filter((c) => roles[c]!.role === 'text') : named.length ? named : textCols;

  const sourceCol = t.header.findIndex(
    (h, c) => roles[c]!.role === 'text' && /ekonomiska medel|finansiär|finansieringskälla|källa|finansieras av|funding source|^medel$/i.test(h),
  );
  const commentCol = t.header.findIndex((h, c) => roles[c]!.role === 'text' && /kommentar|anmärkning|notering|comment|note/i.test(h));
  const headContext = `${t.caption ?? ''} ${t.header[0] ?? ''} ${t.header[labelCols[labelCols.length - 1] ?? 0] ?? ''}`;
  const contextKind =
    kindFromWords(t.caption ?? '') ?? kindFromWords(t.header.filter((_, c) => roles[c]!.role === 'text').join(' ')) ?? kindFromWords(section ?? '');
  return {
    table: t,
    roles,
    multiplier,
    section: inherited && prev && !section ? prev.section : section,
    sectionPeriod:
      periodIn(t.caption) ?? periodIn(section) ?? (inherited && prev ? prev.sectionPeriod : null) ?? (ctx.pages ? statedPeriod(ctx.pages, t.page) : null),
    contextKind,
    labelCols: labelCols.length ? labelCols : [0],
    sourceCol,
    commentCol,
    financingTable: /finansiering|intäkter|finansiär|funding/i.test(headContext),
    statement: STATEMENT.test(context),
  };
}

export const headerText = (h: string | undefined): string => (h && h.length <= 80 ? h : '');

/**
 * An account-number column (BAS accounts "3005", "4110" …): four-digit numbers without grouping or
 * decimals, rising down the column. They are references, not amounts.
 */
function isAccountColumn(values: string[]): boolean {
  const filled = values.map((v) => v.trim()).filter(Boolean);
  if (filled.length < 3) return false;
  const nums = filled.filter((v) => /^\d{4}$/.test(v)).map(Number);
  if (nums.length / filled.length < 0.8) return false;
  let rising = 0;
  for (let k = 1; k < nums.length; k++) if (nums[k]! > nums[k - 1]!) rising++;
  return rising >= (nums.length - 1) * 0.8;
}

/**
 * Column `c` of a table → the column of `prev` at the same place (left edges, nearest first), or
 * null when the columns do not line up one to one in order.
 */
function alignColumns(anchors: readonly number[], prev: readonly number[]): number[] | null {
  const out: number[] = [];
  for (const a of anchors) {
    let best = -1;
    for (let k = 0; k < prev.length; k++) if (best < 0 || Math.abs(prev[k]! - a) < Math.abs(prev[best]! - a)) best = k;
    if (best < 0 || Math.abs(prev[best]! - a) > 30 || (out.length && best <= out[out.length - 1]!)) return null;
    out.push(best);
  }
  return out;
}

/** Row numbers (1, 2, 3 …): a column of small whole numbers each one more than the one above. */
function isSequenceColumn(values: string[]): boolean {
  const nums = values.map((v) => v.trim()).filter(Boolean);
  if (nums.length < 3 || !nums.every((v) => /^\d{1,3}$/.test(v))) return false;
  return nums.every((v, k) => k === 0 || Number(v) === Number(nums[k - 1]) + 1);
}
