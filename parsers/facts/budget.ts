/**
 * Budget lines from a document: every row of every money table (rebuilt from positioned text),
 * amounts in the economy cells of plan tables, and amounts stated in prose.
 */
import type { BudgetKind, BudgetLine, PageText } from '../../core/facts.js';
import { isDerived, isNotMoney, isReference, isSpan, kindOfHeader, unitOfHeader } from '../layout/column-meaning.js';
import { ACCOUNT_PREFIX, isTotalLabel, rowKind } from '../layout/row-meaning.js';
import { printedNumberKeys, printedWhole } from '../layout/printed-numbers.js';
import { findMoney, parseMoneyCell, statedUnitMultiplier, type CellMoney } from '../money.js';
import { cellFlat, cellParagraphs } from '../tables/cell-text.js';
import { documentTables } from '../tables/continuation.js';
import { explodeTable } from '../layout/row-lines.js';
import type { Table } from '../tables/types.js';
import { fundingSource } from './budget-source.js';
import { buildOutline, type Outline } from './outline.js';
import { planColumns, planRows } from './plan-rows.js';
import { proseBudgetLines } from './budget-prose.js';

type Ctx = { date: string | null; language: 'sv' | 'en'; pages?: PageText[] };

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

// ---------------------------------------------------------------- money tables

type ColRole =
  /** `span`: a total or cumulative column, whose figures have no single period. */
  | { role: 'amount'; kind: BudgetKind | null; period: string | null; multiplier: number | null; span?: boolean }
  | { role: 'percent' }
  | { role: 'text' }
  /** Derived (deviation), not money (counts, shares) or note references: neither amount nor label. */
  | { role: 'skip' };

interface MoneyTable {
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

const PRINT_DATE = /(?:utskrivet|utskriven|utskriftsdatum|utskrift|printed|skapad|created|sida)\s*:?\s*[\d\s:.-]{4,20}/giu;
/** "Räkenskapsår 2025-01-01 - 2025-12-31", "Period 2025-01-01": the year a report's figures are for. */
const STATED_PERIOD = /(?:räkenskapsår|redovisningsperiod|verksamhetsår|budgetår|bokslutsår|period|financial year)\s*:?\s*((?:19|20)\d{2})/iu;
/** Column headers of the year before the report's ("Period fg år", "Föregående år"). */
const PRIOR_YEAR = /\bfg\.?\s*år|föregående\s+år|förra\s+året|previous\s+year|prior\s+year|last\s+year/iu;

/** The period a page (or the first page) states for its figures, or null. */
export function statedPeriod(pages: PageText[], pageNo: number): string | null {
  for (const p of [pages.find((x) => x.pageNo === pageNo), pages[0]]) {
    if (!p) continue;
    for (const l of p.lines.slice(0, 40)) {
      const m = STATED_PERIOD.exec(l.text.slice(0, 300));
      if (m) return m[1]!;
    }
  }
  return null;
}

const YEARS = /(?<!\d)((?:19|20)\d{2})(?:\s?[-–]\s?((?:19|20)?\d{2}))?(?!\d)/;

/** "2016", "2016-2017", "2020–21" → "2020-2021"; first year or range in the text. */
export function periodIn(text: string | null | undefined): string | null {
  if (!text) return null;
  // A print or creation date ("Utskrivet 2026-04-27") dates the paper, not the figures.
  const m = YEARS.exec(text.slice(0, 400).replace(PRINT_DATE, ' '));
  if (!m) return null;
  if (!m[2]) return m[1]!;
  const end = m[2].length === 2 ? m[1]!.slice(0, 2) + m[2] : m[2];
  return Number(end) > Number(m[1]) ? `${m[1]}-${end}` : m[1]!;
}

function priorOf(year: string | null): string | null {
  return year && /^\d{4}$/.test(year) ? String(Number(year) - 1) : null;
}

function kindFromWords(text: string): BudgetKind | null {
  return kindOfHeader(text);
}

const STATEMENT = /resultaträkning|resultatrapport|income statement|profit and loss|statement of income/i;

const MONEY_WORDS =
  /budget|resultaträkning|balansräkning|resultatrapport|utfall|kostnad|summa|belopp|finansiering|\bkr\b|tkr|mnkr|ekonomi|intäkt|medel|bidrag|\bsek\b|cost|amount|funding/i;

function analyseMoneyTable(t: Table, outline: Outline, prev: MoneyTable | null, ctx: Ctx): MoneyTable | null {
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

const headerText = (h: string | undefined): string => (h && h.length <= 80 ? h : '');

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

/** `ledger.accounts`: an earlier table of the document put account numbers before its labels. */
function moneyTableLines(m: MoneyTable, ctx: Ctx, ledger: { accounts: boolean }): BudgetLine[] {
  const t = m.table;
  const out: BudgetLine[] = [];
  const history: Map<number, number[]> = new Map();
  const amountCols = m.roles.flatMap((r, c) => (r.role === 'amount' ? [c] : []));
  const rows = explodeTable(t.rows, amountCols, t.fontHeight);
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
    // In a table with a total column, a zero year says nothing is planned: the row's money is in its
    // other years and its total, and a zero is no budget line of its own.
    if (spanTable)
      for (let k = amounts.length - 1; k >= 0; k--) if (amounts[k]!.sek === 0 && !(m.roles[amounts[k]!.c] as { span?: boolean }).span) amounts.splice(k, 1);
    if (amounts.length === 0) continue;
    const isTotal = isTotalLabel(label) || amounts.some((a) => sumsAbove(history.get(a.c) ?? [], a.sek));
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
      const source = isTotal ? null : sourceOf(m, texts, label);
      out.push({
        label: label || headerText(t.header[a.c]),
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

/** A year or a year range alone in a cell ("2021", "2020-2021", "2021-12-31"). */
const YEAR_CELL = /^(?:19|20)\d{2}(?:\s?[-–]\s?(?:(?:19|20)?\d{2}|\d{2}-\d{2}))?$/;

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

// ---------------------------------------------------------------- plan economy cells

function planEconomyLines(t: Table, outline: Outline, ctx: Ctx): BudgetLine[] {
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
