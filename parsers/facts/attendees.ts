/**
 * Attendees from present/absent lists. Supported layouts (Swedish and English):
 * - a label paragraph ("Närvarande", "Frånvarande", "Present", "Apologies" …) followed by one
 *   entry per line: name TAB role, "Name, role, organisation", "Name (S), ordförande",
 *   "X (S) ersätter Y (S)", or prose lists "Anna, Per och Lisa";
 * - the label inline ("Närvarande: Anna Andersson, Per Persson och Lisa Svensson");
 * - the label as a left column with entries in the right column (Swedish protokoll);
 * - X-mark tables with "Närvarande"/"Frånvarande" (or "Present"/"Absent") columns.
 * Header lines "Justerare: X", "Ordförande: X" only add flags to listed people. Names in prose
 * (presenters, signatories) are never attendees: only labelled lists create them.
 *
 * Role text rule (documented in test/fixtures/README.md): split at commas; parts that are only
 * flag words (Ordförande, sekreterare, adjungerad, ersättare, justerare …) become flags; of the
 * remaining parts the last is the organisation and the rest the role; a single remaining part is
 * a role when it holds a job word (chef, samordnare, företrädare …; a trailing acronym is split
 * off as the organisation), otherwise an organisation. When only flag parts remain they are the
 * role. A party tag "(S)" is the organisation when no other is given.
 */
import type { Attendee, AttendeeFlag } from '../../core/facts.js';
import type { NormDoc, Para } from '../normalize.js';
import { isGivenName } from '../names/lexicon.js';
import { OTHER_SECRETARIES, PLURAL_HONORIFICS } from './attendance/labels.js';
import { replacedForSomeItems } from './attendance/people.js';
import { isOrganisationLike } from './attendance/name-runs.js';
import { initialsOf, isPersonName, naturalOrder, resolveName, stripHonorific } from './names.js';

const PRESENT_LABEL =
  /^(närvarande ledamöter|närvarande ersättare|närvarande tjänstemän|närvarande|deltagare|deltog|beslutande ledamöter|beslutande|övriga närvarande|övriga deltagare|övriga deltagande|ej tjänstgörande ersättare|tjänstgörande ersättare|närvarande tjänstepersoner|tjänstepersoner|tjänstemän|adjungerade|members present|councillors present|officers(?=\s*:)|officers present|officers in attendance|present|attendees|participants|in attendance|also present|also in attendance|also attending)\b\s*:?\s*(.*)$/iu;
const ABSENT_LABEL =
  /^(frånvarande ledamöter|frånvarande ersättare|frånvarande|anmält förhinder|anmält frånvaro|ej närvarande|förhinder|apologies for absence|apologies received|apologies|absent|not present)\b\s*:?\s*(.*)$/iu;
const FLAG_LABEL =
  /^(justerare|justeras av|utses att justera|utsedd att justera|utsedda att justera|justeringsperson(?:er)?|mötesordförande|ordförande|sekreterare|protokollförare|chair|chairman|secretary|clerk)\s*:?\s*(.*)$/iu;
const X_MARK = /^[xX✓✔☒]$/u;
const PRESENT_COL = /^(närvarande|närv\.?|deltog|present|attended|ja|yes)$/iu;
const ABSENT_COL = /^(frånvarande|frånv\.?|ej närvarande|absent|förhinder|apologies|nej|no)$/iu;
const SUBST_RE =
  /^(.+?)\s+(?:ersätter|ersättare för|tjänstgör för|tjänstgör i stället för|i stället för|istället för|substituting for|substitute for|deputising for)\s+(.+)$/iu;
const PARTY_RE = /\(\s*(S|M|C|V|L|KD|MP|SD|FP|Fi|[A-ZÅÄÖ]{1,4})\s*\)/u;
const PRESENCE_RE =
  /\(?\s*((?:endast\s+|only\s+)?(?:§§?|punkt(?:erna)?|p\.|items?|paragraf(?:erna)?)\s*\d+(?:\.\d+)?(?:\s*(?:-|–|—|till|to|and|och)\s*\d+(?:\.\d+)?)?(?:\s+(?:only|endast|enbart))?|(?:lämnade|lämnar|anslöt|kom|left|arrived|joined)\b[^,;()]{0,60}|(?:fr\.?o\.?m\.?|t\.?o\.?m\.?|från|till|from|until)\s+(?:kl\.?\s*\d{1,2}(?:[.:]\d{2})?|§\s*\d+|punkt\s*\d+(?:\.\d+)?|items?\s*\d+(?:\.\d+)?))\s*\)?/iu;
const ROLE_WORD =
  /(chef|samordnare|företrädare|ledamot|direktör|handläggare|strateg|utvecklare|ansvarig|läkare|sköterska|rektor|konsult|koordinator|kurator|psykolog|representant|tjänsteman|controller|ekonom|projektledare|utredare|specialist|medarbetare|rådgivare|administratör|ombud|politiker|officer|manager|director|head of|lead|councillor|adviser|advisor|coordinator|chief|assistant|analyst|nurse|doctor|teacher|principal|kassör|revisor|suppleant|vice|owner|treasurer|clerk|secretary|sekreterare)/iu;
/** A single lower-case word with an agent ending ("trafikplanerare", "kurator") is a job, not a body. */
const ROLE_SUFFIX = /^\p{Ll}[\p{L}-]*(?:are|ör|chef|ist|log|ent|ator)$/u;
const CHAIR_RE = /(?:mötes)?ordförande|\bchair(?:man|woman|person)?\b/iu;
const FLAG_WORDS: Array<[AttendeeFlag, RegExp]> = [
  ['chair', CHAIR_RE],
  // "socialsekreterare" (a social worker), "generalsekreterare" are other jobs, not the meeting's secretary.
  ['secretary', new RegExp(`(?<!${OTHER_SECRETARIES.join('|')})sekreterare|protokollförare|\\bclerk\\b|\\bsecretary\\b|\\bminutes\\b`, 'iu')],
  ['adjunct', /adjungerad|co-?opted/iu],
  ['substitute', /ersättare|\bsubstitute\b/iu],
  ['adjuster', /justerare|justera\b|justeringsperson/iu],
];
const FLAG_ONLY_RE =
  /^(?:(?:tjänstgörande|ej|mötes|och|and|&|samt|tillika|ordförande|sekreterare|protokollförare|adjungerad|ersättare|justerare|chair(?:man|woman|person)?|secretary|clerk|minutes|substitute|co-?opted)\s*)+$/iu;

interface Mode {
  present: boolean;
  flags: AttendeeFlag[];
}

export function extractAttendees(doc: NormDoc): Attendee[] {
  const out: Attendee[] = [];
  const pendingFlags: Array<{ name: string; flag: AttendeeFlag }> = [];
  let mode: Mode | null = null;
  let table: { presentX: number[]; absentX: number[] } | null = null;
  // A flag label alone on its line ("JUSTERARE") names its people on the next line.
  let flagNext: AttendeeFlag | null = null;

  for (const p of doc.paras) {
    const text = p.text.length > 600 ? p.text.slice(0, 600) : p.text;
    const first = p.cells[0] ?? '';
    if (text.length < 400) for (const n of adjustersInProse(text)) pendingFlags.push({ name: n, flag: 'adjuster' });
    if (flagNext) {
      const f = flagNext;
      flagNext = null;
      const names = splitList(text);
      if (text.length < 160 && names.length > 0 && names.every((n) => isPersonName(stripParens(n), true))) {
        for (const n of names) pendingFlags.push({ name: stripParens(n), flag: f });
        continue;
      }
    }
    // X-mark table header.
    if (p.kind === 'row' && p.cells.some((c) => PRESENT_COL.test(c)) && p.cells.some((c) => ABSENT_COL.test(c))) {
      const cells = p.lines[0]!.cells;
      table = {
        presentX: cells.filter((c) => PRESENT_COL.test(c.text)).map((c) => c.x),
        absentX: cells.filter((c) => ABSENT_COL.test(c.text)).map((c) => c.x),
      };
      mode = null;
      continue;
    }
    if (table) {
      if (p.kind === 'row' && tableRow(p, table, out)) continue;
      table = null;
    }
    const label = matchLabel(p.kind === 'row' ? first : text);
    if (label) {
      mode = label.mode;
      const rest = p.kind === 'row' ? null : label.rest;
      if (p.kind === 'row') {
        // Label column layout: every visual line's right-hand cells are one entry.
        for (const line of p.lines) {
          const cells = line.cells.map((c) => c.text);
          const entryCells = matchLabel(cells[0] ?? '') ? cells.slice(1) : cells;
          if (entryCells.length) addEntries(entryCells, p, mode, out);
        }
      } else if (rest) addEntries([rest], p, mode, out);
      continue;
    }
    const flagLabel = FLAG_LABEL.exec(p.kind === 'row' ? `${first}: ${p.cells.slice(1).join(', ')}` : text);
    if (flagLabel && flagLabel[2] && text.length < 200) {
      const flag = flagOf(flagLabel[1]!);
      for (const n of splitNames(flagLabel[2])) if (flag) pendingFlags.push({ name: stripParens(n), flag });
      if (!mode) continue;
    } else if (flagLabel && !flagLabel[2] && p.kind !== 'row') {
      flagNext = flagOf(flagLabel[1]!);
      mode = null;
      continue;
    }
    if (!mode) continue;
    if (p.level === 1 && p.kind === 'heading') {
      mode = null;
      continue;
    }
    if (text.length > 400 || !addEntries(p.kind === 'row' ? p.cells : [text], p, mode, out)) mode = null;
  }

  // Header "Justerare: X" lines flag people who are listed.
  const names = out.map((a) => a.name);
  for (const { name, flag } of pendingFlags) {
    const full = resolveName(name, names);
    const a = out.find((x) => x.name === full);
    if (a && !a.flags.includes(flag)) a.flags.push(flag);
  }
  return dedupe(out);
}

function matchLabel(text: string): { mode: Mode; rest: string } | null {
  const t = text.replace(/^[-–•*]\s*/, '').trim();
  if (t.length > 600) return null;
  let m = PRESENT_LABEL.exec(t);
  if (m) {
    const flags: AttendeeFlag[] = /ersättare/i.test(m[1]!) ? ['substitute'] : [];
    return { mode: { present: true, flags }, rest: m[2]!.trim() };
  }
  m = ABSENT_LABEL.exec(t);
  if (m) return { mode: { present: false, flags: [] }, rest: m[2]!.trim() };
  return null;
}

function flagOf(label: string): AttendeeFlag | null {
  for (const [flag, re] of FLAG_WORDS) if (re.test(label)) return flag;
  return null;
}

/** Adds the people of one list entry; false when it holds no person (the list has ended). */
function addEntries(cells: string[], p: Para, mode: Mode, out: Attendee[]): boolean {
  const quote = cells.join(' ').slice(0, 300);
  // Two columns of surname-first names ("Abelius, Anders <TAB> Carlsson, Anders"): one person a cell.
  if (cells.length >= 2 && cells.every((c) => naturalOrder(c))) {
    for (const c of cells) out.push(...(person(c, '', p, mode, quote) ?? []));
    return true;
  }
  if (cells.length >= 2) {
    const a = person(cells[0]!, cells.slice(1).join(', '), p, mode, quote);
    if (!a) return false;
    out.push(...a);
    return true;
  }
  const raw = (cells[0] ?? '')
    .replace(/^(?:[•▪●◦*·]|[-–—](?=\s))\s*/u, '')
    .replace(/[.;]$/, '')
    .trim();
  const text = naturalOrder(raw) ?? raw;
  if (!text) return false;
  // Several entries on one line, separated by semicolons.
  if (text.includes(';')) {
    let any = false;
    for (const part of text.split(';')) if (part.trim() && addEntries([part.trim()], p, mode, out)) any = true;
    return any;
  }
  // A prose list of names: "Anna, Per och Lisa" or "Anna Andersson, Per Persson and Lisa Svensson".
  const parts = splitNames(text);
  // A one-line list mixing people and their roles: "Anna Berg (S), ordförande, Per Ek (M), Lisa
  // Ny (V) ersätter Olle Al (V), Fredrik Sjöholm, trafikplanerare". A part that is a full name
  // starts an entry; any other part is role text of the entry before it.
  if (parts.length >= 3) {
    const groups: Array<{ name: string; role: string[] }> = [];
    for (const part of parts) {
      if (startsEntry(part)) groups.push({ name: part, role: [] });
      else if (groups.length > 0) groups[groups.length - 1]!.role.push(part);
      else break;
    }
    if (groups.length >= 2 && groups.some((g) => g.role.length > 0) && isPersonName(personPart(parts[0]!))) {
      for (const g of groups) out.push(...(person(g.name, g.role.join(', '), p, mode, quote) ?? []));
      return true;
    }
  }
  if (parts.length >= 2) {
    const bare = parts.map((x) => stripParens(x));
    const multi = bare.every((x) => isPersonName(x));
    const single = bare.every((x) => isPersonName(x, true) && !x.includes(' '));
    if (multi || single) {
      for (const x of parts) out.push(...(person(x, '', p, mode, quote) ?? []));
      return true;
    }
  }
  // "Trustees Alexander (Chair), James, Giddens, Hodson": a plural honorific opens a list of
  // surnames, not one entry with a role; the candidate scan (attendance/) reads it.
  if (parts.length >= 3 && PLURAL_LIST_RE.test(parts[0]!.trim())) return false;
  // One entry with a role: "Name, role, org", "Name (S), ordförande", "Name – role".
  const m = /^(.+?)(?:\s*,\s*|\s+[–—-]\s+|\s*(?=\())(.*)$/u.exec(text);
  // "Ulla Henriksson, socialchef Pernilla Nyman, socialsekreterare Ann Axelsson, sekreterare": two
  // columns flattened into one line hold other people in the "role", so it is nobody's role (the
  // candidate scan reads the others).
  const role = m && othersIn(m[2]!) && !SUBST_TAIL_RE.test(` ${m[2]!}`) ? '' : m?.[2];
  const a = m && isPersonName(stripParens(m[1]!), true) ? person(m[1]!, role!, p, mode, quote) : person(text, '', p, mode, quote);
  if (!a) return false;
  out.push(...a);
  return true;
}

const PLURAL_LIST_RE = new RegExp(`^(?:${PLURAL_HONORIFICS.join('|')})\\s`, 'iu');

/** Role text that holds another person's name (a given name and a capitalised word after it). */
function othersIn(role: string): boolean {
  return [...role.matchAll(/(?<![\p{L}])(\p{Lu}\p{Ll}+)\s+\p{Lu}\p{Ll}+/gu)].some((x) => isGivenName(x[1]!));
}

function splitNames(text: string): string[] {
  return splitList(text);
}

/**
 * Splits a list at commas and semicolons, and at "och"/"and"/"&"/"samt" before a capital, but
 * never inside parentheses ("Sarah Mitchell (SM, Senior Responsible Owner), James Okafor").
 */
function splitList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  const s = text.length > 600 ? text.slice(0, 600) : text;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === ',' || ch === ';')) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  const parts: string[] = [];
  for (const piece of out) {
    // "och"/"and" joins names ("Anna och Per") but also role words ("barn- och ungdom"): split
    // only before a capital, outside parentheses.
    let rest = piece;
    for (;;) {
      const m = /\s+(?:och|and|&|samt)\s+(?=\p{Lu})/u.exec(rest);
      if (!m || /\([^)]*$/u.test(rest.slice(0, m.index))) break;
      parts.push(rest.slice(0, m.index));
      rest = rest.slice(m.index + m[0].length);
    }
    parts.push(rest);
  }
  return parts.map((x) => x.trim()).filter(Boolean);
}

const ADJ_NAME = `\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,3}`;
const ADJ_LIST = `${ADJ_NAME}(?:\\s*(?:,|och|samt)\\s*${ADJ_NAME})*`;
const ADJ_AFTER_RE = new RegExp(`(${ADJ_LIST})\\s+(?:valdes|väljs|utses|utsågs|utsedd|utsedda)\\s+(?:att|till)\\s+(?:jämte ordföranden\\s+)?justera`, 'u');
const ADJ_BEFORE_RE = new RegExp(`\\b(?:utse|utsåg|välja|valde|välja)\\s+(${ADJ_LIST})\\s+(?:att|till)\\s+(?:jämte ordföranden\\s+)?justera`, 'u');

/** "Mats Holmgren valdes att justera", "att utse Åsa Lindqvist att jämte ordföranden justera". */
function adjustersInProse(text: string): string[] {
  if (!/justera/iu.test(text)) return [];
  const m = ADJ_AFTER_RE.exec(text) ?? ADJ_BEFORE_RE.exec(text);
  return m ? splitList(m[1]!).filter((n) => isPersonName(n, true)) : [];
}

/** The name of a list part without its party tag, presence note or "ersätter Y" tail. */
function personPart(part: string): string {
  return stripParens(part.replace(SUBST_TAIL_RE, '').replace(PRESENCE_RE, ' '));
}

const SUBST_TAIL_RE =
  /\s+(?:ersätter|ersättare för|tjänstgör för|tjänstgör i stället för|i stället för|istället för|substituting for|substitute for|deputising for)\s+.*$/iu;

function startsEntry(part: string): boolean {
  return isPersonName(personPart(part));
}

function stripParens(s: string): string {
  return s
    .replace(/\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function person(nameText: string, roleText: string, p: Para, mode: Mode, quote: string): Attendee[] | null {
  let nameT = naturalOrder(nameText) ?? nameText.trim();
  let role = roleText.trim();
  // "X (S) ersätter Y (S)": X serves as substitute, Y is absent.
  const whole = role ? `${nameT}, ${role}` : nameT;
  const sub = SUBST_RE.exec(whole);
  if (sub) {
    const left = sub[1]!.replace(/,\s*$/, '');
    const subst = person(left, '', p, { present: mode.present, flags: [...mode.flags, 'substitute'] }, quote);
    const [absentName, ...absentRole] = sub[2]!.split(/\s*,\s*/);
    const replaced = replacedForSomeItems(absentName!) ? null : person(absentName!, absentRole.join(', '), p, { present: false, flags: [] }, quote);
    if (!subst) return null;
    return [...subst, ...(replaced ?? [])];
  }
  let presence: string | null = null;
  const pres = PRESENCE_RE.exec(`${nameT} ${role}`);
  if (pres) {
    presence = pres[1]!.trim();
    nameT = nameT.replace(pres[0], ' ').trim();
    role = role
      .replace(pres[0], ' ')
      .replace(/\s*,\s*$/, '')
      .trim();
  }
  let party: string | null = null;
  const pm = PARTY_RE.exec(nameT) ?? PARTY_RE.exec(role);
  if (pm) {
    party = pm[1]!;
    nameT = nameT.replace(pm[0], ' ').trim();
    role = role.replace(pm[0], ' ').trim();
  }
  // "(Chair)", "(Clerk)" after a name is role text.
  const paren = /\(([^()]{2,60})\)/u.exec(nameT);
  if (paren) {
    role = [paren[1]!.trim(), role].filter(Boolean).join(', ');
    nameT = nameT.replace(paren[0], ' ').trim();
  }
  role = role.replace(/^\(([^()]*)\)$/u, '$1');
  // Name written with its role in one cell: "Simon Elfgrén, ordförande".
  const comma = nameT.indexOf(',');
  if (comma > 0) {
    role = [nameT.slice(comma + 1).trim(), role].filter(Boolean).join(', ');
    nameT = nameT.slice(0, comma).trim();
  }
  let name = stripHonorific(nameT.replace(/\s+/g, ' '));
  // "Christina Lindhagen Sportfiskarna": an organisation written after a full name.
  const words = name.split(' ');
  if (words.length >= 3 && isOrganisationLike(words[words.length - 1]!)) {
    role = [role, words.pop()!].filter(Boolean).join(', ');
    name = words.join(' ');
  }
  if (!isPersonName(name, true)) return null;
  // Initials written next to the name ("Helen Carter, Chair, HC", "(SM, Senior Responsible Owner)")
  // are how the minutes refer to the person, not a role or organisation.
  const initials = initialsOf(name);
  if (party && initials.includes(party)) party = null;
  if (initials.length)
    role = role
      .split(/\s*,\s*/)
      .filter((x) => !initials.includes(x.replace(/[()]/g, '').trim()))
      .join(', ');
  const parsed = parseRole(role.replace(/^[,;:\s]+|[,;\s]+$/g, ''));
  const flags = [...new Set([...mode.flags, ...parsed.flags])];
  return [
    {
      name,
      role: parsed.role,
      organisation: parsed.organisation ?? party,
      present: mode.present,
      flags,
      page: p.page,
      quote,
      presence,
    },
  ];
}

/** Splits role text into role, organisation and flags (rule in the file comment). */
export function parseRole(text: string): { role: string | null; organisation: string | null; flags: AttendeeFlag[] } {
  const flags: AttendeeFlag[] = [];
  if (!text) return { role: null, organisation: null, flags };
  const parts = text
    .split(/\s*,\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  const flagParts: string[] = [];
  const rest: string[] = [];
  for (const part of parts) {
    for (const [flag, re] of FLAG_WORDS) {
      if (!re.test(part)) continue;
      if (flag === 'chair' && /vice/i.test(part)) continue;
      if (!flags.includes(flag)) flags.push(flag);
    }
    if (FLAG_ONLY_RE.test(part)) flagParts.push(part);
    else rest.push(part);
  }
  if (rest.length === 0) return { role: flagParts.join(', ') || null, organisation: null, flags };
  if (rest.length >= 2) {
    // "Region Västra, projektledare": the job title written last is still the role.
    const last = rest[rest.length - 1]!;
    if (rest.length === 2 && isJob(last) && !isJob(rest[0]!)) return { role: last, organisation: rest[0]!, flags };
    return { role: rest.slice(0, -1).join(', '), organisation: last, flags };
  }
  const only = rest[0]!;
  // "nämndsekreterare", "Parish Clerk", "1:e vice ordförande": a flag word inside a longer job title.
  const hasFlagWord = FLAG_WORDS.some(([, re]) => re.test(only)) || /ordförande|chair/iu.test(only);
  if (ROLE_WORD.test(only) || hasFlagWord || ROLE_SUFFIX.test(only)) {
    const acr = /^(.*\S)\s+(\p{Lu}{2,}[\p{Lu}\d-]*)$/u.exec(only);
    if (acr && ROLE_WORD.test(acr[1]!)) return { role: acr[1]!, organisation: acr[2]!, flags };
    return { role: only, organisation: null, flags };
  }
  return { role: flagParts.length ? flagParts.join(', ') : null, organisation: only, flags };
}

function isJob(part: string): boolean {
  return ROLE_SUFFIX.test(part) || (/^\p{Ll}/u.test(part) && ROLE_WORD.test(part));
}

function tableRow(p: Para, table: { presentX: number[]; absentX: number[] }, out: Attendee[]): boolean {
  const cells = p.lines[0]!.cells;
  const nameCell = cells[0]!;
  const marks = cells.slice(1).filter((c) => X_MARK.test(c.text));
  const nearest = (x: number, cols: number[]): number => Math.min(...cols.map((c) => Math.abs(c - x)));
  let present: boolean | null = null;
  for (const mk of marks) present = nearest(mk.x, table.presentX) <= nearest(mk.x, table.absentX);
  if (marks.length === 0) return false;
  const roleText = cells
    .slice(1)
    .filter((c) => !X_MARK.test(c.text))
    .map((c) => c.text)
    .join(', ');
  const a = person(nameCell.text, roleText, p, { present: present ?? false, flags: [] }, p.text.slice(0, 300));
  if (!a) return false;
  if (present === null) for (const x of a) x.presence = x.presence ?? null;
  out.push(...a);
  return true;
}

function dedupe(list: Attendee[]): Attendee[] {
  const seen = new Map<string, Attendee>();
  for (const a of list) {
    const key = a.name.toLowerCase();
    const prev = seen.get(key);
    if (!prev) seen.set(key, a);
    else {
      // Listed twice (present list and replaced-by line): present wins, flags merge.
      prev.present = prev.present || a.present;
      for (const f of a.flags) if (!prev.flags.includes(f)) prev.flags.push(f);
      prev.role ??= a.role;
      prev.organisation ??= a.organisation;
    }
  }
  return [...seen.values()];
}
