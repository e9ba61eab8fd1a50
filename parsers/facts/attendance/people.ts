/**
 * People in the text a label opens: parts split at commas, semicolons and "och"/"and", then per
 * part the substitute form ("X ersätter Y"), parenthesised party tags, roles and initials, titles
 * before the name, roles after it, and runs of names written without commas, split where a given
 * name (the lexicon) starts the next person. A part with no recognisable name yields nobody.
 */
import type { AttendeeFlag } from '../../../core/facts.js';
import { isGivenName } from '../../names/lexicon.js';
import { PLURAL_HONORIFICS, ROLE_AFTER, ROLE_TOKENS, TITLE_WORDS } from './labels.js';
import { INITIALS, isOrganisationLike, PARTICLE, splitNameRun } from './name-runs.js';

export interface Found {
  name: string;
  role: string | null;
  party: string | null;
  flags: AttendeeFlag[];
  present: boolean;
  /** The replaced member of "X ersätter Y": absent, whatever another list says. */
  replaced?: boolean;
  /** Listed under an absence label ("Apologies", "Frånvarande"). */
  absentLabel?: boolean;
}

/** "X ersätter Y", "X (M) för Y (M)", "tgj ers för Y": X serves in Y's place. */
const SUBST =
  /^(.*?)(?:^|\s+|(?<=\))\s*)(?:ersätter|(?:tjänstgörande |tjg |tgj |tjänstg\.? )?(?:ersättare|ers\.?) för|tjänstgör för|i stället för|istället för|substituting for|deputising for|(?<=\)\s*)för)\s+(.+)$/iu;
const NAME_TOKEN = /^(?:\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)*|Ma?c\p{Lu}[\p{Ll}'’]+|\p{Lu}{1,3}\.?|von|van|de|af|der|la|le)$/u;
const ROLES_IN_RUN = new Set(ROLE_TOKENS);
const TITLES = new Set(TITLE_WORDS);
const HONORIFICS = new Set(['cllr', 'cllrs', 'councillor', 'councillors', 'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'rev', 'trustee', 'trustees']);
const NOT_NAMES = new Set(
  'se bilaga ledamot ledamöter ersättare kl sida protokoll protokollet mötet styrelsen nämnden kommunen region regionen teams zoom via plats på och the and of for to council committee board meeting members'.split(
    ' ',
  ),
);

const LEADING_FLAG =
  /^((?:ordf\.?|ordförande|mötesordförande|sekr\.?|sekreterare|protokollförare|justerare|chair(?:man)?|secretary|clerk))(?:\s+|$)(?=\p{Lu}|$)/u;

const PLURAL_LEAD = new RegExp(`^((?:${PLURAL_HONORIFICS.join('|')})\\.?)\\s+\\p{Lu}`, 'iu');

/**
 * "ersätter Bo Eliasson (V) 170, 172-184", "… Per Holm §§ 5-7": a name followed by item numbers is
 * replaced for some items only, so that person was there.
 */
export function replacedForSomeItems(replaced: string): boolean {
  return /^[^\d§]*\p{L}[^\d§]*\s(?:§+\s*)?\d/u.test(replaced);
}

/** Splits at `re` where no parenthesis is open ("Krystal Vittles (Innovation and Development manager)"). */
function splitOutsideParens(text: string, re: RegExp): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of text.matchAll(re)) {
    const before = text.slice(0, m.index);
    if ((before.match(/\(/g)?.length ?? 0) > (before.match(/\)/g)?.length ?? 0)) continue;
    out.push(text.slice(from, m.index));
    from = m.index + m[0].length;
  }
  out.push(text.slice(from));
  return out;
}

/** A full stop ending a word of three letters or more, not a title, before a capital: "Mark Kleingeld. Maria …". */
function sentenceEnd(src: string, k: number, cur: string): boolean {
  if (src[k] !== '.' || !/^\s+\p{Lu}/u.test(src.slice(k + 1, k + 4))) return false;
  const word = /(\p{L}+)$/u.exec(cur)?.[1] ?? '';
  return word.length >= 3 && !TITLES.has(word.toLowerCase()) && !/^\p{Lu}+$/u.test(word);
}

/** Splits at , ; newline and "och"/"and"/"samt"/"&" outside parentheses. */
export function splitParts(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  const src = text.slice(0, 3000);
  for (let k = 0; k < src.length; k++) {
    const ch = src[k]!;
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === ',' || ch === ';' || ch === '\n' || sentenceEnd(src, k, cur))) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  const parts = out
    .flatMap((p) => splitOutsideParens(p, /\s+(?:och|and|samt|&)\s+(?=\p{Lu}|the\s+\p{Lu})/gu))
    // "Hans Karlsson (S) (ordförande) Inga-Britt Ritzman (S)": a closing parenthesis before a capital ends a person.
    .flatMap((p) => p.split(/(?<=\))\s+(?=[*•]?\s*\p{Lu})/u))
    .map((p) => p.trim())
    .filter(Boolean);
  // "Eva Johansson (C), ordförande Stefan Carlsson (S)": a flag word after a comma belongs to the person before it.
  for (let k = 1; k < parts.length; k++) {
    const m = LEADING_FLAG.exec(parts[k]!);
    if (!m) continue;
    parts[k - 1] = `${parts[k - 1]} (${m[1]!.trim()})`;
    parts[k] = parts[k]!.slice(m[0].length);
  }
  return parts.filter(Boolean);
}

function roleFlags(text: string): AttendeeFlag[] {
  const flags: AttendeeFlag[] = [];
  for (const piece of text.split(/\s*[,;]\s*/)) {
    const t = piece.trim().replace(/[.,]+$/, '');
    for (const [re, flag] of ROLE_AFTER) if (flag && re.test(t) && !flags.includes(flag)) flags.push(flag);
  }
  return flags;
}

/** People of one list part. */
function partPeople(raw: string, flags: AttendeeFlag[], allowSingle: boolean, lenient: boolean | 'surname' = false): Found[] {
  const part = raw.replace(/^(?:[-–—•*·]\s*)+/u, '');
  const sub = SUBST.exec(part);
  if (sub) {
    const left = partPeople(sub[1]!, [...flags, 'substitute'], allowSingle);
    // Only the first person after "ersätter" is replaced: list lines joined into one cell run on.
    const right = replacedForSomeItems(sub[2]!)
      ? []
      : partPeople(sub[2]!, [], allowSingle)
          .slice(0, 1)
          .map((f) => ({ ...f, present: false, replaced: true, flags: [] }));
    return [...left, ...right];
  }
  let party: string | null = null;
  const roles: string[] = [];
  let text = part.replace(/\(([^()]{0,80})\)/gu, (_, inner: string) => {
    const t = inner.trim();
    if (/^(?:\p{Lu}{1,4}|-|–)$/u.test(t))
      party ??= t; // party tag or initials
    else if (t) roles.push(t);
    return ' ';
  });
  // "Kerstin- internetansvarig", "Sten – ekonomiansvarig", "Tor-telefonansvarig": the role after a dash.
  const dash = /(?<=\p{L})\s*[-–—]\s*(?=\p{Ll})|\s+[-–—]\s+/u.exec(text);
  // "mark- och exploateringsingenjör Britt Andersson": a hyphen ending a lower-case word is no dash.
  if (dash && /\p{Lu}/u.test(text.slice(0, dash.index))) {
    roles.push(text.slice(dash.index + dash[0].length).trim());
    text = text.slice(0, dash.index);
  }
  text = text
    .replace(/\S+@\S+/g, ' ')
    .replace(/§+\s*[\d\s,–-]+/g, ' ')
    .replace(/\bkl(?![\p{L}])\.?\s*[\d.:]*/giu, ' ')
    .replace(/[*•]/g, ' ')
    .replace(/\d+(?:\s*[-–]\s*\d+)?/g, ' ')
    .replace(/[.:]+(?=\s|$)/g, ' ');
  const tokens = text.split(/\s+/).filter(Boolean);
  // Title words before the name are role; lower-case words after it are role.
  let i = 0;
  const title: string[] = [];
  while (i < tokens.length && (TITLES.has(tokens[i]!.toLowerCase()) || /^\p{Ll}/u.test(tokens[i]!))) title.push(tokens[i++]!);
  const rest = tokens.slice(i);
  let j = rest.length;
  while (j > 0 && /^\p{Ll}/u.test(rest[j - 1]!) && !PARTICLE.test(rest[j - 1]!)) j--;
  const after = rest.slice(j).join(' ');
  // "Carin Nises ordförande hälsar alla välkomna och öppnar mötet": a sentence, not a list entry.
  if (rest.length - j > 4) return [];
  if (after) roles.push(after);
  let run = rest.slice(0, j);
  // "förvaltningschef för Intern Service Torbjörn Friberg": after a title, capitalised words before
  // the first given name belong to the title (a unit's name), not to a person.
  if (title.some((t) => /^\p{Ll}/u.test(t)) && run.length > 2 && !isGivenName(run[0]!)) {
    const k = run.findIndex((t) => isGivenName(t));
    if (k > 0 && run.length - k >= 2) title.push(...run.splice(0, k));
  }
  // "Chris Ash Gethin Hughes Interim Chair Director of Finance …": names first, then their roles
  // (a two-column table flattened). From the first role word after a name on, the text is role.
  const firstRole = run.findIndex((t, k) => k >= 2 && ROLES_IN_RUN.has(t.toLowerCase()));
  if (firstRole >= 0 && run.slice(firstRole).some((t) => !NAME_TOKEN.test(t) && !ROLES_IN_RUN.has(t.toLowerCase()))) {
    roles.push(run.slice(firstRole).join(' '));
    run = run.slice(0, firstRole);
  }
  if (run.length === 0 || run.some((t) => !NAME_TOKEN.test(t) && !ROLES_IN_RUN.has(t.toLowerCase()))) return [];
  if (run.some((t) => NOT_NAMES.has(t.toLowerCase()))) return [];
  // A title or role word ends a name and is dropped; each stretch between them is a run of names
  // cut where the lexicon and surname shapes say (name-runs.ts).
  const stretches: string[][] = [[]];
  for (const t of run) {
    const lower = t.toLowerCase();
    if (ROLES_IN_RUN.has(lower) || TITLES.has(lower)) stretches.push([]);
    else stretches[stretches.length - 1]!.push(t);
  }
  const filled = stretches.filter((x) => x.length > 0);
  // "Christina Lindhagen Sportfiskarna": an organisation after a full name is its organisation.
  for (const x of filled) if (x.length >= 3 && isOrganisationLike(x[x.length - 1]!)) roles.push(x.pop()!);
  // "Dr R. Steyn Medical Director": an initial and a surname make the name; the word before the role is role.
  stretches.forEach((x, k) => {
    if (k < stretches.length - 1 && x.length === 3 && INITIALS.test(x[0]!) && !INITIALS.test(x[1]!)) x.pop();
  });
  const role = [...title, ...roles].join(', ').trim() || null;
  // "Cllr Beck", "Mrs Hodson": after an honorific a surname alone is a person.
  const honorific = title.some((t) => HONORIFICS.has(t.toLowerCase().replace(/\.$/, '')));
  const allFlags = [...new Set([...flags, ...roleFlags(roles.join(', ')), ...roleFlags(after)])];
  const out: Found[] = [];
  for (const x of filled) {
    const people = splitNameRun(x, {
      allowSingle,
      honorific: honorific && filled.length === 1,
      lenient: lenient === true ? 'whole' : lenient || 'no',
      tagged: party !== null,
    });
    if (!people) return [];
    for (const p of people) out.push({ name: p.join(' '), role, party, flags: allFlags, present: true });
  }
  return out;
}

/**
 * People in the text after a label; single given names count when most parts are single words.
 * `lenient`: the text is one entry of a vertical list that already gave two people or more, so a
 * single first-and-last name counts without a known given name ("Maina Gustafsson").
 */
export function peopleIn(text: string, flags: AttendeeFlag[] = [], lenient = false): Found[] {
  const parts = splitParts(text);
  const singles = parts.filter((p) => /^\p{Lu}[\p{L}-]+(?:\s*[-–(]|$)/u.test(p.trim()) && isGivenName(p.trim().split(/[\s(–-]/)[0]!)).length;
  const allowSingle = parts.length >= 2 && singles / parts.length >= 0.5;
  // "Trustees Alexander (Chair), James, Giddens and the Clerk": a plural honorific opening the list
  // stands before each surname in it.
  // "… Howden and the" before a role label ("Clerk"): the joining words belong to no one.
  for (let k = 0; k < parts.length; k++) parts[k] = parts[k]!.replace(/\s+(?:and|och|samt|&)(?:\s+the)?$/iu, '');
  const plural = PLURAL_LEAD.exec(parts[0] ?? '')?.[1];
  if (plural) for (let k = 1; k < parts.length; k++) if (/^\p{Lu}[\p{L}'’-]+(?:\s*\([^()]*\))?$/u.test(parts[k]!)) parts[k] = `${plural} ${parts[k]}`;
  const strict = parts.map((part) => partPeople(part, flags, allowSingle, lenient && parts.length <= 2));
  // In a list that already gave two people, the other parts are names too when they read as one:
  // a name ending in a surname-shaped word or with a party tag ("Caj Lindblom", "Salima Daidan (V)"),
  // a single given name ("Mark, Eric Holk, Eric Huss").
  const listed = strict.filter((f) => f.length > 0).length >= 2;
  const out: Found[] = [];
  parts.forEach((part, k) => {
    const found = strict[k]!.length === 0 && listed ? partPeople(part, flags, true, 'surname') : strict[k]!;
    out.push(...found);
    // "Maina Gustafsson, (MG) vid protokollet": a part with no name, only role words, is the role of the person before it.
    const prev = out[out.length - 1];
    if (found.length === 0 && prev) {
      const bare = part
        .replace(/\([^()]*\)/g, ' ')
        .replace(/[.,]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      for (const f of roleFlags(bare)) if (!prev.flags.includes(f)) prev.flags.push(f);
    }
  });
  return out;
}

/**
 * An attendance list printed without a label ("Alan Cadman (Chairman), Liz Winter (Secretary),
 * Denise Hobday, Peter Dawson."): three parts or more, nearly all of them people by the strict
 * rules and the rest one name each; anything else is not a roster.
 */
export function rosterPeople(text: string): Found[] {
  // The roster is the paragraph's first sentence ("… Sue Armstrong. Gill Brown attended by invitation").
  const head = text.split(/(?<=\p{L}{3,})\.\s+(?=\p{Lu})/u)[0]!;
  const parts = splitParts(head.replace(/\.\s*$/u, ''));
  if (parts.length < 3) return [];
  const strict = parts.map((part) => partPeople(part, [], false));
  // Nearly every part a person by the strict rules: the others read as one name each ("Jutta Brawn").
  if (strict.filter((f) => f.length > 0).length < Math.max(3, parts.length * 0.8)) return [];
  const out: Found[] = [];
  for (let k = 0; k < parts.length; k++) {
    const found = strict[k]!.length > 0 ? strict[k]! : partPeople(parts[k]!, [], false, true);
    if (found.length === 0) return [];
    out.push(...found);
  }
  return out;
}
