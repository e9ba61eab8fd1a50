/**
 * Who is who: an owner named in minutes → a Teams user of the group. Accent- and
 * case-insensitive full name first; then a single-word owner ("Maria", "Glemfelt") matches a
 * unique first name or surname in the roster. Units and anything ambiguous stay unresolved and
 * go to the chair: a wrong person is worse than the chair.
 */
import type { RosterMember } from './types.js';

/** Lower case, accents and punctuation removed, hyphens as spaces, parentheses dropped. */
export function normalizeName(s: string): string {
  return s
    .replace(/\([^)]*\)/g, ' ')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

function tokens(s: string): string[] {
  return normalizeName(s).split(' ').filter(Boolean);
}

/** Roster display names are sometimes "Surname, Firstname": turn them around. */
function rosterTokens(name: string): string[] {
  const m = /^([^,]+),\s*([^,]+)$/.exec(name.replace(/\([^)]*\)/g, '').trim());
  return m ? tokens(`${m[2]} ${m[1]}`) : tokens(name);
}

// Owners that are collectives or organisations, never one person.
const UNIT_WORDS = new Set(['alla', 'samtliga', 'gruppen', 'var och en', 'vi', 'ledamoterna', 'deltagarna', 'everyone', 'all']);
const UNIT_SUFFIXES = [
  'kontoret',
  'gruppen',
  'gruppens',
  'forvaltningen',
  'enheten',
  'namnden',
  'styrelsen',
  'kommun',
  'kommunen',
  'regionen',
  'radet',
  'kansliet',
  'avdelningen',
  'sektionen',
  'verksamheten',
  'halsan',
  'forbundet',
];

/** True for "Närvårdskontoret", "alla", "uppdragsgruppen", "Borås Stad" and the like. */
export function isUnit(owner: string): boolean {
  const n = normalizeName(owner);
  if (!n) return true;
  if (UNIT_WORDS.has(n)) return true;
  const words = n.split(' ');
  if (words.some((w) => UNIT_SUFFIXES.some((s) => w.endsWith(s) && w.length > s.length + 1))) return true;
  return /\b(stad|region|kommun|kommunforbund|forvaltning)\b/.test(n);
}

export type Resolution =
  | { kind: 'user'; member: RosterMember; how: 'full-name' | 'name-parts' | 'first-name' | 'surname' }
  | { kind: 'unit' }
  | { kind: 'unresolved'; candidates: number };

/** Resolves one owner label against the roster. */
export function resolveOwner(owner: string, roster: readonly RosterMember[]): Resolution {
  const want = tokens(owner);
  if (want.length === 0) return { kind: 'unit' };
  const people = roster.map((m) => ({ m, t: rosterTokens(m.name) })).filter((p) => p.t.length > 0);
  const full = want.join(' ');
  const exact = people.filter((p) => p.t.join(' ') === full);
  if (exact.length === 1) return { kind: 'user', member: exact[0]!.m, how: 'full-name' };
  if (exact.length > 1) return { kind: 'unresolved', candidates: exact.length };
  if (isUnit(owner)) return { kind: 'unit' };
  if (want.length > 1) {
    // "Charlotte Falkenström" for "Charlotte Bliesener Falkenström": every word present, in a unique member.
    const parts = people.filter((p) => want.every((w) => p.t.includes(w)) && p.t[0] === want[0]);
    if (parts.length === 1) return { kind: 'user', member: parts[0]!.m, how: 'name-parts' };
    return { kind: 'unresolved', candidates: parts.length };
  }
  const w = want[0]!;
  const byFirst = people.filter((p) => p.t[0] === w);
  if (byFirst.length === 1) return { kind: 'user', member: byFirst[0]!.m, how: 'first-name' };
  const bySurname = people.filter((p) => p.t.length > 1 && p.t[p.t.length - 1] === w);
  if (byFirst.length === 0 && bySurname.length === 1) return { kind: 'user', member: bySurname[0]!.m, how: 'surname' };
  return { kind: 'unresolved', candidates: byFirst.length + bySurname.length };
}

/** Same person? Compares Teams ids, AAD ids, then normalised names. */
export function sameUser(a: { userId?: string | null; aadObjectId?: string | null }, b: { userId?: string | null; aadObjectId?: string | null }): boolean {
  if (a.userId && b.userId && a.userId === b.userId) return true;
  return !!(a.aadObjectId && b.aadObjectId && a.aadObjectId === b.aadObjectId);
}
