/**
 * Candidate attendance lists anywhere in a document: every occurrence of a label (labels.ts) opens
 * a list that runs to the next label, in the same paragraph or, when the label ends its paragraph,
 * over the following paragraphs until a heading, another label or a paragraph with nobody in it
 * (up to two noise lines, such as decoration or page furniture, are skipped).
 */
import type { AttendeeFlag } from '../../../core/facts.js';
import type { NormDoc } from '../../normalize.js';
import { ELECTED, LABELS, type LabelMeaning } from './labels.js';
import { peopleIn, type Found } from './people.js';

export interface Candidate extends Found {
  page: number;
  quote: string;
}

export interface ScanResult {
  people: Candidate[];
  flags: Array<{ name: string; flag: AttendeeFlag; page: number; quote: string }>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A label starts with a capital (or stands at a line start) and ends at a word end, optionally with a colon. */
const LABEL_RE = new RegExp(`(?<![\\p{L}\\d])(${LABELS.map(([l]) => escape(l)).join('|')})(?![\\p{L}])\\s*:?`, 'giu');
const MEANING = new Map(LABELS.map(([l, m]) => [l, m]));

interface Hit {
  start: number;
  end: number;
  meaning: LabelMeaning;
}

function labelsIn(text: string): Hit[] {
  const out: Hit[] = [];
  LABEL_RE.lastIndex = 0;
  for (let m = LABEL_RE.exec(text); m; m = LABEL_RE.exec(text)) {
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
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    const text = p.text.length > 4000 ? p.text.slice(0, 4000) : p.text;
    for (const [re, flag] of ELECTED) {
      const m = re.exec(text.slice(0, 600));
      if (m) flags.push({ name: m[1]!, flag, page: p.page, quote: m[0] });
    }
    const hits = labelsIn(text);
    hits.forEach((h, k) => {
      const seg = text.slice(h.end, hits[k + 1]?.start ?? text.length).replace(/\t/g, ', ');
      const found = take(h.meaning, seg);
      if (h.meaning.kind === 'flag') {
        const first = found[0];
        if (first && seg.trim().startsWith(first.name.split(' ')[0]!))
          flags.push({ name: first.name, flag: h.meaning.flag, page: p.page, quote: text.slice(h.start, h.start + 200) });
        return;
      }
      if (h.meaning.kind === 'stop') return;
      for (const f of found) people.push({ ...f, page: p.page, quote: quoteFor(text, f.name, h) });
      // A label ending its paragraph: the list follows in the next paragraphs.
      if (k === hits.length - 1 && seg.trim().length < 3) {
        let noise = 0;
        let listed = 0;
        for (let j = i + 1; j < paras.length && j <= i + 80; j++) {
          const q = paras[j]!;
          if ((q.kind === 'heading' && q.level === 1) || labelsIn(q.text).some((x) => x.start === 0)) break;
          const more = take(h.meaning, q.text.replace(/\t/g, ', '), listed >= 2);
          if (more.length === 0) {
            if (++noise > 2) break;
            continue;
          }
          noise = 0;
          listed += more.length;
          for (const f of more) people.push({ ...f, page: q.page, quote: q.text.slice(0, 300) });
        }
      }
    });
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
  const found = peopleIn(seg, flags, lenient);
  if (meaning.kind === 'absent') return found.map((f) => ({ ...f, present: false }));
  return found;
}
