/**
 * Whole numbers as printed: the check behind "an extracted amount whose digits do not occur as a
 * whole number on its page" (987 250 taken from "1 987 250,00").
 *
 * A text is cut into maximal number tokens, longest grouping first: Swedish "1 234 567,89" (space,
 * no-break or thin space between groups of three), en-US "3,983,166.42", dotted "500.000", or plain
 * digits with an optional decimal part. A token never starts right after a digit or after a digit
 * followed by "," or "." (so "987 250" inside "1 987 250,00" is not a token). Each token has one or
 * two keys (integer digits, leading zeros off, plus ",decimals"): "1,234" may be either notation.
 * Signs, units and footnote stars are not part of a key.
 */

const SPACES = '[ \\u00a0\\u202f\\u2009\\u2007]';
const TOKEN = new RegExp(
  [
    `\\d{1,3}(?:${SPACES}\\d{3})+(?:,\\d+)?`, // 1 234 567,89
    `\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?`, // 3,983,166.42
    `\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?`, // 500.000 / 1.234,50
    `\\d+(?:[.,]\\d+)?`, // 1200, 0,800, 4,5
  ]
    .map((p) => `(?:${p})`)
    .join('|'),
  'g',
);

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

function key(intDigits: string, decimals: string | null): string {
  const i = intDigits.replace(/^0+(?=\d)/, '');
  return decimals ? `${i},${decimals}` : i;
}

/** Keys one printed token may stand for. */
export function tokenKeys(token: string): string[] {
  const t = token.replace(/[ \u00a0\u202f\u2009\u2007]/g, '');
  const keys = new Set<string>();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(t))) keys.add(key(m[1]!.replace(/,/g, ''), m[2] ?? null));
  if ((m = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/.exec(t))) keys.add(key(m[1]!.replace(/\./g, ''), m[2] ?? null));
  if ((m = /^(\d+)(?:[.,](\d+))?$/.exec(t))) keys.add(key(m[1]!, m[2] ?? null));
  return [...keys];
}

/** The maximal number tokens of a text, as printed. */
export function numberTokens(text: string): string[] {
  const s = text.replace(ZERO_WIDTH, '');
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(s))) {
    const before = s.slice(Math.max(0, m.index - 2), m.index);
    // Not a whole number when glued to a digit, or to "digit," / "digit." on its left.
    if (/\d$/.test(before) || /\d[.,]$/.test(before)) continue;
    out.push(m[0]);
  }
  return out;
}

/** Every key of every whole number in these texts (a page's text and its positioned items). */
export function wholeNumberKeys(texts: Iterable<string>): Set<string> {
  const keys = new Set<string>();
  for (const t of texts) for (const tok of numberTokens(t)) for (const k of tokenKeys(tok)) keys.add(k);
  return keys;
}

/** The number an amount text prints (its longest token), or null when it prints none. */
export function amountToken(amountText: string): string | null {
  const toks = numberTokens(amountText);
  if (toks.length === 0) return null;
  return toks.reduce((a, b) => (b.length > a.length ? b : a));
}

/** True when the amount as printed occurs as a whole number in the page's whole-number keys. */
export function occursWhole(amountText: string, pageKeys: ReadonlySet<string>): boolean {
  const tok = amountToken(amountText);
  if (!tok) return true; // nothing printed to check
  return tokenKeys(tok).some((k) => pageKeys.has(k));
}

/** Ratio of a gap to the text height above which two runs on a line are different cells. */
export const CELL_GAP = 0.6;

/**
 * A line rebuilt from its positioned items with a TAB wherever the horizontal gap (or a blank item)
 * is wider than CELL_GAP × text height, so "192 000" and "192 000" in two columns stay two numbers
 * while the 2-point spaces inside "1 987 250,00" do not split it.
 */
export function positionedLineText(items: ReadonlyArray<{ text: string; x: number; width: number; height: number }>): string {
  let out = '';
  let prevEnd: number | null = null;
  for (const it of items) {
    const wide = (w: number) => w > CELL_GAP * Math.max(it.height, 1);
    if (it.text.trim() === '') {
      out += wide(it.width) ? '\t' : ' ';
    } else {
      const gap = prevEnd === null ? 0 : it.x - prevEnd;
      if (prevEnd !== null && wide(gap) && !out.endsWith('\t')) out += '\t';
      else if (prevEnd !== null && gap > 0.1 * it.height && !/\s$/.test(out)) out += ' ';
      out += it.text;
    }
    prevEnd = it.x + it.width;
  }
  return out;
}
