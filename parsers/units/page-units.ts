/**
 * Evidence units of a page's text: sentences of running text, and table rows rendered as one
 * sentence with their column headers and caption. Works from page text alone (a TAB marks a
 * column gap in PDF lines), so PDF, DOCX and TXT go the same way.
 */
import type { EvidenceUnit, PageText } from '../../core/facts.js';

type Unit = Omit<EvidenceUnit, 'ord'>;

/** Longest quote a unit holds; longer sentences are cut at a clause boundary. */
const MAX_UNIT = 400;

/** A number that is a value (an amount, a count), not a year, a date or a list number. */
const VALUE = /(?<![\d.,/-])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d{3,}|\d+[.,]\d+)(?![\d/])/;
const YEARISH = /^(?:(?:19|20)\d\d(?:[-/]\d\d(?:[-/]\d\d)?)?|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?)$/;

/** True when a header-like row: several cells, none holding a value (years and dates allowed). */
function isHeaderRow(cells: string[]): boolean {
  if (cells.length < 2) return false;
  return cells.every((c) => YEARISH.test(c.trim()) || !VALUE.test(c));
}

/** Headings: numbered ("3. Ekonomi", "§ 5"), ending in a colon, or written in capitals. */
function isHeading(line: string): boolean {
  if (line.length > 80 || line.includes('\t')) return false;
  if (/^(?:§\s*\d+|\d{1,2}(?:\.\d{1,2})*\.?\s+\p{Lu})/u.test(line) && !/[.!?]$/.test(line) && line.length <= 60) return true;
  if (/:$/.test(line) && line.length <= 60) return true;
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && !/\d{3}/.test(line);
}

/** "Header: cell" pairs of a row, headers aligned from the right (a label column often has none). */
export function renderRow(cells: string[], header: string[] | null, caption: string | null): string {
  const label = cells[0]!;
  const rest = cells.slice(1);
  const parts: string[] = [];
  const offset = header ? header.length - cells.length : 0;
  rest.forEach((cell, i) => {
    const h = header?.[i + 1 + offset]?.trim();
    parts.push(h && h !== cell ? `${h}: ${cell}` : cell);
  });
  const head = caption ? `${caption} – ` : '';
  return `${head}${label}${parts.length ? ' – ' + parts.join('; ') : ''}`;
}

/** Sentences of a paragraph; long ones cut at "; " or ", " near the limit. */
export function sentences(paragraph: string): string[] {
  const out: string[] = [];
  // A full stop after a lone number ("1. Mötesmanualen") or an initial is no sentence end.
  for (const s of paragraph.split(/(?<=(?:\p{L}{2}|\d{2}|[)"”])[.!?])\s+(?=[\p{Lu}\d"„»(])/u)) {
    let rest = s.trim();
    while (rest.length > MAX_UNIT) {
      const cut = Math.max(rest.lastIndexOf('; ', MAX_UNIT), rest.lastIndexOf(', ', MAX_UNIT), rest.lastIndexOf(' ', MAX_UNIT));
      const at = cut > MAX_UNIT / 2 ? cut + 1 : MAX_UNIT;
      out.push(rest.slice(0, at).trim());
      rest = rest.slice(at).trim();
    }
    if (rest) out.push(rest);
  }
  return out;
}

/** Units of one page. `section` carries the heading in force from the pages before. */
export function pageUnits(page: PageText, section: { value: string | null }, visualLines = true): Unit[] {
  const out: Unit[] = [];
  // Wrapped lines of running text are about as long as the page's long lines; a shorter line
  // ended its paragraph (TXT files have one paragraph a line, of any length).
  const lengths = page.text
    .split('\n')
    .map((l) => l.trim().length)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  const wrapAt = visualLines ? 0.7 * (lengths[Math.floor(lengths.length * 0.9)] ?? 0) : Infinity;
  let para = '';
  let lastLine = '';
  let header: string[] | null = null;
  let caption: string | null = null;
  const flush = () => {
    for (const s of sentences(para)) out.push({ page: page.pageNo, kind: 'text', section: section.value, text: s, quote: s });
    para = '';
  };
  for (const raw of page.text.split('\n')) {
    const line = raw.replace(/[ \u00a0]+/g, ' ').trim();
    if (!line) {
      flush();
      continue;
    }
    const cells = line.includes('\t') ? line.split(/\s*\t\s*/).filter(Boolean) : [line];
    if (cells.length >= 2) {
      flush();
      if (isHeaderRow(cells) && !VALUE.test(cells[0]!)) {
        header = cells;
        // A header row is a unit too: "what columns does the table have" and years asked about.
        out.push({ page: page.pageNo, kind: 'row', section: caption ?? section.value, text: cells.join(' · '), quote: cells.join(' · ') });
        continue;
      }
      // Header cells name the columns from the left when the row has the same number of cells.
      const h = header && header.length === cells.length ? header : header && header.length === cells.length - 1 ? ['', ...header] : header;
      const text = renderRow(cells, h, caption ?? section.value);
      out.push({ page: page.pageNo, kind: 'row', section: caption ?? section.value, text, quote: text });
      continue;
    }
    if (isHeading(line)) {
      flush();
      section.value = line.replace(/:$/, '');
      caption = section.value;
      header = null;
      out.push({ page: page.pageNo, kind: 'text', section: section.value, text: line, quote: line });
      continue;
    }
    // A line after a finished sentence, or starting with a capital after a short line, starts a
    // new paragraph (lists of names, agenda points); otherwise it continues the wrapped sentence.
    const prev = para.trimEnd();
    const wrapped = visualLines && lastLine.length >= wrapAt && lastLine.length >= 40;
    const newPara = !prev || /[.!?:]$/.test(prev) || /^[-•▪●*–]\s|^\d{1,2}[.)]\s/.test(line) || (!/^\p{Ll}/u.test(line) && !wrapped);
    lastLine = line;
    if (newPara) {
      flush();
      para = line;
    } else para = `${prev} ${line}`;
    if (VALUE.test(line) && line.length < Math.min(visualLines ? 90 : 200, wrapAt) && !/[.!?]$/.test(line)) {
      // A short line holding a value (a table without column gaps) is a unit of its own.
      flush();
    }
  }
  flush();
  return out;
}
