/**
 * What a question asks for, read from its wording (folded): the expected answer type, the
 * document it points at (kind words such as "protokollet", "förslaget till beslut"), and its
 * words with weights for ranking evidence units.
 */
import { isRoleWord } from '../roles.js';
import { contentTerms, fold, foldedWords, isQuestionWord, isStopWord, stemPrefix, type QueryTerm } from '../text.js';

export type AnswerType = 'amount' | 'count' | 'date' | 'time' | 'person' | 'place' | 'free';

const TYPES: Array<[AnswerType, RegExp]> = [
  [
    'time',
    /\b(vilken tid|vilken tidpunkt|hur dags|klockan|what time|at what time|nar (borjade|borjar|slutade|slutar|startade|startar)|when did .{1,30}\b(start|begin|end|finish))\b/,
  ],
  ['date', /^(nar|when)\b|\b(vilket datum|vilken dag|what date|which date|which day|nar (ska|skall|kommer|hade|var|blev)|when (is|was|will|did|does|do))\b/],
  ['count', /\b(hur manga|how many|antal|number of)\b/],
  [
    'amount',
    /\b(hur mycket|how much|vad kostar|vad kostade|kostnad\w*|belopp\w*|summa\w*|budget\w*|intakt\w*|utfall\w*|resultat\w*|kronor|kr|sek|tkr|costs?|revenues?|income|expenses?|total\w*|amount|sum|price|pris\w*|avgift\w*|fee|surplus|deficit|overskott|underskott)\b/,
  ],
  ['person', /^(vem|vilka personer|who|whom)\b|\b(vem|who|whom|vilken person|which person)\b/],
  [
    'place',
    /^(var|where)\b(?!\s+(det|den|han|hon|ni|vi|de|mote\w* (beslutsfor|enig)))|\b(vilken plats|vilken lokal|which place|what place|what venue|where)\b/,
  ],
];

/** The expected answer type; amounts also need a number-ish wording ("hur mycket", "vad blev ... resultat"). */
export function answerType(question: string): AnswerType {
  const q = fold(question);
  for (const [type, re] of TYPES) if (re.test(q)) return type;
  return 'free';
}

/** Document kinds a question can point at by wording, with the words that do so. */
const KIND_CUES: Array<[RegExp, RegExp]> = [
  [/\b(protokoll\w*|minutes|motesanteckning\w*|anteckning\w*)\b/, /protokoll|minutes|anteckning/],
  [/\bforslag\w* till beslut|beslutsforslag\w*|tjansteskrivelse\w*|decision proposal\b/, /forslag|beslut|skrivelse/],
  [/\b(bildspel\w*|presentation\w*|slides?)\b/, /bildspel|presentation|slide/],
  [/\b(handlingsplan\w*|action plan|verksamhetsplan\w*)\b/, /plan/],
  [/\b(arsbokslut\w*|resultatrakning\w*|resultatrapport\w*|balansrakning\w*|bokslut\w*|annual accounts?|income statement)\b/, /bokslut|resultat|balans/],
  [/\b(budget\w*)\b/, /budget/],
];

/** Folded patterns the cited document's name should hold, from kind words in the question. */
export function kindCues(question: string): RegExp[] {
  const q = fold(question);
  return KIND_CUES.filter(([asked]) => asked.test(q)).map(([, name]) => name);
}

export interface WeightedTerm extends QueryTerm {
  /** Marks only the kind of question ("kostnad", "mötet"): it ranks, but covers nothing. */
  questionWord: boolean;
}

/** The question's words for ranking: content words, and question-kind words at a low weight. */
export function rankingTerms(question: string): WeightedTerm[] {
  return contentTerms(question, { dropQuestionWords: false }).map((t) => {
    const questionWord = isQuestionWord(t.folded);
    return { ...t, questionWord, weight: questionWord ? 0.35 : t.weight };
  });
}

/** Words a role question may hold besides the role, its qualifiers and the document's own words. */
const ROLE_QUESTION_WORDS =
  /^(vem|vilka|vilken|who|whom|which|var|ar|blev|valdes|vald|valde|utsags|utsedd|tjanstgjorde|fungerade|sitter|is|was|were|became|elected|appointed|made|acted|served|new|ny|nya|current|nuvarande|motet|mote|meeting|the|och|and|for|of|pa|i|at|in|som|as|till|to)$/;

/**
 * The words of a role question besides the role, its qualifiers and the words any "who holds
 * the role" question uses: "Vem är 2:e vice ordförande i X?" leaves the words of X, which must
 * name the document or be in the unit; "Vem avgick som ordförande?" leaves "avgick", which asks
 * something else than who holds the role.
 */
export function roleExtras(question: string): string[] {
  return foldedWords(question)
    .filter((w) => !ROLE_QUESTION_WORDS.test(w) && !isRoleWord(w) && !isStopWord(w))
    .map(stemPrefix);
}
