/**
 * The budget lines of one money table: one per row and amount column, with the row's label
 * (account numbers dropped), its kind (total, the row's or group's nature, the column's kind),
 * period, section path (group rows above it) and funding source.
 */
import type { BudgetKind, BudgetLine } from '../../core/facts.js';
import { isDerived, isNotMoney } from '../layout/column-meaning.js';
import { ACCOUNT_PREFIX, isGrantLabel, isTotalLabel, rowKind } from '../layout/row-meaning.js';
import { unitOfHeader } from '../layout/column-meaning.js';
import { parseMoneyCell } from '../money.js';
import { cellFlat } from '../tables/cell-text.js';
import { explodeTable, joinLabelsAroundFigures, splitLabelsAtGaps } from '../layout/row-lines.js';
import { periodIn, YEAR_CELL } from './budget-periods.js';
import { headerText, kindFromWords, type ColRole, type Ctx, type MoneyTable } from './money-table.js';

/** `ledger.accounts`: an earlier table of the document put account numbers before its labels. */
export function moneyTableLines(m: MoneyTable, ctx: Ctx, ledger: { accounts: boolean }): BudgetLine[] {
  const t = m.table;
  const out: BudgetLine[] = [];
  const history: Map<number, number[]> = new Map();
  const amountCols = m.roles.flatMap((r, c) => (r.role === 'amount' ? [c] : []));
  const rows = splitLabelsAtGaps(joinLabelsAroundFigures(explodeTable(t.rows, amountCols, t.fontHeight), amountCols, m.labelCols), amountCols, m.labelCols);
  const labelOf = (texts: string[]) =>
    m.labelCols
      .map((c) => texts[c] ?? '')
      .filter(Boolean)
      .join(' ')
      .replace(/\*+/g, '')
      .trim();
  const labels = rows.map((r) => labelOf(r.cells.map((c) => cellFlat(c))));
  // Account numbers before the labels ("3800 Medlemsinbetalningar") are references, not words of the label.
  // A ledger numbers its accounts on every page, also where a page holds only one or two of them.
  const prefixed = labels.filter((l) => ACCOUNT_PREFIX.test(l)).length;
  const stripAccounts = prefixed >= 3 || (prefixed > 0 && ledger.accounts);
  if (prefixed >= 3) ledger.accounts = true;
  // Rows with a label and no figures head groups ("RÖRELSEKOSTNADER" / "Administrativa kostnader"):
  // they give the rows below them their section path and, when they name one, their kind.
  const groups: Group[] = [];
  const spanTable = m.roles.some((r) => r.role === 'amount' && r.span);
  const colPeriod = new Map<number, string | null>();
  // A table of grants ("Bidrag, tkr"): the grants it pays out (negative figures) are costs, whatever the column.
  const grantTable = isGrantLabel(m.labelCols.map((c) => headerText(t.header[c])).join(' ')) || isGrantLabel(t.caption ?? '');
  let labelledAbove = false;
  for (const row of rows) {
    const texts = row.cells.map((c) => cellFlat(c));
    let label = labelOf(texts);
    if (stripAccounts) label = label.replace(ACCOUNT_PREFIX, '');
    // Derived rows (Budgetavvikelse) and keys that are not money (kr/m², %, antal) are no budget lines.
    if (isDerived(label) || isNotMoney(label)) continue;
    // A row of years over the figure columns ("NETTOOMSÄTTNING  2021  2020") heads the rows below it:
    // each column takes its year from there on.
    const years = amountCols.filter((c) => texts[c]);
    if (years.length && years.every((c) => YEAR_CELL.test(texts[c]!)) && (new Set(years.map((c) => texts[c])).size >= 2 || amountCols.length === 1)) {
      for (const c of years) colPeriod.set(c, periodIn(texts[c]));
      if (label) openGroup(groups, label);
      continue;
    }
    // A row without figures heads a group, whichever column its words sit in ("Utgifter" under a figure header).
    if (amountCols.every((c) => !texts[c] || (!/\d/.test(texts[c]!) && /\p{L}{3}/u.test(texts[c]!)))) {
      const head = label || amountCols.map((c) => texts[c] ?? '').find((x) => /\p{L}{3}/u.test(x));
      if (head) openGroup(groups, head);
      continue;
    }
    const rowUnit = unitOfHeader(label);
    const amounts: Array<{ c: number; sek: number; text: string }> = [];
    m.roles.forEach((role, c) => {
      if (role.role !== 'amount') return;
      // A cell holding figures on several lines that explodeRow could not pair with labels: no guess.
      if (row.cells[c]!.lines.filter((l) => /\d/.test(l)).length > 1) return;
      const p = parseMoneyCell(texts[c] ?? '', rowUnit ?? role.multiplier ?? m.multiplier, ctx.language);
      if (p?.kind === 'amount') amounts.push({ c, sek: p.amountSek, text: p.text });
    });
    // In a table with a total column, a zero plan year says nothing is planned: the row's money is in its
    // other years and its total, and a zero is no budget line of its own. A zero outcome is a fact (nothing spent).
    if (spanTable)
      for (let k = amounts.length - 1; k >= 0; k--) {
        const role = m.roles[amounts[k]!.c] as Extract<ColRole, { role: 'amount' }>;
        if (amounts[k]!.sek === 0 && !role.span && role.kind !== 'outcome') amounts.splice(k, 1);
      }
    if (amounts.length === 0) continue;
    // Figures without a label under labelled rows sum the rows above them (note subtotals printed
    // without a label), even where rounding keeps them from adding up exactly.
    const unlabelledSum = !label && labelledAbove;
    if (label) labelledAbove = true;
    const isTotal = unlabelledSum || isTotalLabel(label) || amounts.some((a) => sumsAbove(history.get(a.c) ?? [], a.sek));
    const groupKind = [...groups].reverse().find((g) => g.kind)?.kind ?? null;
    const ownKind = rowKind(label, kindFromWords(label), groupKind);
    const section = [m.section, ...groups.map((g) => g.label)].filter(Boolean).join(' / ') || null;
    // Cells kept apart in the quote: figures of adjacent columns must not read as one number.
    const quote = texts.filter(Boolean).join(' | ').slice(0, 200);
    for (const a of amounts) {
      const role = m.roles[a.c] as Extract<ColRole, { role: 'amount' }>;
      let kind: BudgetKind = isTotal ? 'total' : lineKind(ownKind, role.kind, m.contextKind);
      // A row of an income statement that names no kind is revenue or cost by its sign.
      if (kind === 'other' && m.statement && a.sek !== 0) kind = a.sek > 0 ? 'income' : 'cost';
      if (!isTotal && grantTable && a.sek < 0) kind = 'cost';
      const source = isTotal ? null : sourceOf(m, texts, label);
      out.push({
        label: label || (unlabelledSum ? '' : headerText(t.header[a.c])),
        amountSek: a.sek,
        amountText: a.text,
        // A total column spans its table's years: only a caption's range ("2016-2017") names them.
        period:
          colPeriod.get(a.c) ?? role.period ?? (isTotal ? periodIn(label) : null) ?? (role.span && !m.sectionPeriod?.includes('-') ? null : m.sectionPeriod),
        kind,
        source,
        section,
        page: row.page,
        quote,
      });
      const h = history.get(a.c) ?? [];
      if (isTotal) history.set(a.c, []);
      else {
        h.push(a.sek);
        history.set(a.c, h);
      }
    }
    if (isTotal) closeGroup(groups, label);
  }
  return out;
}

interface Group {
  label: string;
  caps: boolean;
  kind: BudgetKind | null;
}

const isCaps = (s: string) => !/\p{Ll}/u.test(s) && /\p{Lu}/u.test(s);

/** A group label in capitals opens a top-level group; one in mixed case a subgroup of the capital one. */
function openGroup(groups: Group[], label: string): void {
  const caps = isCaps(label);
  if (caps) groups.length = 0;
  else while (groups.length && !groups[groups.length - 1]!.caps) groups.pop();
  groups.push({ label, caps, kind: kindFromWords(label) });
}

/** "Summa Övriga intäkter" closes the group "Övriga intäkter" (and any below it). */
function closeGroup(groups: Group[], label: string): void {
  const rest = label
    .replace(/^\S+\s+/, '')
    .toLowerCase()
    .trim();
  const k = groups.findIndex((g) => g.label.toLowerCase().trim() === rest);
  if (k >= 0) groups.length = k;
}

/**
 * What the row is (a grant received, an income, a cost: its label or group) first, then the column's
 * kind (Budget 2025, Utfall), then the table's context.
 */
function lineKind(row: BudgetKind | null, column: BudgetKind | null, context: BudgetKind | null): BudgetKind {
  // A column named for a period's budget or outcome keeps its kind; one named "Intäkter" or "Utgifter"
  // is often a group label above the first rows, and the row's own group says better what it is.
  if (row && NATURE.has(row) && (column === null || NATURE.has(column))) return row;
  return column ?? row ?? context ?? 'other';
}

const NATURE = new Set<BudgetKind>(['financing', 'income', 'cost']);

/** True when `value` is the sum of the last two or more values above it in its column. */
function sumsAbove(values: number[], value: number): boolean {
  let sum = 0;
  for (let k = values.length - 1; k >= 0; k--) {
    sum += values[k]!;
    if (values.length - k >= 2 && sum === value && value !== 0) return true;
  }
  return false;
}

function sourceOf(m: MoneyTable, texts: string[], label: string): string | null {
  if (m.sourceCol >= 0 && texts[m.sourceCol]) return texts[m.sourceCol]!;
  if (m.financingTable && m.sourceCol < 0) return label.replace(/^(?:[A-ZÅÄÖ]|\d+(?:\.\d+)*)(?:[,\s–-]+\d+(?:\.\d+)*)*\s+/, '') || null;
  if (m.commentCol >= 0 && texts[m.commentCol] && /(?:statsbidrag|statbidrag|medel|bidrag)\b/i.test(texts[m.commentCol]!)) {
    return texts[m.commentCol]!.replace(/[.\s]+$/, '');
  }
  return null;
}
