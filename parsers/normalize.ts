/**
 * Page lines → a flat list of paragraphs the fact extractors read.
 * - Splits each line into cells at wide gaps (a gap, or a whitespace item, wider than 1.5× the
 *   font height: that is how a TAB between name and role shows up in a PDF).
 * - Strips running headers/footers (lines in the top/bottom band repeated on many pages, with
 *   digits masked) and bare page numbers; they are kept aside in `furniture`.
 * - Joins wrapped lines into paragraphs (same font, normal line spacing, the previous line was
 *   full), undoes end-of-line hyphenation ("för-\nbättra"), keeps suspended hyphens ("Barn- och").
 * - Joins a hanging-indent continuation into the row cell above it ("…, Ulricehamn,\nOrdförande").
 * - Marks headings: level 1 = numbered agenda item ("4. Aktiviteter", "§ 12") or a font larger
 *   than body text; level 2 = a short standalone line.
 * Linear in the number of lines; every regex runs on text capped at MAX_LINE characters.
 */
import type { PageText, TextItem } from '../core/facts.js';

export const MAX_LINE = 2000;

export interface Cell {
  text: string;
  x: number;
}

export interface NormLine {
  page: number;
  y: number;
  x: number;
  /** Font height of the line's first visible item. */
  size: number;
  /** Right edge of the last item. */
  right: number;
  text: string;
  cells: Cell[];
}

export type ParaKind = 'heading' | 'bullet' | 'text' | 'row';

export interface Para {
  kind: ParaKind;
  /** 1 = agenda item or larger font, 2 = short standalone line, 0 = not a heading. */
  level: 0 | 1 | 2;
  page: number;
  /** Joined text (cells joined with TAB for rows). */
  text: string;
  /** Cells of a row, continuation lines merged; [text] otherwise. */
  cells: string[];
  size: number;
  x: number;
  lines: NormLine[];
  /** Nearest level-1 heading above (or level-2 when the document has no level-1 headings). */
  section: string | null;
  /** Nearest heading of any level above. */
  subsection: string | null;
}

export interface NormDoc {
  paras: Para[];
  bodySize: number;
  pageCount: number;
  /** Stripped running headers/footers, one entry per occurrence. */
  furniture: Array<{ page: number; text: string }>;
}

const BULLET_RE = /^(?:[•▪●◦○■□►▸‣⁃*·]|[-–—](?=\s)|\(?[a-zA-Z]\)(?=\s)|\d{1,2}\)(?=\s))\s*/u;
const NUMBERED_HEADING_RE =
  /^(?:§\s*\d{1,4}[a-z]?|\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVX]{1,5}\.|(?:Punkt|Ärende|Item|Agenda item)\s+\d{1,2}\.?(?:\s*[–—:-])?|\d{2,4}\/\d{1,4}\.?)\s+\S/u;
/** An agenda number alone in the first cell of a line ("§ 47<TAB>Medborgarförslag …"). */
const AGENDA_CELL_RE = /^(?:§\s*\d{1,4}[a-z]?|\d{1,2}(?:\.\d{1,2}){0,2}\.|\d{2,4}\/\d{1,4})$/u;
/** "Närvarande:", "Anmält förhinder:", "Apologies:" – a short label with a colon starts a new paragraph. */
const LABEL_START_RE = /^\p{Lu}[\p{L}-]*(?:\s+[\p{L}-]+){0,2}\s*:(?:\s|$)/u;
const PAGE_NO_RE = /^(?:(?:sida|page|s\.)\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:av|of|\/)\s*\d{1,4})?$/i;
const NO_JOIN_WORDS = new Set(['och', 'eller', 'samt', 'som', 'and', 'or', 'till', 'resp', 'respektive']);

export function normalizePages(pages: PageText[]): NormDoc {
  const lines: NormLine[] = [];
  for (const page of pages)
    for (const l of page.lines) {
      const nl = toNormLine(page.pageNo, l.text, l.items, l.x, l.y);
      if (nl) lines.push(nl);
    }
  const furniture = stripFurniture(pages, lines);
  const kept = lines.filter((l) => !(l as MarkedLine).furniture);
  const bodySize = mode(kept.map((l) => l.size)) ?? 10;
  const spacing = lineSpacing(kept, bodySize);
  const pageRight = new Map<number, number>();
  for (const l of kept) pageRight.set(l.page, Math.max(pageRight.get(l.page) ?? 0, l.right));
  const paras = buildParas(kept, bodySize, spacing, pageRight);
  assignSections(paras, bodySize);
  return { paras, bodySize, pageCount: pages.length, furniture };
}

interface MarkedLine extends NormLine {
  furniture?: boolean;
}

function toNormLine(page: number, text: string, items: TextItem[], lx: number, ly: number): NormLine | null {
  const cells: Cell[] = [];
  let size = 0;
  let right = lx;
  if (items.length > 0) {
    let cur = null as { text: string; x: number } | null;
    let end: number | null = null;
    for (const it of items) {
      const h = Math.max(it.height || 10, 4);
      const blank = it.text.trim() === '';
      if (blank) {
        if (it.width > h * 1.5 && cur) {
          cells.push(cur);
          cur = null;
        } else if (cur && !cur.text.endsWith(' ')) cur.text += ' ';
        end = it.x + it.width;
        continue;
      }
      if (!size) size = h;
      const parts = it.text.includes('\t') ? it.text.split('\t') : [it.text];
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i]!;
        if (i > 0 && cur) {
          cells.push(cur);
          cur = null;
        }
        const trimmed = part.trim();
        if (trimmed === '') continue;
        const gap = end === null ? 0 : it.x - end;
        if (cur && gap > h * 1.5) {
          cells.push(cur);
          cur = null;
        }
        if (!cur) cur = { text: trimmed, x: it.x };
        else cur.text += (gap > h * 0.15 || cur.text.endsWith(' ') || part.startsWith(' ') ? ' ' : '') + trimmed;
      }
      end = it.x + it.width;
      right = Math.max(right, end);
    }
    if (cur) cells.push(cur);
  } else {
    for (const part of text.split(/\t| {3,}/)) if (part.trim()) cells.push({ text: part.trim(), x: lx + cells.length * 120 });
    right = lx + text.length * 5;
  }
  if (cells.length === 0) return null;
  // "§ 47<TAB>Medborgarförslag om …": the number and its title are one heading, not a row.
  if (cells.length === 2 && AGENDA_CELL_RE.test(cells[0]!.text.trim()) && /^\p{Lu}/u.test(cells[1]!.text)) {
    cells.splice(0, 2, { text: `${cells[0]!.text.trim()} ${cells[1]!.text.trim()}`, x: cells[0]!.x });
  }
  for (const c of cells) {
    c.text = c.text.replace(/\s+/g, ' ');
    if (c.text.length > MAX_LINE) c.text = c.text.slice(0, MAX_LINE);
  }
  return { page, y: ly, x: cells[0]!.x, size: size || 10, right, text: cells.map((c) => c.text).join('\t'), cells };
}

/** Marks and returns running headers/footers and page numbers. */
function stripFurniture(pages: PageText[], lines: NormLine[]): NormDoc['furniture'] {
  const out: NormDoc['furniture'] = [];
  const byPage = new Map<number, MarkedLine[]>();
  for (const l of lines) {
    const arr = byPage.get(l.page) ?? [];
    arr.push(l);
    byPage.set(l.page, arr);
  }
  const heights = new Map(pages.map((p) => [p.pageNo, p.height]));
  const inBand = (l: NormLine, idx: number, n: number): boolean => {
    const h = heights.get(l.page) ?? 0;
    const band = h > 0 && (l.y < h * 0.12 || l.y > h * 0.9);
    return band && (idx < 4 || idx >= n - 4);
  };
  const counts = new Map<string, Set<number>>();
  const pageNoOffsets = new Map<number, number>();
  for (const [pageNo, pl] of byPage) {
    pl.forEach((l, i) => {
      if (!inBand(l, i, pl.length)) return;
      const key = l.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
      if (!counts.has(key)) counts.set(key, new Set());
      counts.get(key)!.add(pageNo);
      const m = /(\d{1,4})$/.exec(l.text);
      if (m) pageNoOffsets.set(+m[1]! - pageNo, (pageNoOffsets.get(+m[1]! - pageNo) ?? 0) + 1);
    });
  }
  const n = pages.length;
  const minPages = Math.max(3, Math.ceil(n * 0.3));
  let bestOffset: number | null = null;
  let bestCount = 0;
  for (const [k, c] of pageNoOffsets) if (c > bestCount) [bestOffset, bestCount] = [k, c];
  const offsetOk = bestCount >= minPages;
  for (const [pageNo, pl] of byPage) {
    pl.forEach((l, i) => {
      if (!inBand(l, i, pl.length)) return;
      const key = l.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
      const repeated = n >= 3 && (counts.get(key)?.size ?? 0) >= minPages;
      const m = /(\d{1,4})$/.exec(l.text);
      const runningNo = offsetOk && m !== null && +m[1]! - pageNo === bestOffset && l.text.length < 120;
      if (repeated || runningNo || PAGE_NO_RE.test(l.text)) {
        l.furniture = true;
        out.push({ page: pageNo, text: l.text });
      }
    });
  }
  return out;
}

function buildParas(lines: NormLine[], bodySize: number, spacing: number, pageRight: Map<number, number>): Para[] {
  const paras: Para[] = [];
  let cur: Para | null = null;
  let prev: NormLine | null = null;
  const finish = (): void => {
    if (cur) paras.push(finalize(cur, bodySize));
    cur = null;
  };
  for (const l of lines) {
    const bullet = BULLET_RE.test(l.text) && l.cells.length === 1;
    const numbered = isNumberedHeading(l.text);
    const big = l.size > bodySize * 1.1;
    if (cur && prev && joins(cur, prev, l, { bullet, numbered, bodySize, spacing, pageRight })) {
      if (cur.kind === 'row') {
        // Hanging indent: append to the cell whose column is nearest.
        let best = cur.cells.length - 1;
        const lastCells = cur.lines[cur.lines.length - 1]!.cells;
        let bestD = Infinity;
        lastCells.forEach((c, i) => {
          const d = Math.abs(c.x - l.x);
          if (d < bestD && i > 0) [best, bestD] = [Math.min(i, cur!.cells.length - 1), d];
        });
        cur.cells[best] = joinText(cur.cells[best]!, l.text);
      } else {
        cur.text = joinText(cur.text, l.text);
      }
      cur.lines.push(l);
      prev = l;
      continue;
    }
    finish();
    const kind: ParaKind = l.cells.length > 1 ? 'row' : bullet ? 'bullet' : numbered || big ? 'heading' : 'text';
    cur = { kind, level: 0, page: l.page, text: l.text, cells: l.cells.map((c) => c.text), size: l.size, x: l.x, lines: [l], section: null, subsection: null };
    prev = l;
  }
  finish();
  return paras;
}

interface JoinCtx {
  bullet: boolean;
  numbered: boolean;
  bodySize: number;
  spacing: number;
  pageRight: Map<number, number>;
}

function joins(cur: Para, prev: NormLine, l: NormLine, c: JoinCtx): boolean {
  if (c.bullet || c.numbered) return false;
  const samePage = prev.page === l.page;
  const sameSize = Math.abs(prev.size - l.size) <= 0.6;
  const lineGap = c.spacing * (l.size / c.bodySize);
  const gap = l.y - prev.y;
  const close = samePage && gap > 0 && gap <= lineGap * 1.3;
  if (cur.kind === 'row') {
    return close && l.cells.length === 1 && l.x > cur.x + 2 * l.size && sameSize;
  }
  if (l.cells.length > 1 || !sameSize) return false;
  if (LABEL_START_RE.test(l.text)) return false;
  // The previous line was full if the next line's first word would not have fitted after it.
  const firstWord = /^\S+/.exec(l.text)?.[0].length ?? 0;
  const full = prev.right + firstWord * l.size * 0.5 >= (c.pageRight.get(prev.page) ?? prev.right) * 0.92;
  // A lower-case start continues a sentence, but only after a reasonably long line (a short
  // "Förslag till beslut" above "att …" points is a label, not a wrapped line).
  const lower = /^[\p{Ll}(]/u.test(l.text) && prev.right >= (c.pageRight.get(prev.page) ?? prev.right) * 0.6 && !/:$/.test(prev.text);
  if (cur.kind === 'heading') return close && l.size > c.bodySize * 1.1 && cur.lines.length < 3;
  if (close) {
    // Parallel "att …" points of a Swedish decision list are separate items.
    if (/^att\s/iu.test(l.text) && /^(?:[-–•]\s*)?att\s/iu.test(cur.text)) return false;
    if (cur.kind === 'bullet' && l.x <= cur.x + 1 && !lower) return false;
    if (cur.kind === 'text' && Math.abs(l.x - cur.x) > l.size * 2 && !lower) return false;
    return full || lower;
  }
  // Across a page break: only when the sentence plainly continues.
  if (!samePage && l.page === prev.page + 1 && (cur.kind === 'text' || cur.kind === 'bullet')) {
    return full && lower && !/[.!?:]$/.test(prev.text);
  }
  return false;
}

function joinText(a: string, b: string): string {
  if (/\d[-–]$/.test(a) && /^\d/.test(b)) return a + b; // "2020-\n2022"
  const m = /(\p{Ll})-$/u.exec(a);
  if (m) {
    const first = /^\p{L}+/u.exec(b)?.[0] ?? '';
    if (/^\p{Ll}/u.test(b) && !NO_JOIN_WORDS.has(first.toLowerCase())) return a.slice(0, -1) + b;
    return a + (/^\p{Ll}/u.test(b) && !NO_JOIN_WORDS.has(first.toLowerCase()) ? '' : ' ') + b;
  }
  return a + ' ' + b;
}

function finalize(p: Para, bodySize: number): Para {
  if (p.kind !== 'row') p.cells = [p.text];
  else p.text = p.cells.join('\t');
  if (p.kind === 'heading') {
    p.level = p.text.length <= 160 && !/[.!?]$/.test(p.text) ? 1 : 0;
    if (p.level === 0) p.kind = 'text';
  } else if (p.kind === 'text' && p.lines.length === 1 && isShortHeading(p.text)) {
    p.level = 2;
  }
  if (p.kind === 'heading' && p.size <= bodySize * 1.1 && !isNumberedHeading(p.text)) p.level = 2;
  return p;
}

function isNumberedHeading(text: string): boolean {
  if (text.length > 160 || !NUMBERED_HEADING_RE.test(text)) return false;
  // "1. Vi ska göra X." is a numbered sentence, not an agenda heading.
  if (/[.!?]$/.test(text) && text.split(' ').length > 8) return false;
  // A bare amount or date ("2 500 000 kr", "17 april") is not a heading.
  return /^\S+\s+\p{Lu}|^§|^Punkt/u.test(text);
}

function isShortHeading(text: string): boolean {
  return text.length <= 80 && /^\p{Lu}/u.test(text) && !/[.,;:!?]$/.test(text) && text.split(' ').length <= 10;
}

function assignSections(paras: Para[], bodySize: number): void {
  // In a §-numbered protokoll, "1. …", "2. …" lines are points of a decision, not agenda items.
  if (paras.some((p) => p.level === 1 && /^§/u.test(p.text))) {
    for (const p of paras) {
      if (p.kind === 'heading' && p.size <= bodySize * 1.1 && /^\d{1,2}[.)]\s/u.test(p.text)) {
        p.kind = 'text';
        p.level = 0;
      }
    }
  }
  const hasLevel1 = paras.some((p) => p.level === 1 && isNumberedHeading(p.text));
  let section: string | null = null;
  let sub: string | null = null;
  for (const p of paras) {
    if (p.level === 1 && (!hasLevel1 || isNumberedHeading(p.text))) {
      section = p.text;
      sub = p.text;
    } else if (p.level > 0) {
      sub = p.text;
      if (!hasLevel1) section = p.text;
    }
    p.section = section;
    p.subsection = sub;
  }
}

function mode(values: number[]): number | null {
  const counts = new Map<number, number>();
  let best: number | null = null;
  let bestN = 0;
  for (const v of values) {
    const k = Math.round(v * 2) / 2;
    const n = (counts.get(k) ?? 0) + 1;
    counts.set(k, n);
    if (n > bestN) [best, bestN] = [k, n];
  }
  return best;
}

function lineSpacing(lines: NormLine[], bodySize: number): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    // Only gaps that can be plain line spacing: blank lines between paragraphs (common in
    // text input) would otherwise become the mode and glue paragraphs together.
    const gap = b.y - a.y;
    if (a.page === b.page && Math.abs(a.size - bodySize) < 0.6 && Math.abs(b.size - bodySize) < 0.6 && gap > 0 && gap <= bodySize * 1.8) gaps.push(gap);
  }
  return mode(gaps) ?? bodySize * 1.35;
}

/** Sentences of a paragraph with their offsets; abbreviations ("bl.a.", "t.ex.", "kl.") do not end one. */
export function splitSentences(text: string): Array<{ text: string; index: number }> {
  const out: Array<{ text: string; index: number }> = [];
  const s = text.length > MAX_LINE * 4 ? text.slice(0, MAX_LINE * 4) : text;
  let start = 0;
  const re = /[.!?]["”’)]?\s+(?=["”(]?[\p{Lu}\d])/gu;
  for (const m of s.matchAll(re)) {
    const end = (m.index ?? 0) + 1;
    const before = s.slice(Math.max(start, end - 8), end);
    if (
      /(?:^|[\s(])(?:bl\.a|t\.ex|kl|ca|nr|dvs|m\.m|s\.k|o\.s\.v|jfr|resp|inkl|exkl|mr|mrs|ms|dr|prof|cllr|st|p|ang|enl|tel|fr\.o\.m|t\.o\.m|[\p{L}])\.$/iu.test(
        before,
      )
    )
      continue;
    out.push({ text: s.slice(start, end + m[0].length - 1).trim(), index: start });
    start = end + m[0].length - 1;
    while (s[start] === ' ') start++;
  }
  if (start < s.length && s.slice(start).trim()) out.push({ text: s.slice(start).trim(), index: start });
  return out;
}
