/**
 * Owners in a right-hand "Action" column of a PDF: minutes laid out as a two-column table (the
 * discussion on the left, the initials of whoever acts on it on the right) lose the column in the
 * text layer, so the initials land inside the sentence ("… could ascertain what Community DH
 * Groups are planning …") or after a TAB. The positioned items still say where they stand: a
 * short run of initials at the x of a column headed "Action"/"Ansvar"/"Who" that names listed
 * attendees marks the sentence on its line as that attendee's task. Without such a header,
 * nothing is read here.
 */
import type { PageText } from '../../core/facts.js';
import type { Para } from '../normalize.js';
import { ACTION_COL, OWNER_COL } from './action-table.js';

/** The column's header: an action table's owner or action header (action-table.ts), as printed at its top. */
const isColumnLabel = (text: string): boolean => OWNER_COL.test(text) || ACTION_COL.test(text);
/** "DH", "NS", "AHop", "AW/IB": initials, one to five runs. */
const INITIALS_RE = /^\p{Lu}[\p{Lu}\p{Ll}]{0,3}(?:\s*[/,&]\s*\p{Lu}[\p{Lu}\p{Ll}]{0,3}){0,4}$/u;

export interface MarginMark {
  page: number;
  y: number;
  /** The initials as printed ("AW/IB"). */
  token: string;
}

/** The initials standing in the action column, on every page after the column's header. */
export function marginMarks(pages: readonly PageText[]): MarginMark[] {
  let column: number | null = null;
  const out: MarginMark[] = [];
  for (const page of pages) {
    for (const line of page.lines ?? []) {
      for (const it of line.items) {
        const text = it.text.trim();
        if (isColumnLabel(text) && it.x > page.width * 0.55) {
          column = it.x;
          continue;
        }
        // The column's cells start at its header's x (a few points either way), never left of the text block's end.
        if (column !== null && Math.abs(it.x - column) <= 15 && INITIALS_RE.test(text)) out.push({ page: page.pageNo, y: line.y, token: text });
      }
    }
  }
  return out;
}

/** The marks on a paragraph's lines, with the text of the line each stands on. */
export function marksOf(p: Para, marks: readonly MarginMark[]): Array<{ token: string; line: string }> {
  const out: Array<{ token: string; line: string }> = [];
  for (const m of marks) {
    if (m.page !== p.page) continue;
    const line = p.lines.find((l) => l.page === m.page && Math.abs(l.y - m.y) < 1);
    if (line) out.push({ token: m.token, line: line.text });
  }
  return out;
}
