/**
 * A table row whose figure cells hold several figures, one per line, is several rows that the
 * row finder joined (rows printed at the line pitch, with no padding between them). Each line with
 * figures becomes a row of its own. A label line without figures goes with the figure line on the
 * same baseline; else it wraps onto the row above (it starts in lower case or with a parenthesis),
 * leads into the row right below it (the next line holds figures), or is a group label of its own
 * ("RÖRELSEKOSTNADER"), kept as a row without figures.
 */
import type { Cell, TableRow } from '../tables/types.js';

const HAS_FIGURE = /\d/;

function figureLines(cell: Cell | undefined): number {
  return cell ? cell.lines.filter((l) => l !== '' && HAS_FIGURE.test(l)).length : 0;
}

const known = (c: Cell) => c.lines.length === 0 || (c.ys !== undefined && c.ys.length === c.lines.length);

/**
 * True when a line without figures is a group label over the row below rather than the first line of
 * that row's label: the row has its own label, opening with a capital ("Rörelsekostnader" above
 * "Övriga externa kostnader  -987 336"), and this line does not run on into it (a hyphen, comma or
 * joining word at its end).
 */
function headsLabel(cell: Cell, below: number, text: string): boolean {
  const k = cell.lines.findIndex((l, i) => l !== '' && Math.abs(cell.ys![i]! - below) <= 2);
  if (k < 0 || !/^\p{Lu}/u.test(cell.lines[k]!)) return false;
  return !/[-–,]$|\s(?:och|samt|av|för|till|i|på|med|and|of|for|to|in)$/iu.test(text.trim());
}

/** The row itself, or one row per figure line (and per group label) when its figure cells stack several figures. */
export function explodeRow(row: TableRow, amountCols: readonly number[], lineHeight = 12): TableRow[] {
  if (!amountCols.some((c) => figureLines(row.cells[c]) > 1)) return [row];
  // Every non-empty cell must know where its lines are; otherwise leave the row (its stacked cells read as nothing).
  if (!row.cells.every(known)) return [row];
  const baselines: number[] = [];
  for (const c of amountCols) {
    const cell = row.cells[c];
    cell?.lines.forEach((l, k) => {
      const y = cell.ys![k]!;
      if (l !== '' && HAS_FIGURE.test(l) && !baselines.some((b) => Math.abs(b - y) <= 2)) baselines.push(y);
    });
  }
  baselines.sort((a, b) => a - b);
  const rows = new Map<number, TableRow>(baselines.map((y) => [y, { y, page: row.page, cells: row.cells.map((): Cell => ({ lines: [], y: null, ys: [] })) }]));
  const groupRow = (y: number): number => {
    if (!rows.has(y)) rows.set(y, { y, page: row.page, cells: row.cells.map((): Cell => ({ lines: [], y: null, ys: [] })) });
    return y;
  };
  row.cells.forEach((cell, c) => {
    cell.lines.forEach((text, k) => {
      if (text === '') return;
      const y = cell.ys![k]!;
      let at = baselines.find((b) => Math.abs(b - y) <= 2);
      if (at === undefined) {
        const below = baselines.find((b) => b > y);
        const above = [...baselines].reverse().find((b) => b < y);
        const wraps = /^[\p{Ll}(]/u.test(text) && above !== undefined;
        const caps = !/\p{Ll}/u.test(text) && /\p{Lu}/u.test(text);
        if (wraps) at = above;
        else if (below !== undefined && below - y <= lineHeight * 1.6 && !caps && !headsLabel(cell, below, text)) at = below;
        else at = groupRow(y);
      }
      const target = rows.get(at)!.cells[c]!;
      target.lines.push(text);
      target.ys!.push(y);
      if (target.y === null) target.y = y;
    });
  });
  return [...rows.values()].sort((a, b) => a.y - b.y);
}

/**
 * All rows of a table as one, exploded per line: for a money table whose row finder joined rows
 * (a figure cell stacks figures) and put labels and figures in different rows.
 */
export function explodeTable(rows: readonly TableRow[], amountCols: readonly number[], lineHeight: number): TableRow[] {
  const stacked = rows.some((r) => amountCols.some((c) => figureLines(r.cells[c]) > 1));
  const pages = new Set(rows.map((r) => r.page));
  if (!stacked || pages.size > 1 || !rows.every((r) => r.cells.every(known))) return rows.flatMap((r) => explodeRow(r, amountCols, lineHeight));
  const width = Math.max(...rows.map((r) => r.cells.length));
  const merged: TableRow = { y: rows[0]!.y, page: rows[0]!.page, cells: Array.from({ length: width }, (): Cell => ({ lines: [], y: null, ys: [] })) };
  for (const r of rows)
    r.cells.forEach((cell, c) => {
      const into = merged.cells[c]!;
      cell.lines.forEach((l, k) => {
        if (l === '') return;
        into.lines.push(l);
        into.ys!.push(cell.ys![k]!);
      });
      into.y ??= cell.y;
    });
  // Lines of one column in reading order (rows may interleave).
  for (const cell of merged.cells) {
    const order = cell.lines.map((_, k) => k).sort((a, b) => cell.ys![a]! - cell.ys![b]!);
    cell.lines = order.map((k) => cell.lines[k]!);
    cell.ys = order.map((k) => cell.ys![k]!);
  }
  return explodeRow(merged, amountCols, lineHeight);
}

/**
 * A label printed on two lines with the row's figures between them (a wrapped label whose figures
 * are centred on the cell): the row finder gives a row with the label and no figures, then a row
 * with figures and no label whose baseline lies between the label's first and last line. The two
 * are one row.
 */
export function joinLabelsAroundFigures(rows: readonly TableRow[], amountCols: readonly number[], labelCols: readonly number[]): TableRow[] {
  const out: TableRow[] = [];
  const filled = (r: TableRow, cols: readonly number[]) => cols.some((c) => (r.cells[c]?.lines ?? []).some((l) => l.trim() !== ''));
  for (let k = 0; k < rows.length; k++) {
    const a = rows[k]!;
    const b = rows[k + 1];
    if (b && b.page === a.page && !filled(a, amountCols) && filled(b, amountCols) && !filled(b, labelCols) && straddles(a, labelCols, b.y)) {
      out.push({ ...b, y: a.y, cells: b.cells.map((cell, c) => (filled(b, [c]) ? cell : (a.cells[c] ?? cell))) });
      k++;
    } else out.push(a);
  }
  return out;
}

/** True when a label cell of `row` has lines above and below `y`. */
function straddles(row: TableRow, labelCols: readonly number[], y: number): boolean {
  return labelCols.some((c) => {
    const ys = (row.cells[c]?.ys ?? []).filter((v) => Number.isFinite(v));
    return ys.length >= 2 && Math.min(...ys) < y && Math.max(...ys) > y;
  });
}

/**
 * A label cell that goes on after blank lines, below all of its row's figures ("Summa färdigställda
 * projekt", two blank lines, "Pågående projekt"): the lines after the gap are the next group's
 * label, a row of their own without figures.
 */
export function splitLabelsAtGaps(rows: readonly TableRow[], amountCols: readonly number[], labelCols: readonly number[]): TableRow[] {
  return rows.flatMap((row) => {
    const cuts = labelCols.map((c) => gapCut(row.cells[c]));
    const at = Math.min(...cuts.map((k) => k?.y ?? Infinity));
    if (!Number.isFinite(at)) return [row];
    // Every other line of the row (figures, other cells) lies above the cut.
    const below = row.cells.some((cell, c) => !labelCols.includes(c) && (cell.ys ?? []).some((y) => y >= at - 1));
    if (below || !amountCols.some((c) => (row.cells[c]?.lines ?? []).some((l) => l !== ''))) return [row];
    const head: TableRow = { ...row, cells: row.cells.map((cell) => ({ ...cell })) };
    const tail: TableRow = { y: at, page: row.page, cells: row.cells.map((): Cell => ({ lines: [], y: null, ys: [] })) };
    labelCols.forEach((c, i) => {
      const k = cuts[i];
      const cell = row.cells[c];
      if (!k || !cell) return;
      head.cells[c] = { lines: cell.lines.slice(0, k.blank), ys: cell.ys!.slice(0, k.blank), y: cell.y };
      tail.cells[c] = { lines: cell.lines.slice(k.next), ys: cell.ys!.slice(k.next), y: cell.ys![k.next]! };
    });
    return [head, tail];
  });
}

/** The first blank line of a cell followed by text: where the blank starts, the next text line and its y. */
function gapCut(cell: Cell | undefined): { blank: number; next: number; y: number } | null {
  if (!cell?.ys || cell.ys.length !== cell.lines.length) return null;
  const blank = cell.lines.findIndex((l, k) => l === '' && k > 0);
  if (blank < 0) return null;
  const next = cell.lines.findIndex((l, k) => k > blank && l !== '');
  if (next < 0 || !Number.isFinite(cell.ys[next])) return null;
  return { blank, next, y: cell.ys[next]! };
}
