/**
 * Absence written as a sentence rather than a list: "Mara and Carol gave apologies", "Trustee
 * Hayden did not attend", "Alan Yates noted apologies from Judith Smyth, Non-Executive Director",
 * "Apologies for absence were received from Cllr Purves", "Anna Berg har anmält förhinder". The
 * phrases are data; the names are read next to them, up to the first word that fits no name.
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

const AFTER_RE = new RegExp(`(?<![\\p{L}])(?:${NAMES_AFTER.join('|')})\\s*:?\\s+`, 'giu');
const BEFORE_RE = new RegExp(`\\s+(?:${NAMES_BEFORE.join('|')})(?![\\p{L}])`, 'giu');
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

/** People a paragraph records as absent in prose. */
export function absencesIn(text: string): Found[] {
  const out: Found[] = [];
  const add = (names: string) => {
    for (const f of peopleIn(names.replace(/[.;]$/u, ''))) out.push({ ...f, present: false, absentLabel: true, flags: [] });
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
  BEFORE_RE.lastIndex = 0;
  for (let m = BEFORE_RE.exec(text); m; m = BEFORE_RE.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 200), m.index);
    const sentence = (before.split(/(?<=\p{L}{3,}[.!?])\s+|[\n•]/u).pop() ?? '').replace(/^[\s*·\-–\d.)]+/u, '');
    const words = sentence.split(/\s+/).filter(Boolean);
    const names = nameWords(words, true);
    // The run must open the sentence: "The meeting noted that Anna Berg was absent" names nobody by rule.
    if (names.length && names.length === words.length) add(names.join(' '));
  }
  return out;
}
