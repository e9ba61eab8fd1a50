/** Scores how well a text covers a question's content words. */
import { foldedWords, hasWordPrefix, type QueryTerm } from './text.js';

export interface Coverage {
  /** Share of the question's word weight found in the text, 0..1. */
  coverage: number;
  /** Every name, number and acronym of the question was found. */
  mustOk: boolean;
  matched: QueryTerm[];
}

export function coverage(terms: QueryTerm[], text: string | string[]): Coverage {
  const ws = Array.isArray(text) ? text : foldedWords(text);
  let got = 0;
  let total = 0;
  let mustOk = true;
  const matched: QueryTerm[] = [];
  for (const term of terms) {
    total += term.weight;
    // A compound written as two words ("Borås regionen" for "Boråsregionen") still counts.
    const hit = term.prefixes.some((p) => hasWordPrefix(ws, p) || ((p.length >= 8 || !!term.compound) && joinedHas(ws, p)));
    if (hit) {
      got += term.weight;
      matched.push(term);
    } else if (term.must) mustOk = false;
  }
  return { coverage: total ? got / total : 0, mustOk, matched };
}

/** LIKE patterns ("%prefix%") for terms' stems, for coarse SQL filtering. */
export function likePatterns(terms: QueryTerm[], minLength = 4): string[] {
  const out = new Set<string>();
  for (const term of terms)
    if (!term.compound) for (const p of term.prefixes) if (p.length >= minLength && !/^\d+$/.test(p)) out.add(`%${p.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
  return [...out];
}

/** One group of LIKE patterns per term (its stem and glossary forms); numbers are left out. */
export function likePatternGroups(terms: QueryTerm[], minLength = 4): string[][] {
  return terms
    .filter((term) => !term.compound)
    .map((term) => [
      ...new Set(term.prefixes.filter((p) => p.length >= minLength && !/^\d+$/.test(p)).map((p) => `%${p.replace(/[\\%_]/g, (c) => '\\' + c)}%`)),
    ])
    .filter((g) => g.length > 0);
}

/** True when two adjacent words joined begin with `prefix`. */
function joinedHas(ws: readonly string[], prefix: string): boolean {
  for (let i = 0; i + 1 < ws.length; i++) {
    const a = ws[i]!;
    if (a.length < 3 || !prefix.startsWith(a)) continue;
    if ((a + ws[i + 1]!).startsWith(prefix)) return true;
  }
  return false;
}
