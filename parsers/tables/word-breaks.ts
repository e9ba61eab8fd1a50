/**
 * Words broken inside a cell without a hyphen ("Ombyggnad/tillgängliggöran" / "de Hafreborg"): a
 * word wider than its cell is cut where the cell ends. Such a line is one unbroken word that fills
 * the cell (it ends within a character of the column's widest line and of the next column), and
 * the next line of the cell goes on in lower case. The line gets a soft hyphen (U+00AD) at its end,
 * so the cell's text joins the two parts without a space (cell-text.ts `joinWrapped`).
 */

export const SOFT_HYPHEN = '\u00ad';

interface ColLine {
  y: number;
  text: string;
  x0?: number;
  x1?: number;
}

export function markWordBreaks(cols: ColLine[][], anchors: readonly number[], h: number): void {
  cols.forEach((col, c) => {
    const next = anchors[c + 1];
    if (next === undefined) return;
    const widest = Math.max(...col.map((l) => l.x1 ?? -Infinity));
    for (let k = 0; k + 1 < col.length; k++) {
      const a = col[k]!;
      const b = col[k + 1]!;
      if (a.x1 === undefined || a.x0 === undefined || b.x0 === undefined) continue;
      const fills = a.x1 >= widest - 0.6 * h && next - a.x1 <= 1.2 * h;
      const sameCell = b.y - a.y > 0 && b.y - a.y <= 1.6 * h && Math.abs(b.x0 - a.x0) <= 2;
      if (fills && sameCell && /^\S{6,}$/u.test(a.text) && /\p{Ll}$/u.test(a.text) && /^\p{Ll}/u.test(b.text)) a.text += SOFT_HYPHEN;
    }
  });
}
