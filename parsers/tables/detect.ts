/**
 * Finds tables on a page from positioned text alone (no ruling lines are available):
 * 1. a table region is a run of lines, most of them split into several segments by wide gaps,
 *    in one font size, none starting left of the table;
 * 2. column edges come from the header line (the line with most segments near the top), plus the
 *    leftmost data edge when the header's first cell is empty;
 * 3. rows are found per column: inside a cell, lines follow each other at the line pitch (or a whole
 *    multiple of it for blank lines); a cell boundary adds padding, so a gap that is not a whole number
 *    of pitches starts a new cell. Cells of one row are top-aligned, so every cell start is a row start.
 *    Merged cells simply continue their column's block across the row starts of their neighbours.
 * Linear in the number of items per page (plus a sort per column).
 */
import type { PageLine, PageText } from '../../core/facts.js';
import { parseMoneyCell } from '../money.js';
import { headerPieces } from './header-pieces.js';
import { lineHeight, lineSegments } from './segments.js';
import type { Cell, Segment, Table, TableRow } from './types.js';
import { markWordBreaks } from './word-breaks.js';

interface Line {
  index: number;
  line: PageLine;
  y: number;
  h: number;
  segs: Segment[];
}

/** Detects the tables of one page. */
export function detectTables(page: PageText): Table[] {
  const lines: Line[] = [];
  page.lines.forEach((line, index) => {
    if (line.text.trim() === '') return;
    lines.push({ index, line, y: line.y, h: lineHeight(line), segs: lineSegments(line) });
  });
  const tables: Table[] = [];
  let i = 0;
  while (i < lines.length) {
    const start = lines[i]!;
    if (start.segs.length < 2) {
      i++;
      continue;
    }
    const region = growRegion(lines, i);
    for (const part of splitAtHeaders(region)) {
      const table = buildTable(page, part, lines);
      if (table) tables.push(table);
    }
    i += region.length;
  }
  return tables;
}

/** A header cell may be a year, a year range or a date span ("2021", "2020–21", "2023-01-01 2023-12-31"). */
const YEARISH = /^(?:(?:19|20)\d{2}(?:\s?[-–/]\s?(?:19|20)?\d{2})?|(?:19|20)\d{2}-\d{2}-\d{2}(?:\s*[-–]?\s*(?:19|20)\d{2}-\d{2}-\d{2})?)$/;

/** Text a header cell can hold: words, or a year/period (never an amount or a bare count). */
export function isHeaderText(text: string): boolean {
  const t = text.trim();
  return YEARISH.test(t) || (!isMoneyish(t) && !/^\d+$/.test(t));
}

function isMoneyish(text: string): boolean {
  const c = parseMoneyCell(text);
  if (!c) return false;
  if (c.kind !== 'amount') return true;
  return c.hasUnit || /\d \d{3}/.test(text);
}

function growRegion(lines: Line[], from: number): Line[] {
  const first = lines[from]!;
  const h = first.h;
  const pitch = h * 1.25;
  let left = Math.min(...first.segs.map((s) => s.x0));
  let secondEdge = first.segs[1]?.x0 ?? Infinity;
  const region = [first];
  let multi = 1;
  for (let j = from + 1; j < lines.length; j++) {
    const l = lines[j]!;
    const prev = region[region.length - 1]!;
    if (Math.abs(l.h - h) > h * 0.2) break;
    const gap = l.y - prev.y;
    if (gap > pitch * 7) break;
    if (l.segs.length >= 2) {
      left = Math.min(left, l.segs[0]!.x0);
      secondEdge = Math.min(secondEdge, l.segs[1]!.x0);
      multi++;
    } else {
      const s = l.segs[0]!;
      if (s.x0 < left - 2) break;
      // A wide single run after a paragraph-sized gap is prose below the table.
      if (gap > pitch * 1.6 && s.x1 > secondEdge + h && s.x0 <= left + 2 && multi >= 2 && !/^\d/.test(s.text) && s.text.length > 60) break;
    }
    region.push(l);
  }
  // Trim trailing single-run lines that sit after a large gap (captions of what follows).
  return multi >= 2 && region.length >= 2 ? region : region.slice(0, 1);
}

/** Splits a region where a new header line (text only) follows a line with figures. */
function splitAtHeaders(region: Line[]): Line[][] {
  if (region.length < 2) return [];
  const parts: Line[][] = [];
  let cur: Line[] = [region[0]!];
  for (let j = 1; j < region.length; j++) {
    const l = region[j]!;
    const prev = region[j - 1]!;
    const headerLike = l.segs.length >= 3 && l.segs.every((s) => !isMoneyish(s.text));
    if (headerLike && prev.segs.some((s) => isMoneyish(s.text)) && l.y - prev.y > l.h * 1.2 * 1.5) {
      parts.push(cur);
      cur = [];
    }
    cur.push(l);
  }
  parts.push(cur);
  return parts.filter((p) => p.length >= 2 && p.filter((l) => l.segs.length >= 2).length >= 2);
}

function buildTable(page: PageText, region: Line[], all: Line[]): Table | null {
  // The header (anchor) line: the line with most segments among the first four.
  let anchorAt = 0;
  let headerAbove = -1;
  for (let k = 1; k < Math.min(4, region.length); k++) {
    if (region[k]!.segs.length > region[anchorAt]!.segs.length) anchorAt = k;
  }
  // A text-only line right above a line of figures is that table's header, not a group header.
  if (
    anchorAt > 0 &&
    region[anchorAt - 1]!.segs.length >= 2 &&
    region[anchorAt - 1]!.segs.every((s) => isHeaderText(s.text)) &&
    region[anchorAt]!.segs.some((s) => isMoneyish(s.text) || /^\d+$/.test(s.text))
  ) {
    headerAbove = anchorAt - 1;
  }
  const anchorLine = region[anchorAt]!;
  const anchors = anchorLine.segs.map((s) => s.x0);
  const body = region.slice(headerAbove >= 0 ? headerAbove : anchorAt);
  let minX = Infinity;
  for (const l of body) for (const s of l.segs) if (s.x0 < minX) minX = s.x0;
  if (minX < anchors[0]! - 3) anchors.unshift(minX);
  splitCollidingColumns(body, anchors);
  const h = median(body.map((l) => l.h));

  const colOf = (s: Segment): number => columnOf(s, anchors);
  // Header text sits above the figures it names, centred or right-aligned over them rather than on
  // the column's left edge: in the header band (the lines above the first figure) a text segment
  // goes to the figure column it overlaps most.
  // The band ends at the first line after the anchor line that holds an amount or opens a row label.
  const anchorY = anchorLine.y;
  const firstFigureY =
    body.find((l) => l.y > anchorY + 0.5 && l.segs.some((sg) => isAmountFigure(sg.text) || (colOf(sg) === 0 && sg.x0 <= anchors[0]! + 2)))?.y ?? Infinity;
  const extents = figureExtents(body, anchors, firstFigureY);
  const headerColOf = (s: Segment): number =>
    s.y < firstFigureY - 0.5 && !isFigure(s.text) && s.text.length <= 40 ? (bestOverlap(s, extents) ?? colOf(s)) : colOf(s);
  // Group headers: lines above the anchor line; each segment spans to the next one.
  const groupHeader = anchors.map(() => '');
  for (const l of region.slice(0, headerAbove >= 0 ? headerAbove : anchorAt)) {
    const segs = headerPieces(lineSegments(l.line, anchors), l.line, extents);
    segs.forEach((s, k) => {
      const c0 = headerColOf(s);
      const next = segs[k + 1];
      // A header cell reaching into the next column's text still names at least its own column.
      const c1 = Math.max(c0, next ? headerColOf(next) - 1 : anchors.length - 1);
      for (let c = c0; c <= c1; c++) groupHeader[c] = groupHeader[c] ? `${groupHeader[c]} ${s.text}` : s.text;
    });
  }

  // Per-column lines.
  const cols: Array<Array<{ y: number; text: string; x0?: number; x1?: number }>> = anchors.map(() => []);
  const lineCols: Array<Set<number>> = [];
  const headerOrder = headerAbove >= 0 ? orderedHeaderColumns(lineSegments(region[headerAbove]!.line), region.slice(anchorAt), anchors) : null;
  for (const l of body) {
    const used = new Set<number>();
    const ordered = l === region[headerAbove] && headerOrder;
    const segs = !ordered && l.y < firstFigureY - 0.5 ? headerPieces(lineSegments(l.line, anchors), l.line, extents) : lineSegments(l.line, anchors);
    segs.forEach((s, k) => {
      let c = l === region[headerAbove] && headerOrder ? headerOrder[k]! : headerColOf(s);
      // Words after a figure, set apart by a gap and over the next column's figures ("150  årligen, löpande"
      // under "Total"), are that column's cell: joined to the figure they would hide it.
      const before = cols[c]![cols[c]!.length - 1];
      const next = extents[c + 1];
      if (next && before && Math.abs(before.y - l.y) < 0.5 && isFigure(before.text) && !isFigure(s.text) && s.x0 < next[1] && s.x1 > next[0]) c++;
      const list = cols[c]!;
      const last = list[list.length - 1];
      if (last && Math.abs(last.y - l.y) < 0.5) {
        // A lone dash of an unnamed column next to a figure is an empty cell, not part of the figure.
        // Two figures in one cell are two columns the edges missed: joined they would read as one
        // (wrong) amount, so the join is marked and no amount is read from the cell.
        if (!/^[-–−]$/.test(s.text)) last.text += isFigure(s.text) && isFigure(last.text) ? ` ${MERGED_MARK} ${s.text}` : ` ${s.text}`;
        last.x1 = undefined;
      } else list.push({ y: l.y, text: s.text, x0: s.x0, x1: s.x1 });
      used.add(c);
    });
    lineCols.push(used);
  }
  markWordBreaks(cols, anchors, h);
  const pitch = estimatePitch(cols, h);
  let rowStarts = findRowStarts(cols, pitch);
  let lineRows = false;
  const dataLines = body.slice(headerAbove >= 0 || anchorAt > 0 ? 1 : 0);
  if (dataLines.length >= 2 && dataLines.every((l, k) => lineCols[k + (body.length - dataLines.length)]!.has(0) && l.segs.length >= 2)) {
    // Every line is label + figures: each line is a row, whatever the spacing.
    rowStarts = body.map((l) => l.y);
    lineRows = true;
  }
  if (rowStarts.length <= 1 && body.length >= 3) {
    // No padding between rows: a line that fills the first column or several columns starts a row.
    rowStarts = body.filter((l, k) => lineCols[k]!.has(0) || lineCols[k]!.size >= 2).map((l) => l.y);
  }
  const rows = assignRows(cols, rowStarts, pitch, page.pageNo, lineRows);
  if (rows.length === 0) return null;

  // A first row reaching below the first figure line holds data too (rows printed at the pitch):
  // its lines from there on are a row of their own.
  const top0 = rows[0]!;
  const firstAmountY = body.find((l) => l.y > anchorY + 0.5 && l.segs.some((sg) => isAmountFigure(sg.text)))?.y ?? Infinity;
  if (Number.isFinite(firstAmountY) && top0.cells.every((c) => c.lines.length === 0 || c.ys?.length === c.lines.length)) {
    const cut = firstAmountY - 0.5;
    const low = top0.cells.map((c): Cell => {
      const keep = c.lines.map((_, k) => k).filter((k) => c.ys![k]! >= cut);
      return { lines: keep.map((k) => c.lines[k]!), ys: keep.map((k) => c.ys![k]!), y: keep.length ? c.ys![keep[0]!]! : null };
    });
    if (low.some((c) => c.lines.some(Boolean)) && top0.cells.some((c) => (c.ys ?? []).some((y) => y < cut))) {
      top0.cells = top0.cells.map((c) => {
        const keep = c.lines.map((_, k) => k).filter((k) => !(c.ys![k]! >= cut));
        const lines = keep.map((k) => c.lines[k]!);
        while (lines.length && lines[lines.length - 1] === '') lines.pop();
        return { lines, ys: keep.slice(0, lines.length).map((k) => c.ys![k]!), y: lines.length ? c.y : null };
      });
      rows.splice(1, 0, { y: firstAmountY, page: top0.page, cells: low });
    }
  }
  // Header row: the first row when it holds only text in at least two cells.
  const first = rows[0]!;
  const firstTexts = first.cells.map((c) => c.lines.filter(Boolean).join(' '));
  const nonEmpty = firstTexts.filter(Boolean);
  const years = nonEmpty.filter((t) => YEARISH.test(t.trim()));
  const ownHeader = nonEmpty.length >= 2 && nonEmpty.every(isHeaderText) && new Set(years).size === years.length;
  const detached = ownHeader ? null : detachedHeader(all, region[0]!, h, anchors, extents);
  const hasHeader = ownHeader || detached !== null;
  const header = ownHeader ? first.cells.map((c) => joinHeader(c.lines)) : (detached ?? anchors.map(() => ''));
  let dataRows = ownHeader ? rows.slice(1) : rows;
  // A header stacked over several rows ("Budget" / "2025"): following text-only rows above the
  // first figure that name figure columns belong to it.
  while (ownHeader && dataRows.length > 1) {
    const r = dataRows[0]!;
    const texts = r.cells.map((c) => c.lines.filter(Boolean).join(' '));
    // Only over figure columns: a text row over text columns is the tail of a row from the page before.
    const overFigures = texts.every((t, c) => !t || extents[c] !== null);
    if (r.y >= firstFigureY - 0.5 || !overFigures || !texts.some(Boolean) || !texts.filter(Boolean).every(isHeaderText)) break;
    texts.forEach((t, c) => {
      if (t) header[c] = header[c] ? joinHeader([header[c]!, t]) : t;
    });
    dataRows = dataRows.slice(1);
  }
  // Repeated header rows inside the table.
  const headerKey = header.join('|');
  const kept = ownHeader ? dataRows.filter((r) => r.cells.map((c) => joinHeader(c.lines)).join('|') !== headerKey) : dataRows;

  const top = region[0]!.y;
  const bottom = region[region.length - 1]!.y;
  return {
    page: page.pageNo,
    lastPage: page.pageNo,
    top,
    bottom,
    anchors,
    header,
    groupHeader,
    hasHeader,
    rows: kept,
    fontHeight: h,
    caption: findCaption(all, region[0]!, h),
    lineKeys: region.map((l) => `${page.pageNo}:${l.index}`),
  };
}

/**
 * A header line set apart from its figures ("Period  Ackumulerat  Period fg år" above a group label
 * "INTÄKTER" and the rows): the nearest line above the table with two or more text segments, past
 * at most three one-segment lines, whose every segment sits over a figure column.
 */
function detachedHeader(all: Line[], first: Line, h: number, anchors: number[], extents: Array<[number, number] | null>): string[] | null {
  let k = all.indexOf(first) - 1;
  let singles = 0;
  for (; k >= 0; k--) {
    const l = all[k]!;
    if (first.y - l.y > h * 1.25 * 8) return null;
    if (l.segs.length >= 2) break;
    if (++singles > 3) return null;
  }
  if (k < 0) return null;
  const segs = all[k]!.segs;
  if (!segs.every((sg) => isHeaderText(sg.text) && sg.text.length <= 40)) return null;
  const header = anchors.map(() => '');
  for (const sg of segs) {
    const c = bestOverlap(sg, extents);
    if (c === null || header[c]) return null;
    header[c] = sg.text;
  }
  return header;
}

/** Per column, the horizontal span of its figures below the header band (null when it has none). */
function figureExtents(body: Line[], anchors: number[], fromY: number): Array<[number, number] | null> {
  const ext: Array<[number, number] | null> = anchors.map(() => null);
  for (const l of body) {
    if (l.y < fromY - 0.5) continue;
    for (const sg of lineSegments(l.line, anchors)) {
      // Two figures run together ("20,068 15,127") reach into the next column: they would widen this one.
      if (!isAmountFigure(sg.text) || parseMoneyCell(sg.text) === null) continue;
      const c = columnOf(sg, anchors);
      const e = ext[c];
      ext[c] = e ? [Math.min(e[0], sg.x0), Math.max(e[1], sg.x1)] : [sg.x0, sg.x1];
    }
  }
  return ext;
}

/** The figure column a header segment overlaps most, or null when it overlaps none. */
function bestOverlap(s: Segment, extents: Array<[number, number] | null>): number | null {
  let best: number | null = null;
  let bestW = 0;
  extents.forEach((e, c) => {
    if (!e) return;
    const w = Math.min(s.x1, e[1]) - Math.max(s.x0, e[0]);
    if (w > bestW) [best, bestW] = [c, w];
  });
  return best;
}

function joinHeader(lines: string[]): string {
  let out = '';
  for (const l of lines) {
    if (!l) continue;
    out = !out ? l : /[\p{L}]-$/u.test(out) ? out + l : `${out} ${l}`;
  }
  return out;
}

/**
 * Header cells over right-aligned figures can sit left of the figures; when the header skips the
 * leading label column(s), map its cells in order onto the remaining columns.
 */
function orderedHeaderColumns(header: Segment[], data: Line[], anchors: number[]): number[] | null {
  const maxRight = anchors.map(() => -Infinity);
  for (const l of data)
    for (const s of lineSegments(l.line, anchors)) {
      const c = columnOf(s, anchors);
      maxRight[c] = Math.max(maxRight[c]!, s.x1);
    }
  let j = 0;
  while (j < anchors.length && maxRight[j]! < (header[0]?.x0 ?? 0) - 2) j++;
  if (j === 0 || header.length !== anchors.length - j) return null;
  return header.map((_, k) => j + k);
}

/** Put between two figures that had to share a cell; money parsing never reads an amount across it. */
export const MERGED_MARK = '¦';

const FIGURE = /^[-–−(]?\s?[\d\s.,%]+\s?(?:kr|tkr|mnkr|%)?\)?\*?$/;

function isFigure(text: string): boolean {
  return FIGURE.test(text.trim()) && /\d/.test(text);
}

/** A figure that is an amount, not a year heading a column. */
function isAmountFigure(text: string): boolean {
  return isFigure(text) && !YEARISH.test(text.trim());
}

/**
 * Column edges come from the header line, which can name fewer columns than the figures have
 * (a stacked or missing header, a "Not" column): a line with two figures that fall in one column
 * shows a missing edge. The edge is added where the right-hand figure starts, until no line has two
 * figures in one column (a few rounds at most).
 */
function splitCollidingColumns(body: Line[], anchors: number[]): void {
  for (let round = 0; round < 8; round++) {
    let added: number | null = null;
    // Labels followed by amounts inside one column, on three lines or more: a table set inside a
    // wider column (an annual report's notes); its figures get a column of their own.
    const labelled: number[] = [];
    for (const l of body) {
      const segs = lineSegments(l.line, anchors);
      for (let k = 1; k < segs.length; k++) {
        const a = segs[k - 1]!;
        const b = segs[k]!;
        if (!isFigure(b.text) || columnOf(a, anchors) !== columnOf(b, anchors) || b.x0 <= a.x1) continue;
        if (!isFigure(a.text)) {
          if (isAmountFigure(b.text) && /\p{L}{3}/u.test(a.text)) labelled.push(b.x0 - 0.5);
          continue;
        }
        const edge = Math.max(a.x1 + 0.5, b.x0 - 0.5);
        if (added === null || edge < added) added = edge;
      }
    }
    if (added === null && labelled.length >= 3) added = Math.min(...labelled);
    if (added === null) return;
    anchors.push(added);
    anchors.sort((x, y) => x - y);
  }
}

/** Column of a segment: figures are right-aligned more often than not, so they go by their right edge. */
export function columnOf(s: Segment, anchors: readonly number[]): number {
  const numeric = /^[-–−(]?\s?[\d\s.,%]+\s?(?:kr|tkr|mnkr|%)?\)?$|^[-–−]$/.test(s.text);
  const x = numeric ? s.x1 - 1 : s.x0 + 2;
  let c = 0;
  for (let k = 0; k < anchors.length; k++) if (anchors[k]! <= x) c = k;
  return c;
}

function estimatePitch(cols: Array<Array<{ y: number }>>, h: number): number {
  const counts = new Map<number, number>();
  for (const col of cols) {
    for (let k = 1; k < col.length; k++) {
      const gap = col[k]!.y - col[k - 1]!.y;
      if (gap >= h * 0.95 && gap <= h * 1.45) {
        const key = Math.round(gap * 4) / 4;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  let best = 0;
  let bestCount = 0;
  for (const [gap, n] of counts) if (n > bestCount || (n === bestCount && gap < best)) [best, bestCount] = [gap, n];
  return bestCount >= 2 ? best : h * 1.2;
}

function isBlockBreak(gap: number, pitch: number): boolean {
  const r = gap / pitch;
  if (r > 6.5 || r < 0.7) return r > 6.5;
  return Math.abs(r - Math.round(r)) > 0.15;
}

/**
 * Indexes of the lines that start a cell in one column. A line continues the cell when it sits a
 * whole number of pitches below the previous line or below the cell's first line (one odd line,
 * e.g. a raised run, must not split a cell).
 */
function blockStarts(col: Array<{ y: number }>, pitch: number): Set<number> {
  const out = new Set<number>();
  let first = 0;
  col.forEach((l, k) => {
    if (k === 0) {
      out.add(0);
      return;
    }
    const fromPrev = l.y - col[k - 1]!.y;
    const fromFirst = l.y - col[first]!.y;
    if (isBlockBreak(fromPrev, pitch) && (isBlockBreak(fromFirst, pitch) || fromFirst / pitch > 40)) {
      out.add(k);
      first = k;
    }
  });
  return out;
}

/** Row starts where three or more columns resume together (rounded y). */
const strongStarts = new Set<number>();

const REF_START = /^(?:[A-ZÅÄÖ][a-z]?\.)?\d+(?:\.\d+)+(?=[\s(]|$)/;

function findRowStarts(cols: Array<Array<{ y: number; text: string }>>, pitch: number): number[] {
  strongStarts.clear();
  const starts: number[] = [];
  const resumes = new Map<number, number>();
  for (const col of cols) {
    const b = blockStarts(col, pitch);
    col.forEach((l, k) => {
      if (b.has(k)) starts.push(l.y);
      // Several columns resuming after a blank stretch on the same line: a row that starts on the grid.
      else if (l.y - col[k - 1]!.y >= pitch * 1.9) {
        const key = Math.round(l.y);
        resumes.set(key, (resumes.get(key) ?? 0) + 1);
      }
    });
  }
  for (const [y, n] of resumes)
    if (n >= 3) {
      starts.push(y);
      strongStarts.add(y);
    }
  starts.sort((a, b) => a - b);
  const out: number[] = [];
  for (const y of starts) if (out.length === 0 || y - out[out.length - 1]! > 2) out.push(y);
  return out;
}

function assignRows(cols: Array<Array<{ y: number; text: string }>>, starts: number[], pitch: number, page: number, lineRows: boolean): TableRow[] {
  const rowStarts = [...starts];
  if (!lineRows) addOffGridStarts(cols, rowStarts, pitch);
  const rows: TableRow[] = rowStarts.map((y) => ({ y, page, cells: cols.map((): Cell => ({ lines: [], y: null })) }));
  const rowIndex = (y: number): number => {
    let r = 0;
    for (let k = 0; k < rowStarts.length; k++) if (rowStarts[k]! <= y + 2) r = k;
    return r;
  };
  cols.forEach((col, c) => {
    const starts = blockStarts(col, pitch);
    let cell: Cell | null = null;
    let lastY = 0;
    for (let k = 0; k < col.length; k++) {
      const l = col[k]!;
      const gap = l.y - lastY;
      // An empty stretch of a column can span a whole number of pitches by chance: a line that
      // sits on another row's start line begins a new cell.
      const startsRow = rowStarts.some((y) => Math.abs(y - l.y) <= 1);
      // At a row start where several columns resume, a line that opens like a cell (capital, digit) opens one.
      const strong = startsRow && strongStarts.has(Math.round(l.y)) && /^[\p{Lu}\d(]/u.test(l.text);
      if (!cell || starts.has(k) || (lineRows && startsRow) || (startsRow && (gap > pitch * 1.05 || REF_START.test(l.text) || strong))) {
        cell = rows[rowIndex(l.y)]!.cells[c]!;
        cell.ys ??= [];
        if (cell.lines.length) pushLine(cell, '', NaN);
        if (cell.y === null) cell.y = l.y;
      } else {
        const blanks = Math.round(gap / pitch) - 1;
        for (let b = 0; b < blanks; b++) pushLine(cell, '', NaN);
      }
      pushLine(cell, l.text, l.y);
      lastY = l.y;
    }
  });
  return rows.filter((r) => r.cells.some((c) => c.lines.length));
}

function pushLine(cell: Cell, text: string, y: number): void {
  cell.lines.push(text);
  cell.ys?.push(y);
}

/**
 * A line that continues its column on the pitch grid may still start a new row (a spanning group
 * row after a short cell): all cells of a row share one grid, so if the row's lowest line so far is
 * off-grid from this line, and no other row started in between, the line opens a new row.
 */
function addOffGridStarts(cols: Array<Array<{ y: number }>>, rowStarts: number[], pitch: number): void {
  const all = cols.flatMap((col) => col.map((l) => l.y)).sort((a, b) => a - b);
  const added: number[] = [];
  for (const col of cols) {
    let blockStart = -Infinity;
    const starts = blockStarts(col, pitch);
    for (let k = 0; k < col.length; k++) {
      const l = col[k]!;
      const prev = k > 0 ? col[k - 1]!.y : null;
      if (prev === null || starts.has(k)) {
        blockStart = l.y;
        continue;
      }
      if (rowStarts.some((y) => y > blockStart + 2 && y < l.y - 1)) continue;
      let lo = 0;
      let hi = all.length - 1;
      let lowest = prev;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (all[mid]! < l.y - 0.5) {
          lowest = Math.max(lowest, all[mid]!);
          lo = mid + 1;
        } else hi = mid - 1;
      }
      const gap = l.y - lowest;
      if (lowest > prev + 0.5 && gap >= pitch * 1.05 && isBlockBreak(gap, pitch)) {
        added.push(l.y);
        blockStart = l.y;
      }
    }
  }
  for (const y of added) if (!rowStarts.some((r) => Math.abs(r - y) <= 2)) rowStarts.push(y);
  rowStarts.sort((a, b) => a - b);
}

function findCaption(all: Line[], first: Line, h: number): string | null {
  const k = all.indexOf(first);
  const prev = k > 0 ? all[k - 1] : undefined;
  if (!prev || prev.segs.length !== 1) return null;
  if (first.y - prev.y > h * 1.25 * 3) return null;
  const text = prev.line.text.trim();
  return text.length <= 80 ? text : null;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 10;
}
