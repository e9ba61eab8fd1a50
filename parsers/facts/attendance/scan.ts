/**
 * Candidate attendance lists anywhere in a document: every occurrence of a label (labels.ts) opens
 * a list that runs to the next label, in the same paragraph or, when the label ends its paragraph,
 * over the following paragraphs until a heading, another label or a paragraph with nobody in it
 * (up to two noise lines, such as decoration or page furniture, are skipped).
 */
import type { AttendeeFlag } from '../../../core/facts.js';
import type { NormDoc } from '../../normalize.js';
import { isGivenName } from '../../names/lexicon.js';
import { proseAttendance } from './prose-attendance.js';
import { ELECTED, LABELS, type LabelMeaning } from './labels.js';
import { peopleIn, rosterPeople, type Found } from './people.js';

export interface Candidate extends Found {
  page: number;
  quote: string;
}

export interface ScanResult {
  people: Candidate[];
  /** `inProse`: the name runs on into a sentence; it may flag a listed person but adds nobody. */
  flags: Array<{ name: string; flag: AttendeeFlag; page: number; quote: string; inProse?: boolean }>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/**
 * A label starts with a capital (or stands at a line start) and ends at a word end, optionally with
 * a colon; a date may run into it ("2009-03-16Närvarande:").
 */
const LABEL_RE = new RegExp(`(?<![\\p{L}])(${LABELS.map(([l]) => escape(l)).join('|')})(?![\\p{L}])\\s*:?`, 'giu');
const MEANING = new Map(LABELS.map(([l, m]) => [l, m]));

/** Page furniture opening a page's text: "3 (40)", "Sida 2 (41)", "Page 2 of 12". */
const PAGE_MARK = /^\s*(?:(?:sida|page|sid\.?)\s*)?\d+\s*(?:\(\s*\d+\s*\)|(?:av|of)\s+\d+)\s*/iu;

interface Hit {
  start: number;
  end: number;
  meaning: LabelMeaning;
}

function labelsIn(text: string): Hit[] {
  const out: Hit[] = [];
  LABEL_RE.lastIndex = 0;
  for (let m = LABEL_RE.exec(text); m; m = LABEL_RE.exec(text)) {
    // A role in parentheses describes the name before it ("Cllr P Batty (Chairman), Cllr J Batty"): no label.
    if (/\([^()]*$/u.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    const atStart = m.index === 0 || /[\n:;.]\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index));
    if (!/^\p{Lu}/u.test(m[1]!) && !atStart) continue;
    const meaning = MEANING.get(m[1]!.toLowerCase());
    if (meaning) out.push({ start: m.index, end: m.index + m[0].length, meaning });
  }
  return out;
}

export function scanAttendance(doc: NormDoc): ScanResult {
  const people: Candidate[] = [];
  const flags: ScanResult['flags'] = [];
  const paras = doc.paras;
  // The previous paragraph's text and labels (read once, on its own turn).
  let before: { text: string; hits: Hit[] } | null = null;
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    const text = p.text.length > 4000 ? p.text.slice(0, 4000) : p.text;
    for (const [re, flag] of ELECTED) {
      const m = re.exec(text);
      const name = m ? personAt(m[1]!) : null;
      if (m && name) flags.push({ name, flag, page: p.page, quote: m[0] });
    }
    for (const f of proseAttendance(text)) {
      const at = Math.max(0, text.indexOf(f.name.split(' ').pop()!) - 120);
      people.push({ ...f, page: p.page, quote: text.slice(at, at + 300) });
    }
    const hits = labelsIn(text);
    // The first paragraphs may be the roster itself, with no label before it.
    // Not under a label of its own: a list label has been read already, and any other ("Kopia till:",
    // "Distribution") says these people were not there.
    const last = before?.hits[before.hits.length - 1];
    const underLabel = !!last && isBlank(before!.text.slice(last.end));
    before = { text, hits };
    if (hits.length === 0 && i < 15 && p.kind !== 'heading' && text.length < 1000 && !underLabel)
      for (const f of rosterPeople(text)) people.push({ ...f, page: p.page, quote: text.slice(0, 300) });
    // Signature blocks flattened into one line print their role labels first and the names after
    // them, in the same order ("Sekreterare Ordförande Justerande Linda Mattila Kjell Hedvall (S)
    // Pär Johnson (FP)", "Sekreterare Paragrafer Erika Rönnestig"): role labels with no name of
    // their own wait in a queue for the next names.
    let waiting: Array<{ flag: AttendeeFlag; at: number }> = [];
    hits.forEach((h, k) => {
      const seg = text.slice(h.end, hits[k + 1]?.start ?? text.length).replace(/\t/g, ', ');
      const found = take(h.meaning, seg);
      // "Vice ordförande", "Deputy Chairman" name another office; "J Leahy, Deputy Chairman, A Smallman,
      // Secretary": a role after a comma belongs to the name before it, not to the one after.
      if (
        h.meaning.kind === 'flag' &&
        (/(?:vice|deputy|v\.)\s*$/iu.test(text.slice(Math.max(0, h.start - 8), h.start)) || (/^\s*,/u.test(seg) && !isBlank(seg)))
      ) {
        waiting = [];
        return;
      }
      if (h.meaning.kind === 'flag' || (h.meaning.kind === 'stop' && waiting.length > 0)) {
        const queue = h.meaning.kind === 'flag' ? [...waiting, { flag: h.meaning.flag, at: h.start }] : waiting;
        const { names, inProse } = signatureNames(seg);
        // "Sekreterare Kommunstyrelseförvaltningen Ordförande …": a unit under a role label keeps it waiting.
        if (names.length === 0 && (isBlank(seg) || (h.meaning.kind === 'flag' && /^\s*\p{Lu}[\p{L}-]*\s*$/u.test(seg)))) {
          waiting = queue;
          return;
        }
        waiting = [];
        const paired = pairQueue(queue, names);
        for (const [flag, name, at] of paired)
          flags.push({ name, flag, page: p.page, quote: text.slice(at, Math.min(text.length, Math.max(h.end, at) + 200)), inProse });
        if (paired.length === 0 && h.meaning.kind === 'flag') {
          const first = found[0];
          if (first && seg.trim().startsWith(first.name.split(' ')[0]!))
            flags.push({ name: first.name, flag: h.meaning.flag, page: p.page, quote: text.slice(h.start, h.start + 200) });
        }
        return;
      }
      if (!isBlank(seg)) waiting = [];
      if (h.meaning.kind === 'stop') return;
      // Only an absence written with its label in running text overrides a roster, never a table column's header.
      for (const f of found) people.push({ ...f, absentLabel: f.absentLabel && p.kind !== 'row', page: p.page, quote: quoteFor(text, f.name, h) });
      // A label ending its paragraph: the list follows in the next paragraphs.
      if (k === hits.length - 1 && seg.trim().length < 3) {
        let noise = 0;
        let listed = 0;
        const skipped: typeof paras = [];
        for (let j = i + 1; j < paras.length && j <= i + 80; j++) {
          const q = paras[j]!;
          // A heading, a label opening the paragraph, or a list or field label anywhere in it (a
          // flattened front page after a title that ends in a label) ends the list.
          if (
            (q.kind === 'heading' && q.level === 1) ||
            labelsIn(q.text).some((x) => x.start === 0 || x.meaning.kind === 'present' || x.meaning.kind === 'absent' || x.meaning.kind === 'stop')
          )
            break;
          // "Council: Mark, Eric Holk", "Observers: TC": a group's own label inside the list.
          const body = q.text.replace(/^\s*(?:[-*•]\s*)?\p{Lu}\p{Ll}+(?:\s+\p{Ll}+){0,2}:\s+/u, '').replace(/\t/g, ', ');
          let more = take(h.meaning, body, listed >= 2);
          // "- James Belsey, Morgan Stanley": a list item with one comma is a person and their organisation.
          if (more.length === 2 && /^\s*[-*•]/u.test(body) && body.split(',').length === 2 && !/\s(?:och|and|&)\s/u.test(body)) more = more.slice(0, 1);
          if (more.length === 0) {
            if (listed < 2 && body.length < 60) skipped.push(q);
            if (++noise > 2) break;
            continue;
          }
          noise = 0;
          listed += more.length;
          for (const f of more) people.push({ ...f, absentLabel: false, page: q.page, quote: q.text.slice(0, 300) });
        }
        // Short lines passed over before the list showed itself ("- Rob Swain" above "- James Liu"):
        // once two people or more are listed, each is read as one name as the later lines were.
        if (listed >= 2)
          for (const q of skipped)
            for (const f of take(h.meaning, q.text.replace(/\t/g, ', '), true))
              people.push({ ...f, absentLabel: false, page: q.page, quote: q.text.slice(0, 300) });
      } else if (k === hits.length - 1 && found.length >= 3) {
        // A list running to the end of its page goes on at the top of the next ("2 (40) … Jenny
        // Bergius" / "3 (40) *Mousa Younis Sari Samuelsson …"), up to the next label there.
        const q = paras[i + 1];
        if (q && (q.page > p.page || PAGE_MARK.test(q.text))) {
          const body = q.text
            .slice(0, labelsIn(q.text)[0]?.start ?? q.text.length)
            .replace(PAGE_MARK, '')
            .replace(/\t/g, ', ');
          const more = take(h.meaning, body, true);
          // The new page must open with two capitalised words (a name), not with body text that mentions people.
          if (more.length >= 2 && /^\s*[*•]?\s*\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(body))
            for (const f of more) people.push({ ...f, absentLabel: false, page: q.page, quote: q.text.slice(0, 300) });
        }
      }
    });
    // Role labels ending their paragraph sign above the names ("Vid pennan" / "Rolf Adamsson",
    // "Vid protokollet:" / "Frida Grund   Carin Nises"): the next paragraph with text holds them.
    if (waiting.length > 0 && hits.length > 0 && isBlank(text.slice(hits[hits.length - 1]!.end))) {
      for (let j = i + 1; j < paras.length && j <= i + 3; j++) {
        const q = paras[j]!;
        if (isBlank(q.text)) continue;
        const { names, inProse } = signatureNames(q.text.replace(/^\s*\//u, '').replace(/\t/g, ', '));
        for (const [flag, name] of pairQueue(waiting, names))
          flags.push({ name, flag, page: q.page, quote: `${text.slice(-60).trim()} ${q.text.slice(0, 140)}`, inProse });
        break;
      }
    }
  }
  return { people, flags };
}

/** The label and, when the person stands far into its list, the text around the name: the quote must hold the name. */
function quoteFor(text: string, name: string, h: Hit): string {
  const head = text.slice(h.start, h.end).trim();
  const last = name.split(' ').pop() ?? name;
  const at = text.indexOf(last, h.end);
  if (at < 0 || at + last.length <= h.start + 300) return text.slice(h.start, h.start + 300);
  const from = Math.max(h.end, at - 120);
  return `${head} … ${text.slice(from, at + last.length + 60)}`;
}

function take(meaning: LabelMeaning, seg: string, lenient = false): Found[] {
  if (meaning.kind === 'stop') return [];
  const flags = meaning.kind === 'present' ? meaning.flags : [];
  // "Apologies: Received from R Driver, P McCulloch".
  const text = meaning.kind === 'absent' ? seg.replace(/^\s*(?:(?:were|was|have been|had been)\s+)?(?:received|noted|tendered)\s+from\s+/iu, '') : seg;
  const found = peopleIn(text, flags, lenient);
  if (meaning.kind === 'absent') return found.map((f) => ({ ...f, present: false, absentLabel: true }));
  return found;
}

/** Nothing but punctuation, dots of a signature line, § or page numbers between two labels. */
function isBlank(seg: string): boolean {
  return /^[\s.,:;_…/()\d§–-]*$/u.test(seg);
}

/**
 * The people a signature segment opens with: names with their party tags, up to the first word
 * that belongs to no name ("… Pär Johnson (FP) Utdragsbestyrkande"). Prose after a label yields nobody.
 */
function signatureNames(seg: string): { names: string[]; inProse: boolean } {
  const text = seg.replace(/[._…]{2,}|\d+\s*[-–]\s*\d+|§+/gu, ' ').replace(/\s*\.\s+/g, ', ');
  const words = text.split(/\s+/).filter(Boolean).slice(0, 24);
  for (let cut = words.length; cut >= 2; cut--) {
    const head = words.slice(0, cut).join(' ');
    const found = peopleIn(head);
    if (found.length === 0) continue;
    const known = new Set(found.flatMap((f) => f.name.split(' ')));
    const bare = head
      .replace(/\([^()]{0,20}\)/g, ' ')
      .split(/[\s,]+/)
      .filter(Boolean);
    // The segment starts with the first name ("Secretary and T Chown, Treasurer" is prose).
    if (bare[0] !== found[0]!.name.split(' ')[0]) break;
    if (bare.every((w) => known.has(w) || /^(?:och|and)$/u.test(w)))
      return { names: found.map((f) => f.name), inProse: cut < words.length && /\p{Ll}/u.test(words[cut]!) };
  }
  return { names: [], inProse: false };
}

/** Role labels in order ↔ names in order; the last label (justerare) takes any extra names. */
function pairQueue(queue: Array<{ flag: AttendeeFlag; at: number }>, names: string[]): Array<[AttendeeFlag, string, number]> {
  if (names.length === 0 || queue.length === 0) return [];
  // Fewer names than labels, or more names than a queue without justerare: the pairing is unsure.
  if (names.length < queue.length) return [];
  // More names than labels: only one label for several justerare ("Justerande Fatima Bouja Viveca Dalhammar").
  if (names.length > queue.length && (queue.length > 1 || queue[0]!.flag !== 'adjuster')) {
    if (queue.length > 1) return [];
  }
  const out: Array<[AttendeeFlag, string, number]> = [];
  names.forEach((n, i) => {
    const q = queue[Math.min(i, queue.length - 1)]!;
    if (i >= queue.length && q.flag !== 'adjuster') return;
    out.push([q.flag, n, q.at]);
  });
  return out;
}

/**
 * The person in words a prose pattern took as a name: words before the first given name or
 * initial are the sentence's ("Yesterday Alan Yates" → "Alan Yates"); null when none is a name.
 */
function personAt(words: string): string | null {
  const tokens = words.split(/\s+/);
  const k = tokens.findIndex((t) => isGivenName(t) || /^\p{Lu}{1,2}\.?$/u.test(t));
  if (k < 0) return tokens.length === 1 ? null : words;
  return tokens.slice(k).join(' ');
}
