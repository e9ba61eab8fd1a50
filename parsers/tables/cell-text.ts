/** Joins a cell's lines into text: wrapped lines become one paragraph, blank lines separate paragraphs. */
import type { Cell } from './types.js';
import { SOFT_HYPHEN } from './word-breaks.js';

/** Paragraphs of a cell (a blank line inside the cell starts a new one). */
export function cellParagraphs(cell: Cell | undefined): string[] {
  if (!cell) return [];
  const paras: string[] = [];
  let cur = '';
  for (const line of cell.lines) {
    if (line === '') {
      if (cur) paras.push(cur);
      cur = '';
      continue;
    }
    cur = joinWrapped(cur, line);
  }
  if (cur) paras.push(cur);
  return paras;
}

/** The whole cell as one string, paragraphs separated by "\n". */
export function cellText(cell: Cell | undefined): string {
  return cellParagraphs(cell).join('\n');
}

/** The cell on one line. */
export function cellFlat(cell: Cell | undefined): string {
  return cellParagraphs(cell).join(' ');
}

/** Joins a wrapped line to the text before it; a line-end hyphen is kept and glued ("projektlednings-grupp"). */
export function joinWrapped(before: string, line: string): string {
  if (!before) return line;
  if (/[\p{L}]-$/u.test(before)) return before + line;
  // A word broken where its cell ends (word-breaks.ts): joined without a space.
  if (before.endsWith(SOFT_HYPHEN)) return before.slice(0, -1) + line;
  return `${before} ${line}`;
}
