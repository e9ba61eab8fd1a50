/**
 * BM25 over the evidence units of the candidate documents, built per question from the units
 * read (a few documents' worth): term weights come from how rare a word is among those units,
 * so "budget" in a budget counts for little and "teaterhyra" for much. Words match by folded
 * stem prefix; Swedish compounds match both ways with the documents' own vocabulary as the word
 * list (a question's "teaterhyran" finds "Teaterhyra", its "hyran" finds "Teaterhyra", and
 * "biljettpriset" is split into "biljett" + "pris" when the documents hold both words).
 */
import type { UnitRow } from '../../store/unit-queries.js';
import { stemPrefix } from '../text.js';
import type { WeightedTerm } from './question.js';
import type { DocUnits } from './unit-cache.js';

export interface RankedUnit {
  unit: UnitRow;
  index: number;
  score: number;
  /** Share of the question's content weight (rarity-weighted) the unit and its section hold. */
  coverage: number;
  /** Share of the content weight held by the unit's own words (not the section heading). */
  ownCoverage: number;
  /**
   * Share of the weight of the words its document's name does not hold ("who took the minutes of
   * the meeting of 18 October 2018": "took", "minutes") that the unit holds; 0 when the name holds them all.
   */
  residualCoverage: number;
  /** As `residualCoverage`, with the words no document holds counted as missing (for confident answers). */
  strictCoverage: number;
  /** Every name, number and acronym of the question is in the unit, its section or its document's name. */
  mustOk: boolean;
  /**
   * The unit holds one of the question's longer plain content words (not a name, number or acronym)
   * when the documents hold any: names alone ("Kalmar nation") answer nothing about the "result".
   */
  plainOk: boolean;
  /** The unit holds a rare word of the question (one that is in at most a fifth of the units). */
  distinctive: boolean;
  /** Bit 1: the sentence before holds some of the question's words; bit 2: the one after. */
  helpedBy: number;
}

export interface Ranking {
  ranked: RankedUnit[];
  /** Content words of the question no unit holds (the documents read never mention them). */
  unknown: string[];
  /** A name, number or acronym of the question is nowhere in the documents read. */
  unknownMust: boolean;
}

function sameWindow(a: UnitRow, b: UnitRow): boolean {
  return a.document_id === b.document_id && a.page === b.page && a.kind === 'text' && b.kind === 'text';
}

const K1 = 1.2;
const B = 0.5;
/** A word of the question is distinctive when it occurs in at most this share of the units read. */
const DISTINCT_SHARE = 0.2;

/**
 * The documents' units as one list, with each document's cached postings (unit-cache.ts) looked up
 * at its offset: merging every posting list per question cost more than ranking (a long plan has
 * thousands of units), and only the postings of the question's words are ever read.
 */
interface Index {
  units: UnitRow[];
  /** Length in words of each unit. */
  lens: Int32Array;
  /** Index into `docs` of each unit's document. */
  docOf: Int32Array;
  /** First unit of each document (and the total count at the end). */
  offsets: number[];
  docs: DocUnits[];
  vocab: Set<string>;
  avgLen: number;
}

function buildIndex(docs: DocUnits[]): Index {
  const n = docs.reduce((s, d) => s + d.units.length, 0);
  const units: UnitRow[] = [];
  const lens = new Int32Array(n);
  const docOf = new Int32Array(n);
  const offsets: number[] = [];
  let total = 0;
  docs.forEach((d, di) => {
    offsets.push(units.length);
    d.units.forEach((u, k) => {
      const i = units.length;
      units.push(u);
      lens[i] = d.words[k]!.length;
      docOf[i] = di;
      total += lens[i]!;
    });
  });
  offsets.push(units.length);
  // In order of first use, as one posting list over all documents would have it (a misspelling is
  // matched to the first vocabulary word that fits).
  const vocab = new Set<string>();
  for (const d of docs) for (const w of d.postings.keys()) vocab.add(w);
  for (const d of docs) for (const w of d.sectionPostings.keys()) vocab.add(w);
  return { units, lens, docOf, offsets, docs, vocab, avgLen: total / Math.max(1, units.length) };
}

/** The units (global indices) holding `word`, per occurrence (`section`: under a heading holding it). */
function postingsOf(ix: Index, word: string, section: boolean, visit: (i: number) => void): void {
  ix.docs.forEach((d, di) => {
    const list = (section ? d.sectionPostings : d.postings).get(word);
    if (!list) return;
    const off = ix.offsets[di]!;
    for (const l of list) visit(off + l);
  });
}

/** Vocabulary words a prefix matches: start of the word, or inside a compound for longer stems. */
function matchingWords(vocab: Iterable<string>, prefixes: string[]): Set<string> {
  const out = new Set<string>();
  const whole = prefixes.filter((p) => /^\d+$/.test(p) || p.length < 4);
  const stems = prefixes.filter((p) => !whole.includes(p));
  for (const w of vocab) {
    if (whole.includes(w)) out.add(w);
    else
      for (const p of stems)
        if (w.startsWith(p) || (w.length >= p.length + 3 && w.includes(p))) {
          out.add(w);
          break;
        }
  }
  return out;
}

/** A compound of the question split into two words the documents use ("biljettpriset" → biljett, pris). */
function splitCompound(folded: string, vocab: Set<string>, stems: Set<string>): string[] | null {
  if (folded.length < 8 || /\d/.test(folded)) return null;
  for (let i = folded.length - 4; i >= 4; i--) {
    const head = folded.slice(0, i);
    const tail = stemPrefix(folded.slice(i));
    const headStem = head.endsWith('s') && !stems.has(head) ? head.slice(0, -1) : head;
    if (tail.length >= 4 && stems.has(tail) && (stems.has(headStem) || vocab.has(headStem))) return [headStem, tail];
  }
  return null;
}

/** True when `a` and `b` differ by at most one inserted, deleted or changed letter. */
function oneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

/**
 * A document word the question's long word is a one-letter slip of ("Länsstyrelsen" for the
 * printed "Länstyrelsen"): the stem is compared with the word's start of about its length.
 */
function misspelt(stem: string, vocab: Set<string>): string | null {
  if (stem.length < 7 || /\d/.test(stem)) return null;
  for (const w of vocab) {
    if (w.length < stem.length - 1 || w[0] !== stem[0]) continue;
    for (const n of [stem.length - 1, stem.length, stem.length + 1]) if (oneEdit(stem, w.slice(0, n))) return w.slice(0, n);
  }
  return null;
}

/** Units ranked best first (only those matching some word of the question). */
export function rankUnits(
  docs: DocUnits[],
  terms: WeightedTerm[],
  docBoost: (documentId: string) => number,
  typeOk: (u: UnitRow) => boolean,
  /** Folded words of each document's name, organisation and date: they hold for all its units. */
  docWords: Map<string, string[]>,
): Ranking {
  const ix = buildIndex(docs);
  const units = ix.units;
  if (units.length === 0 || terms.length === 0) return { ranked: [], unknown: [], unknownMust: false };
  const vocab = ix.vocab;
  let stems: Set<string> | null = null;
  const n = units.length;
  const scores = new Float64Array(n);
  const got = new Float64Array(n);
  const own = new Float64Array(n);
  const mustMissing = new Int32Array(n);
  const plainHit = new Uint8Array(n);
  let plainCount = 0;
  const distinct = new Uint8Array(n);
  const residualGot = new Float64Array(n);
  const residualTotal = new Map<string, number>();
  /** Bit 1: the sentence before lent a word; bit 2: the sentence after. */
  const helped = new Uint8Array(n);
  let totalWeight = 0;
  let mustCount = 0;
  const matchMemo = new Map<string, Set<string>>();
  const vocabMatches = (prefixes: string[]) => {
    const k = prefixes.join('\u0000');
    let m = matchMemo.get(k);
    if (!m) matchMemo.set(k, (m = matchingWords(vocab, prefixes)));
    return m;
  };
  // A compound the documents never write whole is looked for as its two parts, each half the
  // weight: a unit must hold both to count it fully ("ekonomichef" is not "Ekonomi").
  const expanded: Array<WeightedTerm & { origin: number }> = [];
  terms.forEach((term, origin) => {
    if (term.compound || vocabMatches(term.prefixes).size > 0) {
      expanded.push({ ...term, origin });
      return;
    }
    stems ??= new Set([...vocab].map(stemPrefix));
    const parts = splitCompound(term.folded, vocab, stems);
    // Only names are looked for with a slip: an ordinary word near another is another word.
    const typo = parts || !term.must ? null : misspelt(term.prefixes[0]!, vocab);
    if (typo) expanded.push({ ...term, origin, prefixes: [typo] });
    else if (!parts) expanded.push({ ...term, origin });
    else for (const p of parts) expanded.push({ ...term, origin, folded: p, prefixes: [p], weight: term.weight * 0.5 });
  });
  /** Per question word, the units holding it (a split compound: holding both parts). */
  const holders = new Map<number, Set<number>>();
  const namedByDoc = new Set<number>();
  let unknownMust = false;
  let unknownWeight = 0;
  /** Per term: 1 when the document's name holds the word (then it holds for each of its units). */
  const docNamed = new Uint8Array(docs.length);
  const docIndex = new Map(docs.map((d, di) => [d.units[0]?.document_id, di]));
  for (const term of expanded) {
    const words = vocabMatches(term.prefixes);
    const weight = term.weight;
    const tf = new Map<number, number>();
    for (const w of words) postingsOf(ix, w, false, (i) => tf.set(i, (tf.get(i) ?? 0) + 1));
    const inSection = new Set<number>();
    for (const w of words) postingsOf(ix, w, true, (i) => inSection.add(i));
    const mine = new Set([...tf.keys(), ...inSection]);
    const df = mine.size;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    const w = weight * idf;
    const counts = !term.questionWord && !term.compound;
    const rare = df > 0 && df <= Math.max(2, n * DISTINCT_SHARE);
    const hit = new Set<number>();
    const before = holders.get(term.origin);
    holders.set(term.origin, before ? new Set([...before].filter((i) => mine.has(i))) : mine);
    // A word no unit and no document name holds weighs nothing in coverage: the question's other
    // words decide which units are nearest (an unknown word blocks a confident answer instead).
    const namedDocs = new Set([...docWords].filter(([, dws]) => matchingWords(dws, term.prefixes).size > 0).map(([doc]) => doc));
    if (namedDocs.size > 0) namedByDoc.add(term.origin);
    if (df === 0 && namedDocs.size === 0) {
      if (term.must) unknownMust = true;
      if (counts) unknownWeight += w;
      continue;
    }
    if (counts) totalWeight += w;
    if (term.must) mustCount++;
    for (const [i, f] of tf) {
      const len = ix.lens[i]!;
      scores[i]! += w * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * len) / ix.avgLen)));
      hit.add(i);
      if (counts) own[i]! += w;
    }
    for (const i of inSection) {
      if (!tf.has(i)) scores[i]! += 0.4 * w;
      hit.add(i);
    }
    for (const i of hit) if (rare && counts) distinct[i] = 1;
    // A word that names the document ("Fortuna", "2019") holds for each of its units.
    docNamed.fill(0);
    for (const doc of docWords.keys()) {
      if (!namedDocs.has(doc)) {
        if (counts) residualTotal.set(doc, (residualTotal.get(doc) ?? 0) + w);
        continue;
      }
      const di = docIndex.get(doc);
      if (di !== undefined) docNamed[di] = 1;
    }
    // Sentence windows: a word in the sentence before or after (same page, running text) holds
    // for this one too ("… om SIP." "Vid frågor … kontakta Maria Glemfelt."), at a lower score.
    const near = new Set<number>();
    for (const i of hit) {
      for (const j of [i - 1, i + 1]) {
        if (j < 0 || j >= n || hit.has(j) || !sameWindow(units[i]!, units[j]!)) continue;
        near.add(j);
        helped[j]! |= j < i ? 2 : 1;
      }
    }
    for (const j of near) {
      scores[j]! += 0.3 * w;
      hit.add(j);
    }
    // The units this word holds for: those hit in documents whose name does not hold it, and every
    // unit of those whose name does (as ranges: a long plan's thousand units, not a set of them).
    const plain = counts && !term.must && term.weight >= 1.2;
    if (plain) plainCount++;
    const credit = (i: number) => {
      if (plain) plainHit[i] = 1;
      if (counts) got[i]! += w;
      if (term.must) mustMissing[i]!--;
    };
    for (const i of hit) {
      if (docNamed[ix.docOf[i]!]) continue;
      if (counts) residualGot[i]! += w;
      credit(i);
    }
    docNamed.forEach((named, di) => {
      if (named) for (let i = ix.offsets[di]!; i < ix.offsets[di + 1]!; i++) credit(i);
    });
  }
  const unknown = terms
    .filter((term, k) => !term.questionWord && !term.compound && term.weight >= 1 && (holders.get(k)?.size ?? 0) === 0 && !namedByDoc.has(k))
    .map((x) => x.raw);
  const out: RankedUnit[] = [];
  for (let i = 0; i < n; i++) {
    if (scores[i]! <= 0) continue;
    const u = units[i]!;
    const bonus = typeOk(u) ? 1.35 : 1;
    out.push({
      unit: u,
      index: i,
      score: scores[i]! * bonus * docBoost(u.document_id),
      coverage: totalWeight ? got[i]! / totalWeight : 0,
      ownCoverage: totalWeight ? own[i]! / totalWeight : 0,
      // When the document's name holds every word ("Vilket datum hölls förbundsstyrelsemötet i
      // Sveriges roll- och konfliktspelsförbund?"), the unit's own words decide.
      residualCoverage:
        (residualTotal.get(u.document_id) ?? 0) > 0 ? residualGot[i]! / residualTotal.get(u.document_id)! : totalWeight ? own[i]! / totalWeight : 0,
      strictCoverage:
        (residualTotal.get(u.document_id) ?? 0) > 0
          ? residualGot[i]! / (residualTotal.get(u.document_id)! + unknownWeight)
          : // … and a confident answer needs them all in the unit itself, none unknown.
            totalWeight && unknownWeight === 0 && own[i]! >= totalWeight * 0.999
            ? 1
            : 0,
      mustOk: mustCount + mustMissing[i]! <= 0,
      plainOk: plainCount === 0 || plainHit[i] === 1,
      distinctive: distinct[i] === 1,
      helpedBy: helped[i]!,
    });
  }
  out.sort((a, b) => b.score - a.score || a.unit.ord - b.unit.ord);
  return { ranked: out, unknown, unknownMust };
}
