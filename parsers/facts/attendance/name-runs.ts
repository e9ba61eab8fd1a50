/**
 * Splits a run of capitalised words written without commas into people ("Jonas Nilsson Hilkka
 * Andersson Anders Rapp", "Maud Bengtsson Mussa Selim Margreth Johnsson"). Every way of cutting the
 * run into names of one to three words is scored, and the best wins: a name opens with a given
 * name (the lexicon) or an initial and ends with a surname; a word shaped like a surname
 * (SURNAME_ENDINGS) closes a name and does not open or sit inside one. A run with no valid
 * cutting yields nobody.
 */
import { isGivenName } from '../../names/lexicon.js';

/** Endings of surnames that are never given names: Swedish -sson/-berg/-ström …, English -son/-ley … */
export const SURNAME_ENDINGS = [
  'sson',
  'son',
  'sen',
  'berg',
  'ström',
  'strand',
  'gren',
  'qvist',
  'kvist',
  'lund',
  'holm',
  'dahl',
  'mark',
  'blad',
  'stedt',
  'bäck',
  'fors',
  'borg',
  'blom',
  'lind',
  'ley',
  'ton',
  'field',
  'wood',
  'ford',
  'worth',
  'ski',
  'ska',
  'wicz',
];

/** Endings of organisation names written after a person's name ("Christina Lindhagen Sportfiskarna"). */
export const ORGANISATION_ENDINGS = ['arna', 'erna', 'orna', 'förbundet', 'föreningen', 'verket', 'myndigheten', 'kommun', 'region', 'bolaget'];
const ORG_RE = new RegExp(`\\p{Ll}(?:${ORGANISATION_ENDINGS.join('|')})$`, 'u');

/** A capitalised word shaped like an organisation's name, not a person's. */
export function isOrganisationLike(token: string): boolean {
  return ORG_RE.test(token) && !isGivenName(token);
}

/** Name particles that belong to the word after them ("von Essen", "Mc Donald"). */
export const PARTICLE = /^(?:von|van|de|af|der|la|le|Mc|Mac)$/u;
/** Initials written for a name ("AB", "K."). */
export const INITIALS = /^\p{Lu}{1,3}\.?$/u;
const SURNAME_RE = new RegExp(`(?:${SURNAME_ENDINGS.join('|')})$`, 'u');

/** A word that reads as a surname and not as a given name ("Bengtsson", "Lindqvist"). */
export function isSurnameLike(token: string): boolean {
  return !isGivenName(token) && !INITIALS.test(token) && token.length > 4 && SURNAME_RE.test(token.toLowerCase());
}

export interface RunOptions {
  /** Single given names are people ("Kerstin", "Sten"). */
  allowSingle: boolean;
  /** A one-word surname after an honorific ("Cllr Beck"): allowed when it is the whole run. */
  honorific: boolean;
  /**
   * A name need not open with a known given name: 'surname' when it ends in a surname-shaped word
   * or carries a party tag (a list of names already shows what it is), 'whole' when the run is one
   * name of a vertical list that already gave people.
   */
  lenient: 'no' | 'surname' | 'whole';
  /** The part carries a party tag ("(V)"): a person, whatever the lexicon knows. */
  tagged?: boolean;
}

const BAD = -1e9;
const SKIP = 2.5;

function score(unit: string[][], runLength: number, o: RunOptions): number {
  const core = unit.map((u) => u[u.length - 1]!);
  const first = core[0]!;
  const last = core[core.length - 1]!;
  if (core.length === 1) {
    if (o.allowSingle && isGivenName(first)) return 1;
    if (o.honorific && runLength === 1 && !INITIALS.test(first)) return 1;
    return BAD;
  }
  if (INITIALS.test(last)) return BAD;
  const opens = isGivenName(first) || INITIALS.test(first);
  if (!opens) {
    const ok = (o.lenient === 'whole' && core.length === runLength) || (o.lenient !== 'no' && (isSurnameLike(last) || (o.tagged && core.length === runLength)));
    if (!ok) return BAD;
  }
  let s = opens ? 2 : 0;
  if (isSurnameLike(first)) s -= 2;
  if (isSurnameLike(last)) s += 1;
  else if (isGivenName(last)) s -= 1;
  for (const t of core.slice(1, -1)) if (isSurnameLike(t)) s -= 1;
  // A known given name inside a name that does not open with one starts the next person instead.
  if (!opens && core.slice(1, -1).some((t) => isGivenName(t))) return BAD;
  return s - (core.length - 2) * 0.3;
}

/** The people of a run of name words (particles belong to the word after them), or null. */
export function splitNameRun(tokens: string[], o: RunOptions): string[][] | null {
  const units: string[][] = [];
  let pending: string[] = [];
  for (const t of tokens) {
    if (PARTICLE.test(t)) pending.push(t);
    else {
      units.push([...pending, t]);
      pending = [];
    }
  }
  if (pending.length) {
    if (units.length === 0) return null;
    units[units.length - 1]!.push(...pending);
  }
  if (units.length === 0) return null;
  const n = units.length;
  const best: Array<{ s: number; cut: number; skipped?: boolean } | null> = Array.from({ length: n + 1 }, () => null);
  best[0] = { s: 0, cut: 0 };
  for (let end = 1; end <= n; end++) {
    // In a list already shown to be one of names, a word that fits no name is passed over
    // ("Svenljungasalen Eva Johansson"): the people around it stand.
    const skip = best[end - 1];
    if (o.lenient === 'surname' && skip && (!best[end] || skip.s - SKIP > best[end]!.s)) best[end] = { s: skip.s - SKIP, cut: end - 1, skipped: true };
    for (let size = 1; size <= 3 && size <= end; size++) {
      const prev = best[end - size];
      if (!prev) continue;
      const s = score(units.slice(end - size, end), n, o);
      if (s <= BAD / 2) continue;
      const total = prev.s + s;
      if (!best[end] || total > best[end]!.s) best[end] = { s: total, cut: end - size };
    }
  }
  if (!best[n]) return null;
  const people: string[][] = [];
  for (let end = n; end > 0; end = best[end]!.cut) if (!best[end]!.skipped) people.unshift(units.slice(best[end]!.cut, end).flat());
  return people.length > 0 ? people : null;
}
