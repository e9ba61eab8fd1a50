/**
 * Full-text passage retrieval over the groups' chunks. Postgres text search (Swedish, English
 * and unstemmed) finds candidates; each is then checked for how many of the question's
 * content words it really contains, so that the nearest passage is not passed off as an
 * answer when it does not cover the question.
 */
import { prepareTerms, searchChunks, searchChunksFolded, type ChunkRow } from '../store/chunk-search.js';
import type { Queryable } from '../store/db.js';
import { clip, docName } from './format.js';
import { coverage, likePatterns } from './match.js';
import { fold, foldedWords, lexeme, type QueryTerm } from './text.js';

export interface Passage {
  documentId: string;
  document: string;
  page: number;
  section: string | null;
  text: string;
  /** The sentence(s) that best cover the question. */
  quote: string;
  /** Share of the question's word weight found in the quote. */
  quoteCoverage: number;
  coverage: number;
  /** Content words of the question the passage does not contain. */
  unmatched: number;
  mustOk: boolean;
  rank: number;
  score: number;
}

/** Passages that cover at least this share of the question's word weight count as an answer. */
export function coverageThreshold(all: QueryTerm[]): number {
  const terms = all.filter((x) => !x.compound);
  // With one or two words both must be there; with more, at most a quarter of the weight may be
  // missing (a verb like "tar" or "funnits" the passage words differently), never a name.
  if (terms.length <= 2) return 0.99;
  return 0.75;
}

/** How many of the newest documents' chunks the one-word-missing net ranks. */
const MOST_WINDOW = 50;

/** One tsquery string per term: its lexeme and glossary forms, each as a prefix. */
function termQuery(term: QueryTerm): string | null {
  const forms = [...new Set(term.forms.map(lexeme).filter((x) => x.length >= 2))];
  if (forms.length === 0) return null;
  // Short words ("IT", "tid") are whole words, as in `hasWordPrefix`: "it:*" would match every "it…".
  return forms.map((f) => (f.length >= 4 ? `${f}:*` : f)).join(' | ');
}

/**
 * Passages for the question's content words, best first. `question` (the question as asked)
 * lets the quote prefer the sentence holding the kind of thing asked for (a number, a date, a name).
 */
export async function searchPassages(db: Queryable, groupIds: string[], terms: QueryTerm[], limit: number, question = ''): Promise<Passage[]> {
  if (groupIds.length === 0 || terms.length === 0) return [];
  const queries = terms.map(termQuery).filter((x): x is string => x !== null);
  const byId = new Map<number, ChunkRow>();
  const add = (rows: ChunkRow[]) => rows.forEach((r) => byId.set(Number(r.id), byId.get(Number(r.id)) ?? r));
  // The words' exact forms in the groups are looked up once for both searches.
  const prepared = await prepareTerms(db, groupIds, queries);
  add(await searchChunks(db, groupIds, prepared, 'all', 40));
  // With one or two words a passage needs them all; with more, one may be missing.
  // Only the newest documents' chunks are ranked (see `searchChunks`).
  if (byId.size < 5 && queries.length >= 3) add(await searchChunks(db, groupIds, prepared, 'most', 80, MOST_WINDOW));
  // Words typed without å/ä/ö do not meet their stems in text search; folded text catches them.
  if (byId.size < 5 && terms.some((x) => /^[a-z0-9]+$/.test(x.folded) && x.folded.length >= 4)) {
    const pats = likePatterns(terms.filter((x) => x.prefixes[0]!.length >= 4).map((x) => ({ ...x, prefixes: [x.prefixes[0]!] })));
    if (pats.length) add(await searchChunksFolded(db, groupIds, pats, 30));
  }
  const maxRank = Math.max(1e-6, ...[...byId.values()].map((r) => Number(r.rank)));
  // A passage's score is its coverage, names and rank plus its best quote's coverage (at most 1),
  // and finding the quote (every sentence against the question) is most of the cost: quotes are
  // found best bound first, and a passage that cannot reach the `limit`-th score is left out.
  const rows = [...byId.values()].map((r, order) => {
    const title = docName(r);
    const c = coverage(terms, foldedWords(`${r.text} ${r.section ?? ''} ${title}`));
    const rank = Number(r.rank) / maxRank;
    return { r, order, title, c, rank, bound: c.coverage * 3 + 1 + (c.mustOk ? 0.5 : 0) + rank * 0.3 };
  });
  const scored: Array<Passage & { order: number }> = [];
  const kth = () => (scored.length < limit ? -Infinity : scored.map((p) => p.score).sort((a, b) => b - a)[limit - 1]!);
  for (const { r, order, title, c, rank, bound } of [...rows].sort((a, b) => b.bound - a.bound)) {
    if (bound + 1e-9 < kth()) break;
    const q = bestQuote(r.text, terms, question, `${r.section ?? ''} ${title}`);
    scored.push({
      order,
      documentId: r.document_id,
      document: title,
      page: r.page_no,
      section: r.section,
      text: r.text,
      quote: q.quote,
      quoteCoverage: q.coverage,
      coverage: c.coverage,
      unmatched: terms.length - c.matched.length,
      mustOk: c.mustOk,
      rank,
      score: c.coverage * 3 + q.coverage + (c.mustOk ? 0.5 : 0) + rank * 0.3,
    });
  }
  // In the order the database gave them, so that equal scores sort as before.
  const out: Passage[] = scored.sort((a, b) => a.order - b.order).map(({ order: _order, ...p }) => p);
  out.sort((a, b) => b.score - a.score || a.page - b.page);
  return out.slice(0, limit);
}

/**
 * True when the passage covers the question well enough to answer from it: every name, number
 * and acronym, nearly every content word (one common word matching is not enough: "regionens"
 * does not make a passage about the region's IT manager), and the quoted sentence itself must
 * carry a good part of the question.
 */
export function passageAnswers(p: Passage, terms: QueryTerm[]): boolean {
  return p.mustOk && p.coverage >= coverageThreshold(terms) && p.quoteCoverage >= (terms.filter((x) => !x.compound).length <= 1 ? 0.99 : 0.5);
}

/** The sentences (and list items, lines starting with a capital) of a passage. */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/\s*\n\s*/g, '\n')
    .split(/(?<=[.!?])\s+|\n(?=[-•▪●*]|\p{Lu}|\d)/u)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

const WANTS_NUMBER = /\b(hur (mycket|manga|lange|stor)|how (much|many|long)|antal|number of|belopp|amount|maxbelopp)\b/;
const WANTS_DATE = /^(nar|when)\b|\b(vilket datum|what date|which date|nar|when)\b/;
const WANTS_NAME = /^(vem|vilka|who|whom)\b|\b(vem|who)\b/;
const DATE_IN =
  /\b(19|20)\d\d\b|\b\d{1,2}[./]\d{1,2}\b|\b\d{1,2}\s+(jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)|\b(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|january|february|march|may|june|july|august|october|varen|hosten|vecka)\b/i;

/** How well a sentence holds the kind of thing the question asks for (0..1); `s`: the sentence folded. */
function shapeScore(foldedQuestion: string, sentence: string, s: string): number {
  if (WANTS_NUMBER.test(foldedQuestion)) return /\b\d[\d\s]*\b/.test(s.replace(/\b(19|20)\d\d\b/g, '')) ? 1 : 0;
  if (WANTS_DATE.test(foldedQuestion)) return DATE_IN.test(s) ? 1 : 0;
  if (WANTS_NAME.test(foldedQuestion)) return /(^|[^.]\s)\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u.test(sentence.slice(1)) ? 1 : 0;
  return 0;
}

/**
 * The sentence of a passage that best matches the question's content words (weighted; names
 * and rare words count more), preferring one that holds what is asked for (a number, a date, a
 * name) and a real sentence over a short heading; the next sentences are added while the quote
 * is short or ends in a colon (a list follows).
 */
export function bestQuote(text: string, terms: QueryTerm[], question = '', context = ''): { quote: string; coverage: number } {
  const sentences = sentencesOf(text);
  if (sentences.length === 0) return { quote: clip(text, 300), coverage: 0 };
  const fq = fold(question);
  // Each sentence and the context are folded and split once (a sentence is judged alone and in the
  // window before it); words of a text joined by a space are the words of its parts in order.
  const folded = sentences.map(fold);
  const sw = folded.map(foldedWords);
  const cw = foldedWords(context);
  let best = 0;
  let bestScore = -1;
  let bestCov = 0;
  sentences.forEach((s, i) => {
    // A sentence is judged with the one after it when it is short: a heading or a bullet's lead-in.
    const joined = s.length < 60 && !!sentences[i + 1];
    const window = joined ? `${s} ${sentences[i + 1]}` : s;
    const windowWords = joined ? [...sw[i]!, ...sw[i + 1]!] : sw[i]!;
    // The document title and section heading hold for every sentence under them.
    const cov = coverage(terms, [...windowWords, ...cw]).coverage;
    const own = coverage(terms, sw[i]!).coverage;
    const words = s.split(/\s+/).length;
    const sc = cov + 0.5 * own + 0.6 * shapeScore(fq, window, joined ? `${folded[i]} ${folded[i + 1]}` : folded[i]!) - (words < 4 ? 0.15 : 0);
    if (sc > bestScore) {
      bestScore = sc;
      best = i;
      bestCov = cov;
    }
  });
  let quote = sentences[best]!;
  let next = best + 1;
  while (sentences[next] && (quote.length < 80 || /:\s*$/.test(quote)) && quote.length < 300) quote += ' ' + sentences[next++];
  return { quote: clip(quote, 350), coverage: Math.max(bestCov, coverage(terms, `${quote} ${context}`).coverage) };
}

/** The sentence of a passage that covers most of the question (see `bestQuote`). */
export function bestSentences(text: string, terms: QueryTerm[], question = ''): string {
  return bestQuote(text, terms, question).quote;
}

const MONTH = /\b(jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\b/i;

/**
 * The kind of thing the question asks for must be in the passage: an amount or count needs a
 * number, "när"/"when" a date. Otherwise a passage that merely mentions the subject ("fri
 * tillgång på kaffe") would pass for the answer to "Vad kostar kaffet?".
 */
export function shapeOk(foldedQuestion: string, intent: string, text: string): boolean {
  const q = foldedQuestion;
  if (intent.startsWith('budget')) {
    if (!/\d\s*(kr|kronor|tkr|mkr|sek|miljon\w*|%)(?![\p{L}])|\b\d{1,3}(?:[ \u00a0]\d{3})+\b/iu.test(text)) return false;
  } else if (/\b(hur mycket|how much|hur manga|how many|antal|number of)\b/.test(q)) {
    if (!/\d/.test(text)) return false;
  }
  if (/^(nar|when)\b/.test(q) || /\b(vilket datum|what date|which date)\b/.test(q)) {
    if (!(MONTH.test(text) || /\b(19|20)\d\d\b|\b\d{1,2}[./]\d{1,2}\b|\b(vecka|week|varen|hosten|spring|autumn)\b/i.test(text))) return false;
  }
  return true;
}
