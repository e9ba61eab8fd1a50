/**
 * The unit reader: finds the candidate documents, reads their evidence units, ranks them and
 * answers under a three-level policy:
 * - confident: the best unit holds the question's content (rarity-weighted), every name and
 *   number it asks about, and a span of the expected type (an amount, a date …) → the quote and
 *   its source;
 * - partial: no unit is that good, but some hold a distinctive word of the question → "Det
 *   närmaste jag hittar:" with the 1–3 best quotes (found: false, nothing is asserted);
 * - none: no unit shares a distinctive word of the question → the engine abstains.
 * Every answer only repeats cited quotes, so no amount, date or name appears that the quote
 * does not hold.
 */
import type { Queryable } from '../../store/db.js';
import { documentCues, fewDocuments, type DocCueRow, type UnitRow } from '../../store/unit-queries.js';
import { clip, docName, sourcesLine, t } from '../format.js';
import type { Passage } from '../passages.js';
import { fold, foldedWords } from '../text.js';
import type { AnswerLanguage, Citation } from '../types.js';
import { askedRole, peopleWithRole, qualified, roleLabel } from '../roles.js';
import { answerType, kindCues, rankingTerms, roleExtras, type AnswerType } from './question.js';
import { rankUnits, type RankedUnit } from './rank.js';
import { loadUnits } from './unit-cache.js';

/** With at most this many documents in the groups, every one is read. */
const SMALL_GROUP = 6;
/** Otherwise the documents of the best passages, at most this many. */
const MAX_DOCS = 4;
/** A confident answer's unit must hold this share of the question's content weight. */
const CONFIDENT_COVERAGE = 0.7;
/** A partial answer's quotes must hold at least this share. */
const PARTIAL_COVERAGE = 0.3;

export interface UnitAnswer {
  /** 'none': the documents have units, and none is relevant (the engine abstains). */
  level: 'confident' | 'partial' | 'none';
  answer: string;
  citations: Citation[];
  /** The units used, best first, for the LLM path. */
  evidence: Array<{ document: string; page: number; text: string; score: number }>;
  /** Document and page of the best-ranked units (a passage found elsewhere is checked against them). */
  near: Array<{ documentId: string; page: number }>;
}

const AMOUNT = /(?<![\d])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d{3,}|\d+[.,]\d+)(?![\d])/;
const YEAR_OR_DATE = /\b(?:19|20)\d\d(?:-\d\d(?:-\d\d)?)?\b|\b\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?\b/g;
const DATE_IN =
  /\b(19|20)\d\d\b|\b\d{1,2}[./]\d{1,2}\b|\b\d{1,2}\s*(jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)|\b(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|january|february|march|june|july|august|october|varen|hosten|vecka|week|spring|autumn|mandag|tisdag|onsdag|torsdag|fredag|monday|tuesday|wednesday|thursday|friday)\b/;
const TIME_IN = /\b\d{1,2}[.:]\d{2}\b|\bkl(ockan)?\.?\s*\d{1,2}\b|\b\d{1,2}\s*(am|pm)\b/;
const COUNT_WORD = /\b(\d+|en|ett|tva|tre|fyra|fem|sex|sju|atta|nio|tio|elva|tolv|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/;

const FULL_NAME = /\p{Lu}\p{Ll}+(?:[ \t]+(?:af|von|van|de))?(?:[ \t]+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)+/gu;
const SUBJECT_NAME = /(?:^|[.:;,]\s*)(\p{Lu}\p{Ll}+)\s+(?:valdes|är|var|ska|skall|blev|tar|har|will|was|is|took)\b/gu;

/**
 * A person other than those the question names: a full name ("Maria Glemfelt") or a first name
 * as the subject ("Kerstin valdes till …"). "Vem tar över efter Thomas Johansson?" is not
 * answered by a line that only names Thomas Johansson.
 */
function holdsPerson(text: string, askedWords: Set<string>): boolean {
  // A name starts with a word the question does not use ("Elisabeth Johansson" for a question
  // about Thomas Johansson; not "Johansson Skolchef").
  for (const m of text.matchAll(FULL_NAME)) {
    const ws = foldedWords(m[0]).filter((w) => !/^(af|von|van|de)$/.test(w));
    for (let i = 0; i + 1 < ws.length; i++) if (!askedWords.has(ws[i]!)) return true;
  }
  return [...text.matchAll(SUBJECT_NAME)].some((m) => !askedWords.has(fold(m[1]!)));
}

/**
 * True when the text holds a span of the expected type (`askedWords`: the question's folded words;
 * `folded`: the text folded, when the caller has it).
 */
export function holdsType(type: AnswerType, text: string, askedWords: Set<string> = new Set(), folded?: string): boolean {
  switch (type) {
    case 'amount':
      return AMOUNT.test(text.replace(YEAR_OR_DATE, ' '));
    case 'count':
      return COUNT_WORD.test(folded ?? fold(text));
    case 'date':
      return DATE_IN.test(folded ?? fold(text));
    case 'time':
      return TIME_IN.test(folded ?? fold(text));
    case 'person':
      return holdsPerson(text, askedWords);
    default:
      return true;
  }
}

const MONTHS_SV = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A document date as the words a question may use for it: "2018-10-18 18 oktober october 2018". */
function dateWords(isoDate: string | null): string {
  const m = isoDate?.match(/^(\d{4})-(\d\d)-(\d\d)/);
  if (!m) return '';
  const month = Number(m[2]) - 1;
  return `${m[0]} ${m[1]} ${Number(m[3])} ${MONTHS_SV[month]} ${MONTHS_EN[month]}`;
}

/**
 * A unit that names another year than the one asked does not answer it confidently: a row of
 * 2025 is no answer about 2026, even in a document that speaks of both years.
 */
function otherYear(unit: UnitRow, askedYears: string[]): boolean {
  if (askedYears.length === 0) return false;
  const years = foldedWords(`${unit.text} ${unit.quote}`).filter((w) => /^(19|20)\d\d$/.test(w));
  return years.length > 0 && !askedYears.some((y) => years.includes(y));
}

/** Units' quotes folded, kept as long as the cached unit (a long plan's units are scored on every question). */
const FOLDED_QUOTES = new WeakMap<UnitRow, string>();
function foldedQuote(u: UnitRow): string {
  let f = FOLDED_QUOTES.get(u);
  if (f === undefined) FOLDED_QUOTES.set(u, (f = fold(u.quote)));
  return f;
}

/** The documents to read: all of a small group, else those of the best passages. */
async function candidateDocuments(db: Queryable, groupIds: string[], passages: () => Promise<Passage[]>): Promise<DocCueRow[]> {
  const few = await fewDocuments(db, groupIds, SMALL_GROUP + 1);
  if (few.length <= SMALL_GROUP) return few;
  const ids = [...new Set((await passages()).map((p) => p.documentId))].slice(0, MAX_DOCS);
  return documentCues(db, groupIds, ids);
}

/**
 * The quote of a unit: with the sentence before or after when that one holds words of the
 * question (its window); a short one (a heading, a list's lead-in) carries the next unit of its page.
 */
function quoteOf(units: UnitRow[], r: RankedUnit): string {
  const index = r.index;
  const u = units[index]!;
  let quote = u.quote;
  if (r.helpedBy & 1) quote = `${units[index - 1]!.quote} ${quote}`;
  if (r.helpedBy & 2) quote = `${quote} ${units[index + 1]!.quote}`;
  let next = index + (r.helpedBy & 2 ? 2 : 1);
  while (quote.length < 60 && units[next] && units[next]!.document_id === u.document_id && units[next]!.page === u.page && units[next]!.kind !== 'fact') {
    quote += ' ' + units[next]!.quote;
    next++;
  }
  return clip(quote, 400);
}

/**
 * Answers from evidence units; null when the documents read have no units (stored by an older
 * version: the engine falls back to passages).
 */
export async function answerFromUnits(
  db: Queryable,
  groupIds: string[],
  question: string,
  lang: AnswerLanguage,
  /** The question's best passages (`searchPassages`, memoised): in a large group, their documents are read. */
  passages: () => Promise<Passage[]>,
): Promise<UnitAnswer | null> {
  const terms = rankingTerms(question);
  const none: UnitAnswer = { level: 'none', answer: '', citations: [], evidence: [], near: [] };
  const docs = await candidateDocuments(db, groupIds, passages);
  if (docs.length === 0) return null;
  const loaded = await loadUnits(
    db,
    groupIds,
    docs.map((d) => d.id),
  );
  const units = loaded.flatMap((d) => d.units);
  if (units.length === 0) return null;
  if (terms.filter((x) => !x.questionWord).length === 0) return none;
  const type = answerType(question);
  const asked = new Set(foldedWords(question));
  const askedYears = [...asked].filter((w) => /^(19|20)\d\d$/.test(w));
  const cues = kindCues(question);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const docWords = new Map(docs.map((d) => [d.id, foldedWords([d.title ?? '', d.file_name, d.organisation ?? '', dateWords(d.doc_date)].join(' '))]));
  // The document's first line (its heading: organisation, meeting, date) names it too.
  for (const u of units) if (u.ord === 0) docWords.get(u.document_id)?.push(...foldedWords(u.text));
  // The years a document speaks of hold for all its units: a table's year stands in its header
  // ("Period 2025-01-01 – 2025-12-31"), not in the row "3989 Nationsstöd 134 404,80".
  const years = new Map<string, Set<string>>();
  for (const u of units)
    for (const y of u.text.match(/\b(?:19|20)\d\d\b/g) ?? []) (years.get(u.document_id) ?? years.set(u.document_id, new Set()).get(u.document_id)!).add(y);
  for (const [id, ys] of years) docWords.get(id)?.push(...ys);
  const boosts = new Map<string, number>();
  const boost = (id: string) => {
    let b = boosts.get(id);
    if (b !== undefined) return b;
    const d = byId.get(id);
    const name = d && cues.length > 0 && docs.length > 1 ? fold(`${d.title ?? ''} ${d.file_name} ${d.kind ?? ''}`) : null;
    b = name !== null && cues.some((c) => c.test(name)) ? 1.5 : 1;
    boosts.set(id, b);
    return b;
  };
  const typeOk = (u: UnitRow) => holdsType(type, u.quote, asked, foldedQuote(u));
  const { ranked, unknown, unknownMust } = rankUnits(loaded, terms, boost, typeOk, docWords);
  if (ranked.length === 0) return none;
  const name = (r: RankedUnit) => docName(byId.get(r.unit.document_id));
  const evidence = ranked.slice(0, 5).map((r) => ({ document: name(r), page: r.unit.page, text: r.unit.quote, score: Math.round(r.score * 1000) / 1000 }));
  const best3 = ranked.slice(0, 3).map((r) => ({ documentId: r.unit.document_id, page: r.unit.page }));
  // The document's own name ("Dokument: …") answers nothing by itself.
  const usable = ranked.filter((r) => !r.unit.text.startsWith('Dokument: '));
  // A Swedish content word the documents never use ("invånare") means they do not talk about
  // what is asked: at most the nearest quotes. (English words without a glossary entry are left
  // out: Swedish documents cannot hold them.)
  const allKnown = (unknown.length === 0 || lang === 'en') && !unknownMust;
  const cite = (r: RankedUnit): Citation => ({ document: name(r), documentId: r.unit.document_id, page: r.unit.page, quote: quoteOf(units, r) });
  // "Vem är 2:e vice ordförande?": the person a unit gives exactly that role (qualifiers equal).
  const role = type === 'person' ? askedRole(question) : null;
  if (role) {
    const extras = roleExtras(question);
    // The question's other words ("i Kultur- och fritidsnämnden") must be in the unit's document.
    const extrasOk = new Map<string, boolean>();
    const docHolds = (id: string): boolean => {
      let ok = extrasOk.get(id);
      if (ok === undefined) {
        const ws = new Set([...(docWords.get(id) ?? []), ...(loaded.find((d) => d.units[0]?.document_id === id)?.words.flat() ?? [])]);
        ok = extras.every((x) => ws.has(x) || [...ws].some((w) => w.startsWith(x)));
        extrasOk.set(id, ok);
      }
      return ok;
    };
    // The best units first, then every unit of the documents read ("Ordf. Kjell Anders Dahlström"
    // shares no word with "ordförande"); a role word is cheap to look for.
    const tried = new Set<number>();
    const candidates = [...usable.slice(0, 30), ...units.map((unit, index) => ({ unit, index, helpedBy: 0 }) as RankedUnit)].filter(
      (r) => !tried.has(r.index) && !!tried.add(r.index) && !r.unit.text.startsWith('Dokument: '),
    );
    for (const r of candidates) {
      const people = peopleWithRole(r.unit.quote, role);
      if (people.length === 0 || !docHolds(r.unit.document_id)) continue;
      const c = cite(r);
      if (!people.every((p) => c.quote.includes(p))) c.quote = clip(r.unit.quote.slice(Math.max(0, r.unit.quote.indexOf(people[0]!) - 150)), 400);
      const answer = `${roleLabel(role, lang)}: ${people.join(', ')}. ${t(lang, 'Citat', 'Quote')}: "${c.quote}"\n${sourcesLine([c], lang)}`;
      return { level: 'confident', answer, citations: [c], evidence, near: best3 };
    }
  }
  // A qualified role nobody is given ("vice ordförande" only as an agenda point) is not answered
  // by another person the best unit names.
  const roleMissing = !!role && qualified(role);
  const confident = usable
    .slice(0, allKnown && !roleMissing ? 3 : 0)
    .find(
      (r) =>
        r.strictCoverage >= CONFIDENT_COVERAGE &&
        r.mustOk &&
        r.plainOk &&
        r.distinctive &&
        holdsType(type, r.unit.quote, asked) &&
        !otherYear(r.unit, askedYears),
    );
  if (confident) {
    const c = cite(confident);
    const lead = t(lang, `Enligt ${c.document} (s. ${c.page})`, `According to ${c.document} (p. ${c.page})`);
    return { level: 'confident', answer: `${lead}: "${c.quote}"\n${sourcesLine([c], lang)}`, citations: [c], evidence, near: best3 };
  }
  // A name the documents never mention ("Kiruna"): nothing found is about what is asked. (In
  // English questions capitals also mark titles and organisations: "the Rust Leadership Council".)
  if (unknownMust && lang === 'sv') return { ...none, evidence, near: best3 };
  const seen = new Set<string>();
  const near = usable
    .filter((r) => r.distinctive && r.residualCoverage >= PARTIAL_COVERAGE)
    .filter((r) => !seen.has(r.unit.quote) && !!seen.add(r.unit.quote))
    .slice(0, 3);
  if (near.length === 0) return { ...none, evidence, near: best3 };
  const cs = near.map(cite);
  const lines = cs.map((c) => `• "${c.quote}" (${c.document}, ${t(lang, 's.', 'p.')} ${c.page})`);
  const head = t(lang, 'Det närmaste jag hittar:', 'The closest I can find:');
  return { level: 'partial', answer: `${head}\n${lines.join('\n')}\n${sourcesLine(cs, lang)}`, citations: cs, evidence, near: best3 };
}
