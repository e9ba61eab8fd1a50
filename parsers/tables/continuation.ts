/**
 * Joins tables that continue on the next page: same header (repeated header rows) or no header,
 * with the same column edges, and nothing but running header/footer text between them.
 * A first row without a reference in its key column is the tail of a row split by the page break.
 */
import type { PageText } from '../../core/facts.js';
import { detectTables } from './detect.js';
import type { Table } from './types.js';

const cache = new WeakMap<PageText[], Table[]>();
/** One page's tables, detected ahead by the thread that read the page (workers/page-parallel.ts); taken once, since merging changes them. */
const detectedAhead = new WeakMap<PageText, Table[]>();

/**
 * Hands over `detectTables(page)` computed elsewhere (a page-parallel reading thread, while the others
 * still read), so `documentTables` does not detect that page again on the analysing thread.
 */
export function rememberPageTables(page: PageText, tables: Table[]): void {
  detectedAhead.set(page, tables);
}

function pageTables(page: PageText): Table[] {
  const ahead = detectedAhead.get(page);
  if (!ahead) return detectTables(page);
  detectedAhead.delete(page);
  return ahead;
}

/** Tables of a whole document, continuations merged, in reading order (cached per pages array; treat as read-only). */
export function documentTables(pages: PageText[]): Table[] {
  const hit = cache.get(pages);
  if (hit) return hit;
  const out: Table[] = [];
  for (const page of pages) {
    const tables = pageTables(page);
    tables.forEach((t, k) => {
      const prev = out[out.length - 1];
      if (k === 0 && prev && prev.lastPage === page.pageNo - 1 && continues(prev, t, pages)) merge(prev, t);
      else out.push(t);
    });
  }
  cache.set(pages, out);
  return out;
}

const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\d]+/gu, '');

function sameColumns(a: Table, b: Table): boolean {
  if (a.anchors.length !== b.anchors.length) return false;
  return a.anchors.every((x, k) => Math.abs(x - b.anchors[k]!) <= 3);
}

function continues(prev: Table, next: Table, pages: PageText[]): boolean {
  if (!sameColumns(prev, next)) return false;
  if (next.hasHeader && prev.header.map(norm).join('|') !== next.header.map(norm).join('|')) return false;
  // Only running text (top margin of the new page, bottom margin of the old) may sit between them.
  const page = pages.find((p) => p.pageNo === next.page);
  const before = page?.lines.filter((l) => l.y < next.top - 1 && l.text.trim() !== '') ?? [];
  if (page && before.some((l) => l.y > page.height * 0.15)) return false;
  const old = pages.find((p) => p.pageNo === prev.lastPage);
  const after = old?.lines.filter((l) => l.y > prev.bottom + 1 && l.text.trim() !== '') ?? [];
  if (old && after.some((l) => l.y < old.height * 0.88)) return false;
  return true;
}

/** Reference at the start of a cell: "1.", "3.2", "A", "A.1", "Aa.1", "(B)". */
export const ROW_REF =
  /^(?:\d+(?:\.\d+)*\.?(?=[\s(]|$)|[A-ZÅÄÖ][a-z]?(?:\.[a-z])?(?:\.\d+)*\.?(?=\n|$)|[A-ZÅÄÖ][a-z]?(?:\.[a-z])?\.\d+(?:\.\d+)*(?=[\s(]|$)|\([A-ZÅÄÖ]\))/;

function merge(into: Table, next: Table): void {
  const rows = [...next.rows];
  const first = rows[0];
  const last = into.rows[into.rows.length - 1];
  if (first && last && usesRefs(into)) {
    const texts = first.cells.map((c) => c.lines.filter(Boolean).join('\n'));
    const col0 = texts[0] ?? '';
    const col1 = texts[1] ?? '';
    if (col0 !== '' && !ROW_REF.test(col0) && texts.length > 2 && ROW_REF.test(col1)) {
      // The first column (a merged goal cell) continues; the rest is a new sub-row.
      appendCell(last.cells[0], first.cells[0]!.lines);
      first.cells[0] = { lines: [], y: null };
    } else {
      const key = col0 || col1;
      if (!ROW_REF.test(key) && !isGroupLabel(into, texts)) {
        // The whole row is the tail of the last row.
        first.cells.forEach((c, i) => appendCell(last.cells[i], c.lines));
        last.continued = true;
        rows.shift();
      }
    }
  }
  into.rows.push(...rows);
  into.lineKeys.push(...next.lineKeys);
  into.lastPage = next.page;
  into.bottom = next.bottom;
}

/** True when most rows start with a reference ("1.", "3.2", "B") in their first or second column. */
function usesRefs(t: Table): boolean {
  let withRef = 0;
  let n = 0;
  for (const r of t.rows) {
    const key = r.cells[0]?.lines.filter(Boolean).join('\n') || r.cells[1]?.lines.filter(Boolean).join('\n') || '';
    if (!key) continue;
    n++;
    if (ROW_REF.test(key)) withRef++;
  }
  return n > 0 && withRef / n >= 0.5;
}

/** A one-cell row shaped like a group label the table already has ("Planerad start 2016" → "… 2017"). */
function isGroupLabel(t: Table, texts: string[]): boolean {
  if (!texts[0] || texts.slice(1).some(Boolean)) return false;
  const shape = (s: string): string => s.replace(/\d+/g, '#').trim().toLowerCase();
  const mine = shape(texts[0]);
  return t.rows.some((r) => r.cells.slice(1).every((c) => c.lines.length === 0) && shape(r.cells[0]?.lines.filter(Boolean).join('\n') ?? '') === mine);
}

function appendCell(cell: { lines: string[]; y: number | null } | undefined, lines: string[]): void {
  if (!cell || lines.length === 0) return;
  cell.lines.push(...lines);
}
