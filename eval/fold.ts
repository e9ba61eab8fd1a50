/**
 * Text folding shared by every eval matcher: the rules the corpus gold was checked with (ignore case
 * and accents, collapse whitespace, unify quotes and dashes, drop zero-width characters).
 */

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const DASHES = /[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d]/g;
const QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;

/** Lower-case, accents off, quotes and dashes unified, zero-width characters dropped, whitespace collapsed. */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(ZERO_WIDTH, '')
    .replace(DASHES, '-')
    .replace(QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Folded words (letters and digits only). */
export function words(s: string): string[] {
  return fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Folded words joined by single spaces: labels that differ only in punctuation or spacing compare equal. */
export function wordKey(s: string): string {
  return words(s).join(' ');
}

/** The corpus questions' rule: lower-case and remove all whitespace, zero-width characters included. */
export function squash(s: string): string {
  return s.toLowerCase().replace(ZERO_WIDTH, '').replace(/\s+/g, '');
}
