/**
 * Task text for a card or a reminder: a self-contained, capitalised phrase, in the infinitive
 * where the minutes wrote a Swedish present tense ("gör en inbjudan" → "Göra en inbjudan") or a
 * passive ("åtgärdslistan uppdateras" → "Uppdatera åtgärdslistan"). Morphology is a small rule
 * set plus a table of irregular verbs; anything the rules do not know is kept as written.
 */
import { isGivenName } from '../names/lexicon.js';

/** Present tense → infinitive for the verbs the regular endings get wrong. */
const IRREGULAR_PRESENT: Record<string, string> = {
  gör: 'göra',
  hör: 'höra',
  ser: 'se',
  ber: 'be',
  tar: 'ta',
  går: 'gå',
  får: 'få',
  står: 'stå',
  har: 'ha',
  vet: 'veta',
  kan: 'kunna',
  vill: 'vilja',
  är: 'vara',
  blir: 'bli',
  gläds: 'glädjas',
  säger: 'säga',
  lägger: 'lägga',
  sätter: 'sätta',
  väljer: 'välja',
  sänder: 'sända',
  drar: 'dra',
  bor: 'bo',
  tror: 'tro',
  når: 'nå',
  syr: 'sy',
  ger: 'ge',
};

/** "gör" → "göra", "mailar" → "maila", "skriver" → "skriva", "ser över" keeps its particle. Null when `word` is no present tense. */
export function presentToInfinitive(word: string): string | null {
  const w = word.toLowerCase();
  for (const [pres, inf] of Object.entries(IRREGULAR_PRESENT)) {
    // Compounds keep their prefix: "återkommer" → "återkomma", "genomför" → "genomföra".
    if (w === pres || (w.endsWith(pres) && w.length - pres.length >= 3 && /^(?:åter|genom|till|upp|över|fram|om|in|ut|med|be|före|an)/u.test(w))) {
      return w.slice(0, w.length - pres.length) + inf;
    }
  }
  if (/[^aeiouyåäö]ar$/u.test(w)) return w.slice(0, -1);
  if (/[^aeiouyåäö]er$/u.test(w)) return `${w.slice(0, -2)}a`;
  if (/ör$/u.test(w)) return `${w}a`;
  return null;
}

/** "uppdateras" → "uppdatera", "bjuds" → "bjuda", "görs" → "göra": the infinitives a passive form can come from. */
export function passiveInfinitives(word: string): string[] {
  const w = word.toLowerCase();
  if (!w.endsWith('s')) return [];
  const out: string[] = [];
  if (w.endsWith('as')) out.push(w.slice(0, -1));
  // The -er verbs' present passive drops the "er": "bjuds", "tillsätts", "genomförs", "läggs".
  out.push(`${w.slice(0, -1)}a`);
  return out;
}

export function capitalise(s: string): string {
  return s.replace(/^\s*(\p{Ll})/u, (m) => m.toUpperCase());
}

/** The first word lower-cased unless it is a name, an acronym or has a capital inside ("Fastighetsgruppen" → "fastighetsgruppen", "Mikael", "SK"). */
export function asObject(phrase: string, known: readonly string[] = []): string {
  const first = /^\S+/u.exec(phrase)?.[0] ?? '';
  const bare = first.replace(/[,.:;]+$/u, '');
  if (!/^\p{Lu}\p{Ll}/u.test(bare) || /\p{Lu}/u.test(bare.slice(1)) || isGivenName(bare) || known.some((k) => k.split(/\s+/).includes(bare))) return phrase;
  return phrase.charAt(0).toLowerCase() + phrase.slice(1);
}

/** A task ready for a card: whitespace collapsed, no trailing full stop or dash, first letter capital. */
export function finishTask(task: string): string {
  return capitalise(
    task
      // A link is no part of what to do; the quote keeps it.
      .replace(/\s*(?:\[[^\]]*\]\()?https?:\/\/\S+/gu, '')
      .replace(/\s+/gu, ' ')
      .replace(/[\s.,;:–—-]+$/u, '')
      .trim(),
  );
}
