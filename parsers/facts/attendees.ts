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
import { isPersonName, resolveName, stripHonorific } from './names.js';

const PRESENT_LABEL =
  /^(närvarande ledamöter|närvarande ersättare|närvarande tjänstemän|närvarande|deltagare|deltog|beslutande ledamöter|beslutande|övriga närvarande|övriga deltagare|övriga deltagande|ej tjänstgörande ersättare|tjänstgörande ersättare|members present|present|attendees|participants|in attendance|also present|also in attendance)\b\s*:?\s*(.*)$/iu;
const ABSENT_LABEL =
  /^(frånvarande ledamöter|frånvarande ersättare|frånvarande|anmält förhinder|anmält frånvaro|ej närvarande|förhinder|apologies for absence|apologies received|apologies|absent|not present)\b\s*:?\s*(.*)$/iu;
const FLAG_LABEL = /^(justerare|justeras av|mötesordförande|ordförande|sekreterare|protokollförare|chair|chairman|secretary|clerk)\s*:?\s*(.*)$/iu;
const X_MARK = /^[xX✓✔☒]$/u;
const PRESENT_COL = /^(närvarande|närv\.?|deltog|present|attended|ja|yes)$/iu;
const ABSENT_COL = /^(frånvarande|frånv\.?|ej närvarande|absent|förhinder|apologies|nej|no)$/iu;
const SUBST_RE = /^(.+?)\s+(?:ersätter|ersättare för|tjänstgör för|tjänstgör i stället för|i stället för|istället för|substituting for|substitute for|deputising for)\s+(.+)$/iu;
const PARTY_RE = /\(\s*(S|M|C|V|L|KD|MP|SD|FP|Fi|[A-ZÅÄÖ]{1,4})\s*\)/u;
const PRESENCE_RE =
  /\(?\s*((?:§§?|punkt(?:erna)?|p\.|items?|paragraf(?:erna)?)\s*\d+(?:\.\d+)?(?:\s*(?:-|–|—|till|to)\s*\d+(?:\.\d+)?)?|(?:lämnade|lämnar|anslöt|kom|left|arrived|joined)\b[^,;()]{0,60}|(?:fr\.?o\.?m\.?|t\.?o\.?m\.?|från|till|from|until)\s+(?:kl\.?\s*\d{1,2}(?:[.:]\d{2})?|§\s*\d+|punkt\s*\d+(?:\.\d+)?|items?\s*\d+(?:\.\d+)?))\s*\)?/iu;
const ROLE_WORD =
  /(chef|samordnare|företrädare|ledamot|direktör|handläggare|strateg|utvecklare|ansvarig|läkare|sköterska|rektor|konsult|koordinator|kurator|psykolog|representant|tjänsteman|controller|ekonom|projektledare|utredare|specialist|medarbetare|rådgivare|administratör|ombud|politiker|officer|manager|director|head of|lead|councillor|adviser|advisor|coordinator|chief|assistant|analyst|nurse|doctor|teacher|principal)/iu;
const CHAIR_RE = /(?:mötes)?ordförande|\bchair(?:man|woman|person)?\b/iu;
const FLAG_WORDS: Array<[AttendeeFlag, RegExp]> = [
  ['chair', CHAIR_RE],
  ['secretary', /sekreterare|protokollförare|\bclerk\b|\bsecretary\b|\bminutes\b/iu],
  ['adjunct', /adjungerad|co-?opted/iu],
  ['substitute', /ersättare|\bsubstitute\b/iu],
  ['adjuster', /justerare/iu],
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

  for (const p of doc.paras) {
    const text = p.text.length > 600 ? p.text.slice(0, 600) : p.text;
    const first = p.cells[0] ?? '';
    // X-mark table header.
    if (p.kind === 'row' && p.cells.some((c) => PRESENT_COL.test(c)) && p.cells.some((c) => ABSENT_COL.test(c))) {
      const cells = p.lines[0]!.cells;
      table = { presentX: cells.filter((c) => PRESENT_COL.test(c.text)).map((c) => c.x), absentX: cells.filter((c) => ABSENT_COL.test(c.text)).map((c) => c.x) };
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
      for (const n of splitNames(flagLabel[2])) if (flag) pendingFlags.push({ name: n, flag });
      if (!mode) continue;
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
  if (cells.length >= 2) {
    const a = person(cells[0]!, cells.slice(1).join(', '), p, mode, quote);
    if (!a) return false;
    out.push(...a);
    return true;
  }
  const text = (cells[0] ?? '').replace(/^(?:[•▪●◦*·]|[-–—](?=\s))\s*/u, '').replace(/[.;]$/, '').trim();
  if (!text) return false;
  // Several entries on one line, separated by semicolons.
  if (text.includes(';')) {
    let any = false;
    for (const part of text.split(';')) if (part.trim() && addEntries([part.trim()], p, mode, out)) any = true;
    return any;
  }
  // A prose list of names: "Anna, Per och Lisa" or "Anna Andersson, Per Persson and Lisa Svensson".
  const parts = splitNames(text);
  if (parts.length >= 2) {
    const bare = parts.map((x) => stripParens(x));
    const multi = bare.every((x) => isPersonName(x) );
    const single = bare.every((x) => isPersonName(x, true) && !x.includes(' '));
    if (multi || single) {
      for (const x of parts) out.push(...(person(x, '', p, mode, quote) ?? []));
      return true;
    }
  }
  // One entry with a role: "Name, role, org", "Name (S), ordförande", "Name – role".
  const m = /^(.+?)(?:\s*,\s*|\s+[–—-]\s+|\s*(?=\())(.*)$/u.exec(text);
  const a = m && isPersonName(stripParens(m[1]!), true) ? person(m[1]!, m[2]!, p, mode, quote) : person(text, '', p, mode, quote);
  if (!a) return false;
  out.push(...a);
  return true;
}

function splitNames(text: string): string[] {
  return text
    .split(/\s*,\s*|\s+(?:och|and|&|samt)\s+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

function stripParens(s: string): string {
  return s.replace(/\([^)]*\)/g, '').replace(/\s+/g, ' ').trim();
}

function person(nameText: string, roleText: string, p: Para, mode: Mode, quote: string): Attendee[] | null {
  let nameT = nameText.trim();
  let role = roleText.trim();
  // "X (S) ersätter Y (S)": X serves as substitute, Y is absent.
  const whole = role ? `${nameT}, ${role}` : nameT;
  const sub = SUBST_RE.exec(whole);
  if (sub) {
    const left = sub[1]!.replace(/,\s*$/, '');
    const subst = person(left, '', p, { present: mode.present, flags: [...mode.flags, 'substitute'] }, quote);
    const [absentName, ...absentRole] = sub[2]!.split(/\s*,\s*/);
    const replaced = person(absentName!, absentRole.join(', '), p, { present: false, flags: [] }, quote);
    if (!subst) return null;
    return [...subst, ...(replaced ?? [])];
  }
  let presence: string | null = null;
  const pres = PRESENCE_RE.exec(`${nameT} ${role}`);
  if (pres) {
    presence = pres[1]!.trim();
    nameT = nameT.replace(pres[0], ' ').trim();
    role = role.replace(pres[0], ' ').replace(/\s*,\s*$/, '').trim();
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
  const name = stripHonorific(nameT.replace(/\s+/g, ' '));
  if (!isPersonName(name, true)) return null;
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
  const parts = text.split(/\s*,\s*/).map((s) => s.trim()).filter(Boolean);
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
  if (rest.length >= 2) return { role: rest.slice(0, -1).join(', '), organisation: rest[rest.length - 1]!, flags };
  const only = rest[0]!;
  if (ROLE_WORD.test(only)) {
    const acr = /^(.*\S)\s+(\p{Lu}{2,}[\p{Lu}\d-]*)$/u.exec(only);
    if (acr && ROLE_WORD.test(acr[1]!)) return { role: acr[1]!, organisation: acr[2]!, flags };
    return { role: only, organisation: null, flags };
  }
  return { role: flagParts.length ? flagParts.join(', ') : null, organisation: only, flags };
}

function tableRow(p: Para, table: { presentX: number[]; absentX: number[] }, out: Attendee[]): boolean {
  const cells = p.lines[0]!.cells;
  const nameCell = cells[0]!;
  const marks = cells.slice(1).filter((c) => X_MARK.test(c.text));
  const nearest = (x: number, cols: number[]): number => Math.min(...cols.map((c) => Math.abs(c - x)));
  let present: boolean | null = null;
  for (const mk of marks) present = nearest(mk.x, table.presentX) <= nearest(mk.x, table.absentX);
  if (marks.length === 0) return false;
  const roleText = cells.slice(1).filter((c) => !X_MARK.test(c.text)).map((c) => c.text).join(', ');
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
