/**
 * Roles with their qualifiers ("ordförande", "vice ordförande", "2:e vice ordförande",
 * "ersättare", "Deputy Chairman"), read the same way from a question and from a document, so a
 * question about the second vice chair is never answered with the chair: a role matches only
 * when base role and every qualifier are equal. Also finds the person a text gives a role
 * ("Inger Hellqvist (C) (2:e vice ordförande)", "Ordförande: Charlotta Wasteson", "Deputy
 * Chairman Jon Leahy", "J Leahy, Deputy Chairman").
 */
import { fold } from './text.js';

export interface Role {
  base: string;
  /** 1, 2, 3 for "1:e", "andre", "third" …; 0 when none. */
  rank: number;
  vice: boolean;
  /** "ersättare", "substitute": stands in for the role. */
  substitute: boolean;
}

/** Base roles and the folded words (or compound endings) that name them. */
const BASES: Array<[string, string]> = [
  ['chair', 'motesordforande|ordforanden|ordforande|ordf|chairman|chairwoman|chairperson|chaired|chairs|chair'],
  ['secretary', 'motessekreterare|sekreteraren|sekreterare|protokollforare|honorary secretary|secretary|minute taker'],
  ['treasurer', 'kassoren|kassor|treasurer'],
  ['adjuster', 'justerare|justerande|justeras|justera|rostraknare'],
];
const BASE_RE = new RegExp(`(?<![\\p{L}])(?:${BASES.map(([, w]) => w).join('|')})(?![\\p{L}])`, 'gu');
const RANKS: Array<[number, RegExp]> = [
  [1, /^(1:?e|1:a|1st|forste|forsta|first)$/],
  [2, /^(2:?e|2:a|2nd|andre|andra|second)$/],
  [3, /^(3:?e|3:e|3rd|tredje|third)$/],
];
const VICE = /^(vice|deputy|vice-|v\.)$/;

/** A folded word that names a role or qualifies one ("2:e", "vice", "ordförandeskap", "justerare"). */
const ROLE_WORD =
  /^(\d:?e|1:a|2:a|1st|2nd|3rd|forste|forsta|andre|andra|tredje|first|second|third|vice|deputy|ersattare|substitute|\w*ordforande\w*|ordf|chair\w*|\w*sekreterare\w*|secretary|honorary|kassor\w*|treasurer|justera\w*)$/;

export function isRoleWord(folded: string): boolean {
  return ROLE_WORD.test(folded);
}

function baseOf(word: string): string | null {
  for (const [base, ws] of BASES) if (new RegExp(`^(?:${ws})$`).test(word)) return base;
  return null;
}

/** A role mention in folded text: its base, the qualifier words before it, and where it starts and ends. */
interface Mention extends Role {
  start: number;
  end: number;
}

/** Role mentions in a text (folded positions equal the raw ones for the texts handled here). */
function mentions(folded: string): Mention[] {
  const out: Mention[] = [];
  for (const m of folded.matchAll(BASE_RE)) {
    const base = baseOf(m[0]);
    if (!base) continue;
    let start = m.index;
    let rank = 0;
    let vice = /^vice/.test(m[0]);
    let substitute = false;
    // Up to two qualifier words right before the role word ("2:e vice", "förste vice", "vice-").
    let before = folded.slice(0, start);
    for (let k = 0; k < 2; k++) {
      const q = before.match(/([\p{L}\d:.-]+)[ \t]*-?$/u);
      if (!q) break;
      const w = q[1]!.replace(/-$/, '');
      const r = RANKS.find(([, re]) => re.test(w));
      if (VICE.test(w) || w === 'vice') vice = true;
      else if (r) rank = r[0];
      else break;
      start = q.index!;
      before = folded.slice(0, start);
    }
    const after = folded.slice(m.index + m[0].length);
    if (/^[ \t]*(ersattare|substitute)\b/.test(after) || /(ersattare|substitute) (for|till) $/.test(before)) substitute = true;
    out.push({ base, rank, vice, substitute, start, end: m.index + m[0].length });
  }
  return out;
}

/** The role a question asks about, with its qualifiers; null when it names none. */
export function askedRole(question: string): Role | null {
  const m = mentions(fold(question))[0];
  return m ? { base: m.base, rank: m.rank, vice: m.vice, substitute: m.substitute } : null;
}

/** True when the role has a qualifier (vice, 2:e vice, ersättare): the plain chair is not it. */
export function qualified(r: Role): boolean {
  return r.vice || r.rank > 0 || r.substitute;
}

/** The same role, qualifiers included. */
export function sameRole(a: Role, b: Role): boolean {
  // "förste vice" and "vice" differ: a document that numbers its vice chairs means the number.
  return a.base === b.base && a.rank === b.rank && a.vice === b.vice && a.substitute === b.substitute;
}

/** The role a free-text role field states ("2:e vice ordförande", "Vice Chair"), if any. */
export function roleOfText(text: string): Role | null {
  return askedRole(text);
}

const NAME_WORD = String.raw`(?:\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)?|\p{Lu}\.?)`;
/** One to four name words, the last a real word (not an initial). */
const NAME_AT_END = new RegExp(String.raw`((?:${NAME_WORD} ){0,3}\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)?)$`, 'u');
const NAME_AT_START = new RegExp(String.raw`^((?:${NAME_WORD} ){0,3}\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)?)`, 'u');
/** Capitalised words that are no name (sentence and label words around roles). */
const NOT_NAME = new Set(
  fold(
    `beslut val valdes valde till och som samt för av vid den det att mötet möte styrelsen ordförande sekreterare kassör närvarande
     frånvarande justerare diskussion övriga ledamöter ledamot ersättare the and of as to for by with was were is at meeting chair
     chairman secretary treasurer vice deputy council councillor cllr board trustees apologies present attendees`,
  ).split(/\s+/),
);

/** "Beck as Vice Chairman", "Thomas Davidsson valdes till mötesordförande". */
const ELECTED_AS = new RegExp(
  String.raw`(${NAME_WORD}(?: ${NAME_WORD}){0,3}) (?:(?:was |were |be |is )?(?:elected |appointed |made |re-elected )?(?:as|to)|(?:valdes|utsågs|omvaldes)(?: till| som)?|som|till|är|var|blev) $`,
  'u',
);
/** Words of things, not people ("Arbetsledning", "Information"): never a one-word name. */
const THING = /(ning|tion|het|else|skap|ande|ende|ment|ness|ity|ism|ing)$/;

function nameOk(name: string): string | null {
  const ws = name.split(/[ \t]+/);
  // Leading label words go ("Councillor Beck" → "Beck"), a trailing one voids the name.
  while (ws.length && NOT_NAME.has(fold(ws[0]!.replace(/\.$/, '')))) ws.shift();
  if (ws.length === 0 || NOT_NAME.has(fold(ws[ws.length - 1]!))) return null;
  if (ws.length === 1 && (ws[0]!.length < 3 || THING.test(fold(ws[0]!)))) return null;
  return ws.join(' ');
}

/**
 * The people a text gives the role `want` (qualifiers equal), from the raw text: the name
 * before the role ("Name (S) (role)", "Name, role", "Name role") or after it ("role: Name",
 * "role Name").
 */
export function peopleWithRole(text: string, want: Role): string[] {
  const folded = fold(text);
  if (folded.length !== text.length) return [];
  const out: string[] = [];
  for (const m of mentions(folded)) {
    if (!sameRole(m, want)) continue;
    // Before: skip an opening parenthesis and party groups "(S)", then a comma.
    const before = text
      .slice(0, m.start)
      .replace(/[ \t]*\($/, '')
      .replace(/[ \t]*[,–-]?[ \t]*$/, '')
      .replace(/(?:[ \t]*\([^()]{1,12}\))+[ \t]*$/, '')
      .replace(/[ \t]*[,–-]?[ \t]*$/, '');
    const inParens = /\([^()]*$/.test(text.slice(0, m.start));
    const b = before.match(NAME_AT_END);
    const bn = b ? nameOk(b[1]!) : null;
    // "Councillor Beck as Vice Chairman", "Beck be elected Vice Chairman".
    const as = text.slice(0, m.start).match(ELECTED_AS);
    // After: "role: Name", "role Name" (not "role, Name": that is the next person of a list).
    const after = text.slice(m.end).replace(/^\.? ?(?:\([^()]{1,12}\))? ?(?::|–|-)? ?/, '');
    const a = after.match(NAME_AT_START);
    const an = a && !/^[^ \t]*:/.test(after) ? nameOk(a[1]!) : null;
    const name = inParens ? bn : (bn ?? (as ? nameOk(as[1]!) : null) ?? an);
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/** How an answer names the role: "2:e vice ordförande", "Vice chair". */
export function roleLabel(r: Role, lang: 'sv' | 'en'): string {
  const sv: Record<string, string> = { chair: 'ordförande', secretary: 'sekreterare', treasurer: 'kassör', adjuster: 'justerare' };
  const en: Record<string, string> = { chair: 'chair', secretary: 'secretary', treasurer: 'treasurer', adjuster: 'adjuster' };
  const rank = r.rank ? (lang === 'sv' ? `${r.rank}:e ` : `${['', 'first', 'second', 'third'][r.rank]} `) : '';
  const base = (lang === 'sv' ? sv : en)[r.base] ?? r.base;
  const label = `${rank}${r.vice ? 'vice ' : ''}${base}${r.substitute ? (lang === 'sv' ? ' (ersättare)' : ' (substitute)') : ''}`;
  return label.charAt(0).toUpperCase() + label.slice(1);
}
