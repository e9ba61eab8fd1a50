/** Which language a question is in: answers follow it. Swedish unless the question reads as English. */
import type { AnswerLanguage } from './types.js';
import { fold, words } from './text.js';

const SV = new Set([
  'vad',
  'vem',
  'vilka',
  'vilken',
  'vilket',
  'hur',
  'nar',
  'ar',
  'och',
  'ska',
  'mycket',
  'manga',
  'var',
  'finns',
  'kostar',
  'mote',
  'motet',
  'pa',
  'for',
  'till',
  'med',
  'om',
  'det',
  'den',
  'har',
  'gora',
  'nasta',
  'som',
  'av',
  'i',
]);
const EN = new Set([
  'what',
  'who',
  'which',
  'when',
  'where',
  'how',
  'is',
  'are',
  'was',
  'were',
  'the',
  'does',
  'did',
  'do',
  'of',
  'meeting',
  'much',
  'many',
  'cost',
  'next',
  'to',
  'for',
  'in',
  'on',
  'and',
  'has',
  'have',
  'should',
  'will',
  'about',
  'there',
]);

export function detectLanguage(question: string): AnswerLanguage {
  let sv = /[åäö]/i.test(question) ? 1 : 0;
  let en = 0;
  for (const w of words(fold(question))) {
    if (SV.has(w)) sv++;
    if (EN.has(w)) en++;
  }
  return en > sv ? 'en' : 'sv';
}
