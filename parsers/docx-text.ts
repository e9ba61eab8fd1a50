/**
 * Word (.docx) → plain text, through mammoth's HTML (its raw text flattens tables to one cell per
 * paragraph, which loses which name sits next to which role, or which task next to its owner).
 * Paragraphs are separated by a blank line; a table row becomes TAB-separated lines, one per line
 * of its tallest cell ("Beslutande<TAB>Anna (S)" then "<TAB>Per (M)"), the layout the .txt path
 * reads as a label column or an Åtgärd/Ansvarig table; list items keep a bullet or their number.
 */
import mammoth from 'mammoth';
import { AppError } from '../core/errors.js';

export async function extractDocxText(bytes: Uint8Array): Promise<string> {
  try {
    const r = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    return htmlToText(r.value);
  } catch (err) {
    throw new AppError('corrupt-pdf', 'The Word file is damaged and cannot be read. Save it again from Word and upload the new copy.', { cause: err });
  }
}

interface OpenTable {
  rows: string[][][];
  row: string[][] | null;
  cell: string[] | null;
}

const BLOCK_RE = /<(\/?)(p|h[1-6]|li|ul|ol|table|tr|td|th|br)\b[^>]*>/giu;

/** mammoth's HTML (a small, regular subset) → text. Linear: one pass over the tags. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let text = '';
  const lists: Array<{ ordered: boolean; n: number }> = [];
  let table: OpenTable | null = null;
  const tables: OpenTable[] = [];
  let last = 0;
  const flush = (prefix = ''): void => {
    const t = decode(text)
      .replace(/[ \u00a0]+/g, ' ')
      .trim();
    text = '';
    if (!t) return;
    if (table?.cell)
      table.cell.push(
        ...t
          .split('\n')
          .map((x) => x.trim())
          .filter(Boolean),
      );
    else out.push(prefix + t, '');
  };
  let itemPrefix = '';
  for (const m of html.matchAll(BLOCK_RE)) {
    text += html.slice(last, m.index).replace(/<[^>]*>/g, '');
    last = (m.index ?? 0) + m[0].length;
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    if (tag === 'br') {
      text += '\n';
      continue;
    }
    if (tag === 'ul' || tag === 'ol') {
      flush(itemPrefix);
      if (closing) lists.pop();
      else lists.push({ ordered: tag === 'ol', n: 0 });
      continue;
    }
    if (tag === 'li') {
      if (closing) {
        flush(itemPrefix);
        itemPrefix = '';
      } else {
        flush(itemPrefix);
        const l = lists[lists.length - 1];
        if (l) l.n++;
        itemPrefix = table ? '' : l?.ordered ? `${l.n}. ` : '• ';
      }
      continue;
    }
    if (tag === 'table') {
      flush(itemPrefix);
      if (!closing) {
        if (table) tables.push(table);
        table = { rows: [], row: null, cell: null };
      } else if (table) {
        const done: OpenTable = table;
        table = tables.pop() ?? null;
        const lines = tableLines(done.rows);
        const outer = table as OpenTable | null;
        if (outer?.cell) outer.cell.push(...lines.map((l) => l.replace(/\t/g, ' ')));
        else out.push(...lines, '');
      }
      continue;
    }
    if (!table) {
      if (closing) flush(itemPrefix);
      continue;
    }
    if (tag === 'tr') {
      if (!closing) table.row = [];
      else if (table.row) {
        table.rows.push(table.row);
        table.row = null;
      }
    } else if (tag === 'td' || tag === 'th') {
      if (!closing) table.cell = [];
      else {
        flush();
        if (table.row && table.cell) table.row.push(table.cell);
        table.cell = null;
      }
    } else if (closing) flush();
  }
  text += html.slice(last).replace(/<[^>]*>/g, '');
  flush();
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function tableLines(rows: string[][][]): string[] {
  const lines: string[] = [];
  for (const row of rows) {
    const height = Math.max(1, ...row.map((c) => c.length));
    for (let k = 0; k < height; k++)
      lines.push(
        row
          .map((c) => c[k] ?? '')
          .join('\t')
          .replace(/\s+$/u, ''),
      );
  }
  return lines.filter((l) => l.trim() !== '');
}

function decode(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/giu, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/gu, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}
