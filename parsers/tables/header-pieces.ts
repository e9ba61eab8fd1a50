/**
 * Header words over right-aligned figure columns sit close together ("Ack. Avvikelse  Budget 2025 Utfall"):
 * the gaps between them are narrower than a cell gap, so they read as one segment spanning several
 * columns. A header segment that overlaps two or more figure columns is cut at its items, each item
 * going with the figure column it overlaps most (items over no column stay with the one before).
 */
import type { PageLine } from '../../core/facts.js';
import type { Segment } from './types.js';

type Extent = [number, number] | null;

function overlapCol(x0: number, x1: number, extents: readonly Extent[]): number | null {
  let best: number | null = null;
  let bestW = 0;
  extents.forEach((e, c) => {
    if (!e) return;
    const w = Math.min(x1, e[1]) - Math.max(x0, e[0]);
    if (w > bestW) [best, bestW] = [c, w];
  });
  return best;
}

/** `segs` with every header segment over several figure columns cut per column. */
export function headerPieces(segs: readonly Segment[], line: PageLine, extents: readonly Extent[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segs) {
    const spanned = new Set(extents.flatMap((e, c) => (e && Math.min(s.x1, e[1]) > Math.max(s.x0, e[0]) ? [c] : [])));
    const items = line.items.filter((it) => it.text.trim() !== '' && it.x >= s.x0 - 0.5 && it.x + it.width <= s.x1 + 0.5);
    if (spanned.size < 2 || items.length < 2) {
      out.push(s);
      continue;
    }
    let cur: { seg: Segment; col: number | null } | null = null;
    for (const it of items) {
      const col = overlapCol(it.x, it.x + it.width, extents);
      if (cur && (col === null || cur.col === null || col === cur.col)) {
        const gap = it.x - cur.seg.x1;
        cur.seg.text += gap > Math.max(it.height * 0.15, 0.8) ? ` ${it.text}` : it.text;
        cur.seg.x1 = Math.max(cur.seg.x1, it.x + it.width);
        cur.col ??= col;
        continue;
      }
      if (cur) out.push(cur.seg);
      cur = { seg: { text: it.text, x0: it.x, x1: it.x + it.width, y: s.y, height: s.height }, col };
    }
    if (cur) out.push(cur.seg);
  }
  return out.map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ').trim() }));
}
