/**
 * Evidence units of documents, read once and kept tokenised in memory: a question reads the
 * units of a few documents and folding and splitting thousands of sentences per question was
 * most of its time. A document's entry is checked against the database on every use (its
 * first unit id and count change whenever ingest rewrites it), so answers never come from
 * stale units, and the cache is bounded by a number of units, oldest use out first.
 */
import type { Queryable } from '../../store/db.js';
import { unitKeys, unitsOf, type UnitRow } from '../../store/unit-queries.js';
import { foldedWords } from '../text.js';

export interface DocUnits {
  key: string;
  units: UnitRow[];
  /** Folded words of each unit's text. */
  words: string[][];
  /** Folded words of each unit's section heading (none for table rows: their text holds the caption). */
  sectionWords: string[][];
  /** Word → the units (indices into `units`) holding it, once per occurrence: built once, not per question. */
  postings: Map<string, number[]>;
  /** Section word → the units under that heading, once each. */
  sectionPostings: Map<string, number[]>;
}

/** At most this many units are kept (≈ 400 bytes each with their words and postings). */
const MAX_CACHED_UNITS = 40_000;

const cache = new Map<string, DocUnits>();
let cached = 0;

/**
 * Folded words of a text, shared by every unit that repeats it (headings, boilerplate, a plan
 * uploaded again): folding and splitting was most of reading a long plan's units the first time.
 * The arrays are shared, so nothing may change them. Bounded; oldest entry out first.
 */
const WORDS = new Map<string, string[]>();
const MAX_WORDS = 50_000;
function wordsOf(text: string): string[] {
  let ws = WORDS.get(text);
  if (ws === undefined) {
    if (WORDS.size >= MAX_WORDS) WORDS.delete(WORDS.keys().next().value!);
    WORDS.set(text, (ws = foldedWords(text)));
  }
  return ws;
}

function tokenise(key: string, units: UnitRow[]): DocUnits {
  const words = units.map((u) => wordsOf(u.text));
  const sectionWords = units.map((u) => (u.section && u.kind !== 'row' ? wordsOf(u.section) : []));
  const postings = new Map<string, number[]>();
  const sectionPostings = new Map<string, number[]>();
  words.forEach((ws, i) => {
    for (const w of ws) (postings.get(w) ?? postings.set(w, []).get(w)!).push(i);
    for (const w of new Set(sectionWords[i])) (sectionPostings.get(w) ?? sectionPostings.set(w, []).get(w)!).push(i);
  });
  return { key, units, words, sectionWords, postings, sectionPostings };
}

function remember(id: string, d: DocUnits): void {
  const old = cache.get(id);
  if (old) {
    cache.delete(id);
    cached -= old.units.length;
  }
  if (d.units.length > MAX_CACHED_UNITS) return;
  cache.set(id, d);
  cached += d.units.length;
  for (const [k, v] of cache) {
    if (cached <= MAX_CACHED_UNITS) break;
    cache.delete(k);
    cached -= v.units.length;
  }
}

/** The units of the given documents (within the groups), in document order of `documentIds`. */
export async function loadUnits(db: Queryable, groupIds: string[], documentIds: string[]): Promise<DocUnits[]> {
  const keys = await unitKeys(db, groupIds, documentIds);
  const missing = documentIds.filter((id) => keys.has(id) && cache.get(id)?.key !== keys.get(id));
  if (missing.length) {
    const rows = await unitsOf(db, groupIds, missing, 40_000);
    const byDoc = new Map<string, UnitRow[]>();
    for (const r of rows) (byDoc.get(r.document_id) ?? byDoc.set(r.document_id, []).get(r.document_id)!).push(r);
    for (const id of missing) remember(id, tokenise(keys.get(id)!, byDoc.get(id) ?? []));
  }
  const out: DocUnits[] = [];
  for (const id of documentIds) {
    const d = cache.get(id);
    if (!d || d.key !== keys.get(id)) continue;
    // Most recently used last.
    cache.delete(id);
    cache.set(id, d);
    out.push(d);
  }
  return out;
}
