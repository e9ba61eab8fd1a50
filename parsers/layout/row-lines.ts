/**
 * A table row whose figure cells hold several figures, one per line, is several rows that the
 * row finder joined (rows printed at the line pitch, with no padding between them). Each line with
 * figures becomes a row of its own; a label line without figures goes with the figure line on the
 * same baseline, else wraps onto the row above (it starts in lower case or with a parenthesis) or
 * leads into the row below.
 */
import type { Cell, TableRow } from '../tables/types.js';

const HAS_FIGURE = /\d/;

function figureLines(cell: Cell | undefined): number {
  return cell ? cell.lines.filter((l) => l !== '' && HAS_FIGURE.test(l)).length : 0;
}

/** The row itself, or one row per figure line when its figure cells stack several figures. */
export function explodeRow(row: TableRow, amountCols: readonly number[]): TableRow[] {
  if (!amountCols.some((c) => figureLines(row.cells[c]) > 1)) return [row];
  // Every non-empty cell must know where its lines are; otherwise leave the row (its stacked cells read as nothing).
  if (row.cells.some((c) => c.lines.length > 0 && (!c.ys || c.ys.length !== c.lines.length))) return [row];
  const baselines: number[] = [];
  for (const c of amountCols) {
    const cell = row.cells[c];
    cell?.lines.forEach((l, k) => {
      const y = cell.ys![k]!;
      if (l !== '' && HAS_FIGURE.test(l) && !baselines.some((b) => Math.abs(b - y) <= 2)) baselines.push(y);
    });
  }
  baselines.sort((a, b) => a - b);
  const out: TableRow[] = baselines.map((y) => ({ y, page: row.page, cells: row.cells.map((): Cell => ({ lines: [], y: null, ys: [] })) }));
  row.cells.forEach((cell, c) => {
    cell.lines.forEach((text, k) => {
      if (text === '') return;
      const y = cell.ys![k]!;
      let at = baselines.findIndex((b) => Math.abs(b - y) <= 2);
      if (at < 0) {
        const below = baselines.findIndex((b) => b > y);
        const wraps = /^[\p{Ll}(]/u.test(text);
        at = below < 0 ? baselines.length - 1 : wraps && below > 0 ? below - 1 : below;
      }
      const target = out[at]!.cells[c]!;
      target.lines.push(text);
      target.ys!.push(y);
      if (target.y === null) target.y = y;
    });
  });
  return out;
}
