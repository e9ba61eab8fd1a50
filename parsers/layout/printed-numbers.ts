/**
 * The whole numbers a page prints, read from item positions: the last guard before an amount is
 * shown to anyone. Two figures in adjacent columns ("192 000  192 000") stay two numbers because
 * the gap between the columns is wide, while the thin spaces inside "1 987 250,00" are not; a
 * number is never cut out of a longer one ("987 250" is not printed in "1 987 250,00").
 * An amount whose digits do not occur as such a number on its page was assembled by mistake
 * (columns or lines merged) and is dropped: a wrong amount is worse than none.
 */
import type { PageText, TextItem } from '../../core/facts.js';

/** A gap wider than this share of the text height separates two cells. */
const CELL_GAP = 0.6;
const SP = '[ \\u00a0\\u202f\\u2009\\u2007]';
const TOKEN = new RegExp(
  [`\\d{1,3}(?:${SP}\\d{3})+(?:,\\d+)?`, `\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?`, `\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?`, `\\d+(?:[.,]\\d+)?`]
    .map((p) => `(?:${p})`)
    .join('|'),
  'g',
);
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/** Keys ("integer digits" or "integer,decimals") one printed token may stand for. */
export function tokenKeys(token: string): string[] {
  const t = token.replace(/[ \u00a0\u202f\u2009\u2007]/g, '');
  const keys = new Set<string>();
  const key = (i: string, d: string | undefined) => (d ? `${i.replace(/^0+(?=\d)/, '')},${d}` : i.replace(/^0+(?=\d)/, ''));
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(t))) keys.add(key(m[1]!.replace(/,/g, ''), m[2]));
  if ((m = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/.exec(t))) keys.add(key(m[1]!.replace(/\./g, ''), m[2]));
  if ((m = /^(\d+)(?:[.,](\d+))?$/.exec(t))) keys.add(key(m[1]!, m[2]));
  return [...keys];
}

/** Maximal number tokens of a text; none starts right after a digit or "digit," / "digit.". */
export function numberTokens(text: string): string[] {
  const s = text.replace(ZERO_WIDTH, '').slice(0, 20_000);
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(s); m; m = TOKEN.exec(s)) {
    const before = s.slice(Math.max(0, m.index - 2), m.index);
    if (/\d$/.test(before) || /\d[.,]$/.test(before)) continue;
    out.push(m[0]);
  }
  return out;
}

/** A line rebuilt from its items, a TAB wherever the gap (or a blank item) is a cell gap. */
export function positionedText(items: readonly TextItem[]): string {
  let out = '';
  let end: number | null = null;
  for (const it of items) {
    const wide = (w: number) => w > CELL_GAP * Math.max(it.height, 1);
    if (it.text.trim() === '') out += wide(it.width) ? '\t' : ' ';
    else {
      const gap = end === null ? 0 : it.x - end;
      if (end !== null && wide(gap) && !out.endsWith('\t')) out += '\t';
      else if (end !== null && gap > 0.1 * it.height && !/\s$/.test(out)) out += ' ';
      out += it.text;
    }
    end = it.x + it.width;
  }
  return out;
}

/** Whole-number keys printed on one page (its positioned lines, and its text for text input). */
export function printedNumberKeys(page: PageText): Set<string> {
  const keys = new Set<string>();
  const add = (t: string) => {
    for (const tok of numberTokens(t)) for (const k of tokenKeys(tok)) keys.add(k);
  };
  for (const l of page.lines) add(l.items.length ? positionedText(l.items) : l.text);
  if (page.lines.length === 0) add(page.text);
  return keys;
}

/** True when the number an amount text prints (its longest token) is printed whole on the page. */
export function printedWhole(amountText: string, keys: ReadonlySet<string>): boolean {
  const toks = numberTokens(amountText);
  if (toks.length === 0) return false;
  const tok = toks.reduce((a, b) => (b.length > a.length ? b : a));
  return tokenKeys(tok).some((k) => keys.has(k));
}
