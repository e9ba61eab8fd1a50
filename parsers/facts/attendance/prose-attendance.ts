/**
 * Attendance written as a sentence rather than a list. Absence: "Mara and Carol gave apologies", "Trustee
 * Hayden did not attend", "Alan Yates noted apologies from Judith Smyth, Non-Executive Director",
 * "Apologies for absence were received from Cllr Purves", "Anna Berg har anmält förhinder".
 * Presence: "Gill Brown attended by invitation", "Per Holm was also present". The phrases are
 * data; the names are read next to them, up to the first word that fits no name, and names
 * before a phrase must open their sentence.
 */
import { peopleIn, type Found } from './people.js';

/** Phrases after which the absent people are named. */
const NAMES_AFTER = [
  'apologies for absence (?:were|was|had been|have been) (?:received|noted|tendered|given) from',
  'apologies (?:were|was|had been|have been) (?:received|noted|tendered|given) from',
  '(?:noted|received|recorded|tendered|reported) (?:the )?apologies (?:for absence )?from',
  'apologies (?:for absence )?from',
  'förhinder (?:hade|har) anmälts av',
  'frånvarande (?:var|är)',
];

/** Phrases before which the absent people are named. */
const NAMES_BEFORE = [
  '(?:gave|sent|tendered|offered|had sent|have sent|has sent) (?:his |her |their )?apologies',
  '(?:did not|could not|was unable to|were unable to) attend',
  '(?:was|were) absent',
  '(?:har|hade) anmält (?:förhinder|frånvaro)',
  '(?:var|är) frånvarande',
  '(?:deltog|närvarade) inte',
  'kunde inte (?:delta|närvara)',
];

/** Phrases before which people shown present are named. */
const PRESENT_BEFORE = [
  'attended (?:the meeting )?(?:by invitation|as (?:an? )?(?:guest|observer))',
  '(?:was|were) (?:also )?(?:present|in attendance)',
  '(?:deltog|närvarade) (?:också |även )?(?:som gäst|som adjungerad|vid mötet|på mötet|i mötet)',
];

const AFTER_RE = new RegExp(`(?<![\\p{L}])(?:${NAMES_AFTER.join('|')})\\s*:?\\s+`, 'giu');
const BEFORE_RE = new RegExp(`\\s+(?:${NAMES_BEFORE.join('|')})(?![\\p{L}])`, 'giu');
const PRESENT_RE = new RegExp(`\\s+(?:${PRESENT_BEFORE.join('|')})(?![\\p{L}])`, 'giu');
/** Words that end a run of names even when capitalised ("Cllr Purves With the absence of …"). */
const STOP = new Set(
  'with the a an in on at for of to as but it this that which who was were is are has had have due because owing till och i på för att som med hade har var är'.split(
    ' ',
  ),
);
const JOIN = /^(?:and|och|&|samt)$/iu;
const NAME_WORD = /^[(]?\p{Lu}[\p{L}.'’-]*[),]*$/u;

/** The words of `words` that can belong to a list of names, from its start (or its end). */
function nameWords(words: string[], fromEnd: boolean): string[] {
  const seq = fromEnd ? [...words].reverse() : words;
  const out: string[] = [];
  for (const w of seq) {
    const bare = w.replace(/[,;]$/u, '');
    if (bare.length > 1 && STOP.has(bare.toLowerCase())) break;
    if (!NAME_WORD.test(bare) && !JOIN.test(bare)) break;
    out.push(w);
    // A sentence ends at a full stop after a word of three letters or more.
    if (!fromEnd && /\p{L}{3,}\.$/u.test(w)) break;
  }
  if (fromEnd) out.reverse();
  while (out.length && JOIN.test(out[0]!)) out.shift();
  while (out.length && JOIN.test(out[out.length - 1]!)) out.pop();
  return out;
}

/** The names opening each sentence in which `re` follows them. */
function namesBefore(text: string, re: RegExp): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 200), m.index);
    const sentence = (before.split(/(?<=\p{L}{3,}[.!?])\s+|[\n•]/u).pop() ?? '').replace(/^[\s*·\-–\d.)]+/u, '');
    const words = sentence.split(/\s+/).filter(Boolean);
    const names = nameWords(words, true);
    // The run must open the sentence: "The meeting noted that Anna Berg was absent" names nobody by rule.
    if (names.length && names.length === words.length) out.push(names.join(' '));
  }
  return out;
}

/** People a paragraph records in prose as absent (present: false) or present. */
export function proseAttendance(text: string): Found[] {
  const out: Found[] = [];
  const add = (names: string, lenient = false) => {
    for (const f of peopleIn(names.replace(/[.;]$/u, ''), [], lenient)) out.push({ ...f, present: false, absentLabel: true, flags: [] });
  };
  AFTER_RE.lastIndex = 0;
  for (let m = AFTER_RE.exec(text); m; m = AFTER_RE.exec(text)) {
    const words = text
      .slice(m.index + m[0].length, m.index + m[0].length + 300)
      .split(/\s+/)
      .filter(Boolean);
    const names = nameWords(words, false);
    if (names.length) add(names.join(' '));
  }
  // A name opening the sentence of such a phrase is one even when the lexicon does not know it ("Gill Brown").
  for (const names of namesBefore(text, BEFORE_RE)) add(names, true);
  for (const names of namesBefore(text, PRESENT_RE)) for (const f of peopleIn(names, [], true)) out.push({ ...f, flags: [] });
  return out;
}
