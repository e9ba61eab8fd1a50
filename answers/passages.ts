/**
 * Full-text passage retrieval over the groups' chunks. Postgres text search (Swedish, English
 * and unstemmed) finds candidates; each is then checked for how many of the question's
 * content words it really contains, so that the nearest passage is not passed off as an
 * answer when it does not cover the question.
 */
import { searchChunks, searchChunksFolded, type ChunkRow } from '../store/answer-queries.js';
import type { Queryable } from '../store/db.js';
import { clip, docName } from './format.js';
import { coverage, likePatterns } from './match.js';
import { foldedWords, lexeme, type QueryTerm } from './text.js';

export interface Passage {
  documentId: string;
  document: string;
  page: number;
  section: string | null;
  text: string;
  /** The sentence(s) that best cover the question. */
  quote: string;
  coverage: number;
  mustOk: boolean;
  rank: number;
  score: number;
}

/** Passages that cover at least this share of the question's word weight count as an answer. */
export function coverageThreshold(terms: QueryTerm[]): number {
  if (terms.length <= 2) return 0.99;
  if (terms.length === 3) return 0.66;
  return 0.7;
}

/** One tsquery string per term: its lexeme and glossary forms, each as a prefix. */
function termQuery(term: QueryTerm): string | null {
  const forms = [...new Set(term.forms.map(lexeme).filter((x) => x.length >= 2))];
  if (forms.length === 0) return null;
  return forms.map((f) => `${f}:*`).join(' | ');
}

export async function searchPassages(db: Queryable, groupIds: string[], terms: QueryTerm[], limit: number): Promise<Passage[]> {
  if (groupIds.length === 0 || terms.length === 0) return [];
  const queries = terms.map(termQuery).filter((x): x is string => x !== null);
  const byId = new Map<number, ChunkRow>();
  const add = (rows: ChunkRow[]) => rows.forEach((r) => byId.set(Number(r.id), byId.get(Number(r.id)) ?? r));
  add(await searchChunks(db, groupIds, queries, 'all', 40));
  if (byId.size < 5 && queries.length > 1) add(await searchChunks(db, groupIds, queries, 'any', 80));
  // Words typed without å/ä/ö do not meet their stems in text search; folded text catches them.
  if (byId.size < 5 && terms.some((x) => /^[a-z0-9]+$/.test(x.folded) && x.folded.length >= 4)) {
    const pats = likePatterns(terms.filter((x) => x.prefixes[0]!.length >= 4).map((x) => ({ ...x, prefixes: [x.prefixes[0]!] })));
    if (pats.length) add(await searchChunksFolded(db, groupIds, pats, 30));
  }
  const maxRank = Math.max(1e-6, ...[...byId.values()].map((r) => Number(r.rank)));
  const out: Passage[] = [];
  for (const r of byId.values()) {
    const title = docName(r);
    const c = coverage(terms, foldedWords(`${r.text} ${r.section ?? ''} ${title}`));
    const rank = Number(r.rank) / maxRank;
    out.push({
      documentId: r.document_id,
      document: title,
      page: r.page_no,
      section: r.section,
      text: r.text,
      quote: bestSentences(r.text, terms),
      coverage: c.coverage,
      mustOk: c.mustOk,
      rank,
      score: c.coverage * 3 + (c.mustOk ? 0.5 : 0) + rank * 0.3,
    });
  }
  out.sort((a, b) => b.score - a.score || a.page - b.page);
  return out.slice(0, limit);
}

/** True when the passage covers the question well enough to answer from it. */
export function passageAnswers(p: Passage, terms: QueryTerm[]): boolean {
  return p.mustOk && p.coverage >= coverageThreshold(terms);
}

/** The sentence of a passage that covers most of the question, plus the next one when short. */
export function bestSentences(text: string, terms: QueryTerm[]): string {
  const sentences = text
    .replace(/\s*\n\s*/g, '\n')
    .split(/(?<=[.!?])\s+|\n(?=[-•▪*]|\p{Lu})/u)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (sentences.length === 0) return clip(text, 300);
  let best = 0;
  let bestScore = -1;
  sentences.forEach((s, i) => {
    const sc = coverage(terms, s).coverage;
    if (sc > bestScore) {
      bestScore = sc;
      best = i;
    }
  });
  let quote = sentences[best]!;
  if (quote.length < 80 && sentences[best + 1]) quote += ' ' + sentences[best + 1];
  return clip(quote, 350);
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
