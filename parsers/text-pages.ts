/**
 * Plain text → PageText[], so .txt and .docx input go through the same extractors as PDFs.
 * A form feed (\f) separates pages. Items and positions are synthesised: one line every 14 pt,
 * 5 pt per character, and each TAB-separated cell starts at its own column (tab count × 120 pt,
 * so empty cells keep later cells aligned under their headers). Runs of 3+ spaces (pdftotext
 * -layout output) are column gaps too, placed at their character column. Between cells we emit
 * a wide whitespace item, as PDFs do for a tab, which the normaliser reads as a column break.
 */
import type { PageLine, PageText, TextItem } from '../core/facts.js';

const SIZE = 10;
const CHAR_W = 5;
const LINE_H = 14;
const LEFT = 50;
const TOP = 40;
const COL_W = 120;

export function textToPages(text: string): PageText[] {
  const pageTexts = text.replace(/\r\n?/g, '\n').split('\f');
  // A trailing form feed does not start a real page.
  if (pageTexts.length > 1 && pageTexts[pageTexts.length - 1]!.trim() === '') pageTexts.pop();
  return pageTexts.map((pt, i) => toPage(pt, i + 1));
}

function toPage(text: string, pageNo: number): PageText {
  const raw = text.split('\n');
  const lines: PageLine[] = [];
  raw.forEach((line, idx) => {
    if (line.trim() === '') return;
    const y = TOP + idx * LINE_H;
    const items = lineItems(line, y);
    if (items.length === 0) return;
    lines.push({
      y,
      x: items[0]!.x,
      text: items
        .filter((it) => it.text.trim() !== '')
        .map((it) => it.text)
        .join('\t'),
      items,
    });
  });
  return { pageNo, width: 595.3, height: Math.max(841.9, TOP + raw.length * LINE_H + 40), text: lines.map((l) => l.text).join('\n'), lines };
}

function lineItems(line: string, y: number): TextItem[] {
  const items: TextItem[] = [];
  const push = (t: string, x: number): void => {
    if (items.length > 0) {
      const prev = items[items.length - 1]!;
      const end = prev.x + prev.width;
      items.push({ text: ' ', x: end, y, width: Math.max(x - end, SIZE * 2), height: SIZE });
    }
    items.push({ text: t, x, y, width: t.length * CHAR_W, height: SIZE });
  };
  const expanded = line.replace(/\s+$/, '');
  if (expanded.includes('\t')) {
    const cells = expanded.split('\t');
    let leading = 0;
    cells.forEach((cell, tabIndex) => {
      const t = cell.trim();
      if (t === '') {
        if (items.length === 0) leading++;
        return;
      }
      const indent = cell.length - cell.trimStart().length;
      push(t, LEFT + tabIndex * COL_W + indent * CHAR_W + (leading > 0 && items.length === 0 ? 0 : 0));
    });
    return items;
  }
  // Space-aligned columns: split on runs of 3+ spaces, keep character columns.
  const re = /\S(?:.*?\S)?(?= {3,}|$)/g;
  for (const m of expanded.matchAll(re)) push(m[0], LEFT + (m.index ?? 0) * CHAR_W);
  return items;
}
