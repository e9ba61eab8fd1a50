/**
 * Person-name comparison for the extraction scores. Folds case, accents, whitespace, quotes and
 * dashes; drops what the gold drops (leading honorifics such as "Cllr", "Mr", "Dr"; short
 * parenthesised tags such as party "(S)" or initials "(AB)"; full stops after initials);
 * and lets a gold "First Last" match a "Last, First" as printed in surname-first lists.
 * Job titles ("Kommunalråd", ", kommunsekreterare") are NOT dropped: splitting them off is the
 * extractor's job, so a name that still carries one does not match.
 */
import { fold } from './fold.js';

/** Honorifics the gold leaves out; compared without a trailing full stop. */
export const HONORIFICS = new Set(['cllr', 'councillor', 'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'rev', 'revd', 'sir', 'dame', 'hon']);

/** Canonical form of one name as written; `null` when nothing is left. */
export function nameKey(name: string): string | null {
  const s = fold(name)
    .replace(/\([^()]*\)/g, ' ')
    .replace(/["']/g, '')
    .replace(/\.(?=\s|$)/g, ' ') // "P. Morgan" → "p morgan"; keeps dots inside e-mail addresses
    .replace(/\s+/g, ' ')
    .trim();
  const tokens = s.split(' ').filter(Boolean);
  while (tokens.length > 1 && HONORIFICS.has(tokens[0]!.replace(/\.$/, ''))) tokens.shift();
  const out = tokens
    .join(' ')
    .replace(/^[\s,;:–-]+|[\s,;:–-]+$/g, '')
    .trim();
  return out || null;
}

/** Every key a name may be compared under: as written, and "Last, First" turned into "First Last". */
export function nameKeys(name: string): string[] {
  const key = nameKey(name);
  if (!key) return [];
  const parts = key.split(',').map((p) => p.trim());
  if (parts.length === 2 && parts[0] && parts[1]) return [key, `${parts[1]} ${parts[0]}`];
  return [key];
}

export function sameName(a: string, b: string): boolean {
  const kb = nameKeys(b);
  return nameKeys(a).some((k) => kb.includes(k));
}

export interface NameMatch {
  /** Pairs [goldIndex, systemIndex]. */
  pairs: Array<[number, number]>;
  missing: string[];
  extra: string[];
}

/** One-to-one matching of two name lists (first fit in list order; a name counts once). */
export function matchNames(gold: readonly string[], system: readonly string[]): NameMatch {
  const used = new Set<number>();
  const pairs: Array<[number, number]> = [];
  const missing: string[] = [];
  gold.forEach((g, gi) => {
    const si = system.findIndex((s, i) => !used.has(i) && sameName(g, s));
    if (si < 0) missing.push(g);
    else {
      used.add(si);
      pairs.push([gi, si]);
    }
  });
  const extra = system.filter((_, i) => !used.has(i));
  return { pairs, missing, extra };
}

/** Two owner lists name the same people (order ignored). */
export function sameNameSet(gold: readonly string[], system: readonly string[]): boolean {
  const m = matchNames(gold, system);
  return m.missing.length === 0 && m.extra.length === 0;
}
