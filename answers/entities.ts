/**
 * People and units named in a question, resolved against the names the group's documents
 * know (attendees, action-item owners): full names, or a first name or surname alone.
 */
import { fold, foldedWords, isStopWord, words } from './text.js';

/** Capitalised words that are not names (months, weekdays, common tool names). */
const NOT_NAMES = new Set(
  fold(
    `januari februari mars april maj juni juli augusti september oktober november december january february march may june july august
     october monday tuesday wednesday thursday friday saturday sunday måndag tisdag onsdag torsdag fredag lördag söndag teams
     what who which when where how why is are was were does did do can could should vad vem vilka vilken vilket hur när var varför
     kan ska finns har är the i sip`,
  ).split(/\s+/),
);

/**
 * Lower-case words that are also first names or surnames ("else", "per", "dag", "bo"): typed in
 * lower case they are more likely the word than the person.
 */
const COMMON_WORDS = new Set(
  fold(
    `else per dag bo maj may will mark bill grant rose hans sten björn ulf rut siv ros lo
     june april august mars vera ann eva ella alla the and sol bror gun berg strand lind skog lund holm back dal sjö ström björk gran ek`,
  ).split(/\s+/),
);

/** A person's name as the documents write it: two or more capitalised words ("Maria Glemfelt"). */
function isPersonName(name: string): boolean {
  return /^\p{Lu}[\p{Ll}'’-]+(?:[\s-]+\p{Lu}[\p{Ll}'’-]+)+$/u.test(name.trim());
}

export interface ResolvedNames {
  /** Known names the question refers to. */
  names: string[];
  /** Capitalised words that look like a name but match nobody the documents know. */
  unknown: string[];
}

export function resolveNames(question: string, known: string[]): ResolvedNames {
  const qWords = new Set(foldedWords(question));
  const capitalised = words(question)
    .slice(1)
    .filter((w) => /^\p{Lu}\p{Ll}+/u.test(w) && !NOT_NAMES.has(fold(w)))
    .map(fold);
  // Names typed in lower case ("vad ska maria göra"): a word that is the first name or surname
  // of a person the group's documents know, unless it is a common word as well.
  const nameTokens = new Set(known.filter(isPersonName).flatMap((n) => foldedWords(n)));
  const lowered = words(question)
    .filter((w) => /^\p{Ll}+$/u.test(w))
    .map(fold)
    .filter((w) => w.length >= 3 && nameTokens.has(w) && !isStopWord(w) && !NOT_NAMES.has(w) && !COMMON_WORDS.has(w));
  const loose = [...new Set([...capitalised, ...lowered])];
  const full: string[] = [];
  const partial: string[] = [];
  const used = new Set<string>();
  for (const name of known) {
    const tokens = foldedWords(name).filter((t) => t.length >= 3 && !isStopWord(t));
    if (tokens.length === 0) continue;
    if (tokens.every((t) => qWords.has(t))) {
      full.push(name);
      tokens.forEach((t) => used.add(t));
    } else if (tokens.some((t) => loose.includes(t)) && (isPersonName(name) || tokens.some((t) => capitalised.includes(t)))) {
      partial.push(name);
      tokens.filter((t) => loose.includes(t)).forEach((t) => used.add(t));
    }
  }
  // "Maria Glemfelt" must not also pull in every other Maria.
  const names = full.length ? dropContained(full) : partial;
  const unknown = capitalised.filter((w) => !used.has(w) && looksLikePersonName(question, w));
  return { names: [...new Set(names)], unknown };
}

/** Keeps the longest names: "Maria Glemfelt" over "Maria". */
function dropContained(names: string[]): string[] {
  return names.filter((n) => !names.some((m) => m !== n && fold(m).includes(fold(n))));
}

/** Two capitalised words in a row ("Per Andersson") read as a person's name. */
function looksLikePersonName(question: string, foldedWord: string): boolean {
  const ws = words(question);
  for (let i = 1; i < ws.length; i++) {
    if (fold(ws[i]!) !== foldedWord) continue;
    const prev = ws[i - 1]!;
    const next = ws[i + 1];
    const cap = (w: string | undefined) => !!w && /^\p{Lu}\p{Ll}+$/u.test(w) && !NOT_NAMES.has(fold(w));
    if ((i > 1 && cap(prev)) || cap(next)) return true;
  }
  return false;
}
