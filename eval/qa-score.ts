/**
 * Judging one answer to a corpus question, and finding "invented" amounts and names in it.
 *
 * Matching (corpus README): lower-case and remove all whitespace, zero-width characters included;
 * an answer passes when the normalised answer text contains the normalised gold string, one of them
 * for `match: any`, every one for `match: all`. An unanswerable question (`answers: []`) passes
 * when the system abstains (`found: false`).
 *
 * Invented: an amount (a number with ≥ 3 integer digits or with thousands grouping; a bare year
 * 1900–2099 without a currency word, and the engine's item counts "(110)", "(and 100 more)", are not amounts) or a person-like name (two or more
 * capitalised words) in the answer text that occurs in none of the cited quotes. Document names
 * (citation titles) are removed from the answer first, since they are citations, not claims.
 * A number occurs when it is printed in a quote as the same whole number (numbers.ts keys); a name
 * occurs when its folded form (or "Last, First") is in a folded quote.
 */
import { fold, squash } from './fold.js';
import { numberTokens, tokenKeys, wholeNumberKeys } from './numbers.js';

export interface Judgeable {
  answers: string[];
  match: 'any' | 'all';
}

export function isUnanswerable(q: Judgeable): boolean {
  return q.answers.length === 0;
}

/** Correct per the corpus rule. */
export function judgeAnswer(q: Judgeable, a: { answer: string; found: boolean }): boolean {
  if (isUnanswerable(q)) return !a.found;
  const hay = squash(a.answer);
  const hit = (g: string) => hay.includes(squash(g));
  return q.match === 'all' ? q.answers.every(hit) : q.answers.some(hit);
}

export interface Invented {
  amounts: string[];
  names: string[];
}

const CURRENCY_AFTER = /^\s*(?:kr|kronor|tkr|mnkr|mkr|sek|:-)/i;
const GROUPED = /[ \u00a0\u202f\u2009\u2007,.]\d{3}/;

/** Amount-like tokens of a text: ≥ 3 integer digits or thousands grouping; bare years left out. */
export function amountTokens(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const tok of numberTokens(text)) {
    const at = text.indexOf(tok, from);
    from = at >= 0 ? at + tok.length : from;
    const intPart = tok.replace(/[.,]\d{1,2}$/, '').replace(/\D/g, '');
    const grouped = GROUPED.test(tok);
    if (intPart.length < 3 && !grouped) continue;
    const after = at >= 0 ? text.slice(at + tok.length, at + tok.length + 8) : '';
    if (/^(19|20)\d\d$/.test(tok) && !CURRENCY_AFTER.test(after)) continue;
    // The engine's own item counts ("Open items (110) (and 100 more)") are counts, not amounts.
    if (/\((?:and |och )?$/.test(text.slice(Math.max(0, at - 5), at)) && /^(?:\)(?:\s*\(|:)|\s+(?:more|till)\))/.test(after)) continue;
    out.push(tok);
  }
  return out;
}

/** Words that start the engine's own phrases, never a name. */
const NOT_NAME_START = new Set(
  'enligt according källa källor source sources det den detta the this that i in på on at och and of för for to till om about se see nästa next mötet meeting beslut decision budget summa total'.split(
    ' ',
  ),
);

const NAME_RUN = /\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*)+/gu;

/** Person-like runs of two or more capitalised words (leading phrase words dropped). */
export function nameCandidates(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(NAME_RUN)) {
    const ws = m[0].split(/[ \t]+/);
    while (ws.length && NOT_NAME_START.has(fold(ws[0]!))) ws.shift();
    // All-capital runs are headings or acronyms ("SUMMA KOSTNADER", "BUP SÄS"), not names.
    if (ws.length >= 2 && !ws.every((w) => w === w.toUpperCase())) out.push(ws.join(' '));
  }
  return out;
}

export function findInvented(answer: string, quotes: readonly string[], documentNames: readonly string[] = []): Invented {
  let text = answer;
  for (const d of [...documentNames].filter(Boolean).sort((a, b) => b.length - a.length)) text = text.split(d).join(' ');
  const quoteKeys = wholeNumberKeys(quotes);
  const quoteSquashed = quotes.map(squash);
  const amounts = amountTokens(text).filter((tok) => {
    if (tokenKeys(tok).some((k) => quoteKeys.has(k))) return false;
    const s = squash(tok);
    return !quoteSquashed.some((q) => new RegExp(`(?<!\\d)${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\d)`).test(q));
  });
  const folded = quotes.map((q) => fold(q).replace(/[,;:]/g, ' ').replace(/\s+/g, ' '));
  const names = nameCandidates(text).filter((n) => {
    const f = fold(n);
    const parts = f.split(' ');
    const reversed = [parts[parts.length - 1], ...parts.slice(0, -1)].join(' ');
    return !folded.some((q) => q.includes(f) || q.includes(reversed));
  });
  return { amounts: [...new Set(amounts)], names: [...new Set(names)] };
}
