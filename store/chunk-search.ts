/**
 * Full-text search over a group's chunks for the answer engine: one tsquery per question word
 * (its Swedish, English and unstemmed forms merged), the words' prefixes turned into the exact
 * words the groups hold (0011's vocabulary) for the index, ranked with ts_rank_cd; and the
 * accent-folded trigram net. Every query is scoped by `group_id = ANY($1)`; user text only ever
 * reaches SQL as bound parameters.
 */
import { FOLD } from './answer-queries.js';
import type { Queryable } from './db.js';

export interface ChunkRow {
  id: number;
  document_id: string;
  page_no: number;
  section: string | null;
  text: string;
  title: string | null;
  file_name: string;
  rank: number;
}

/** Per-process memo of `termTsquery` (question words recur; the dictionaries never change). */
const TSQUERY_MEMO = new Map<string, string | null>();
const TSQUERY_MEMO_MAX = 5000;

const ATOM = /^'([^'\\]+)'(:\*)?$/;

/**
 * One term's tsquery as the union of its Swedish, English and unstemmed forms, each lexeme once:
 * `barn:*` comes out the same in all three, and `satsning:*` (Swedish stem) covers the unstemmed
 * `satsningen:*`. A GIN index reads the whole posting list of every prefix it is given, duplicates
 * included, so the plain `to_tsquery(sv) || to_tsquery(en) || to_tsquery(simple)` cost three to
 * four times as much in a large group; the matches are the same and ts_rank_cd depends on the
 * positions matched only, so ranks are too. Null when a form is not a plain OR of lexemes (the
 * caller then keeps the three-config expression).
 */
function mergedTsquery(forms: string[]): string | null {
  const atoms: Array<{ lex: string; prefix: boolean }> = [];
  for (const f of forms) {
    if (f.trim() === '') continue;
    for (const part of f.split(' | ')) {
      const m = ATOM.exec(part.trim());
      if (!m) return null;
      atoms.push({ lex: m[1]!, prefix: !!m[2] });
    }
  }
  // An atom goes when another matches everything it matches: a shorter prefix, or the same lexeme
  // as a prefix (or as the same kind, written earlier).
  const covers = (b: (typeof atoms)[number], a: (typeof atoms)[number], earlier: boolean) =>
    b.lex === a.lex ? (b.prefix && !a.prefix) || (b.prefix === a.prefix && earlier) : b.prefix && a.lex.startsWith(b.lex);
  const kept = atoms.filter((a, i) => !atoms.some((b, j) => j !== i && covers(b, a, j < i)));
  return kept.map((a) => `'${a.lex}'${a.prefix ? ':*' : ''}`).join(' | ');
}

/** `mergedTsquery` of each term query, through the database's dictionaries, memoised. */
async function termTsqueries(q: Queryable, termQueries: string[]): Promise<Array<string | null>> {
  const missing = [...new Set(termQueries.filter((t) => !TSQUERY_MEMO.has(t)))];
  if (missing.length) {
    const r = await q.query<{ t: string; sv: string; en: string; si: string }>(
      `SELECT t, to_tsquery('swedish', t)::text AS sv, to_tsquery('english', t)::text AS en, to_tsquery('simple', t)::text AS si
       FROM unnest($1::text[]) t`,
      [missing],
    );
    for (const x of r.rows) {
      if (TSQUERY_MEMO.size >= TSQUERY_MEMO_MAX) TSQUERY_MEMO.delete(TSQUERY_MEMO.keys().next().value!);
      TSQUERY_MEMO.set(x.t, mergedTsquery([x.sv, x.en, x.si]));
    }
  }
  return termQueries.map((t) => TSQUERY_MEMO.get(t) ?? null);
}

/** A prefix matching more of the groups' words than this stays a prefix (the index then reads it as before). */
const MAX_EXACT_WORDS = 300;

/** A lexeme quoted for tsquery text. */
function quoteLexeme(lex: string): string {
  return `'${lex.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * Each merged term query with its prefixes replaced by the exact words of the groups' chunks that
 * start with them (0011's vocabulary): the same chunks match, but a GIN index reads a prefix's
 * every posting list in full while exact words of an AND are intersected by skipping. Null where a
 * term is left as it is (not a plain OR of lexemes). One query for all prefixes of the question.
 */
export async function exactWords(q: Queryable, groupIds: string[], merged: Array<string | null>): Promise<Array<string | null>> {
  const atoms = merged.map((m) => (m === null ? null : m.split(' | ').map((a) => ATOM.exec(a.trim())!)));
  const prefixes = [...new Set(atoms.flatMap((as) => (as ?? []).filter((a) => a[2]).map((a) => a[1]!)))];
  // A prefix is the key range [prefix, prefix with its last character's successor) in byte order.
  const upper = (p: string) => {
    const cps = [...p];
    const last = cps.pop()!.codePointAt(0)!;
    return last >= 0x10ffff ? null : cps.join('') + String.fromCodePoint(last + 1);
  };
  const ranged = prefixes.filter((p) => upper(p) !== null);
  const words = new Map<string, string[]>();
  if (ranged.length > 0) {
    const r = await q.query<{ p: string; lexeme: string }>(
      `SELECT p.lo AS p, x.lexeme FROM unnest($2::text[], $3::text[]) AS p(lo, hi) CROSS JOIN LATERAL (
         SELECT DISTINCT l.lexeme FROM chunk_lexemes l
         WHERE l.group_id = ANY($1::uuid[]) AND l.lexeme >= p.lo COLLATE "C" AND l.lexeme < p.hi COLLATE "C"
         LIMIT ${MAX_EXACT_WORDS + 1}
       ) x`,
      [groupIds, ranged, ranged.map((p) => upper(p)!)],
    );
    for (const x of r.rows) (words.get(x.p) ?? words.set(x.p, []).get(x.p)!).push(x.lexeme);
  }
  return atoms.map((as) => {
    if (!as) return null;
    const out = new Set<string>();
    for (const a of as) {
      const ws = a[2] ? words.get(a[1]!) : undefined;
      // A prefix without words in the groups matches nothing either way; too many words, the prefix reads less.
      if (!a[2] || !ws || ws.length === 0 || ws.length > MAX_EXACT_WORDS) out.add(a[0]);
      else for (const w of ws) out.add(quoteLexeme(w));
    }
    return [...out].join(' | ');
  });
}

/** A question's words ready for `searchChunks`: merged tsqueries and their exact words, looked up once for every search of the question. */
export interface PreparedTerms {
  termQueries: string[];
  merged: Array<string | null>;
  exact: Array<string | null>;
}

export async function prepareTerms(q: Queryable, groupIds: string[], termQueries: string[]): Promise<PreparedTerms> {
  const merged = await termTsqueries(q, termQueries);
  return { termQueries, merged, exact: await exactWords(q, groupIds, merged) };
}

/**
 * With more matches than this, only the chunks of the newest `RANK_WINDOW_DOCS` documents holding a
 * match are ranked: ts_rank_cd costs ~25 µs a chunk, and a common word matches ten thousand
 * chunks in a group of 10 000 documents. Smaller groups rank every match, as before.
 */
const RANK_ALL_UP_TO = 2000;
const RANK_WINDOW_DOCS = 200;

/**
 * Full-text search: `terms` holds one tsquery string per question word (already reduced
 * to letters and digits, with `:*`), or those prepared once (`prepareTerms`) for several searches; `mode` 'all' requires every word, 'most' all but one, 'any' one of them.
 * The SQL text is built from placeholders only.
 */
export async function searchChunks(
  q: Queryable,
  groupIds: string[],
  terms: string[] | PreparedTerms,
  mode: 'all' | 'most' | 'any',
  limit: number,
  docWindow = 0,
): Promise<ChunkRow[]> {
  if ((Array.isArray(terms) ? terms : terms.termQueries).length === 0) return [];
  const { termQueries, merged, exact } = Array.isArray(terms) ? await prepareTerms(q, groupIds, terms) : terms;
  const n = termQueries.length;
  const term = (i: number, k: number) =>
    merged[i] !== null ? `$${k}::tsquery` : `(to_tsquery('swedish', $${k}) || to_tsquery('english', $${k}) || to_tsquery('simple', $${k}))`;
  // Ranked with the words as prefixes ($3…); found through the index with the exact words ($n+3…).
  const per = termQueries.map((_, i) => term(i, i + 3));
  const iper = termQueries.map((_, i) => term(i, n + i + 3));
  const termParams = termQueries.map((t, i) => merged[i] ?? t);
  const indexParams = termQueries.map((t, i) => exact[i] ?? merged[i] ?? t);
  // 'most': every word but (at most) one — a cheap net for passages that word one thing differently,
  // where 'any' would rank every chunk holding a common word.
  const most = mode === 'most' && per.length >= 3;
  const tsq = most ? per.map((_, skip) => '(' + per.filter((__, i) => i !== skip).join(' && ') + ')').join(' || ') : per.join(mode === 'all' ? ' && ' : ' || ');
  // The same condition for the index (each word fewer times with 'most', see `allButOne`); ranks
  // keep `tsq`. With 'all', one `@@` per word: separate conditions are separate keys of one GIN
  // scan, which skips through the longer posting lists to the next item of the rarest word, while
  // one tsquery of ORed exact words ANDed together is one key whose every posting list is read in
  // full (a 7-word question at 10 000 documents: 160 ms in the index as one key, 45 ms as seven).
  // The same chunks match. 'most' stays one key: as conditions joined by OR the planner filtered
  // the rows of a partial index condition with every `@@`, reading each row's tsvector once per word.
  const icols = iper.map((x, i) => `${x} AS i${i}`).join(', ');
  const iw = iper.map((_, i) => `c.tsv @@ qq.i${i}`);
  const icond =
    mode === 'all' ? iw.join(' AND ') : `c.tsv @@ ${most ? allButOne(iper.map((_, i) => `qq.i${i}`))! : `(${iper.map((_, i) => `qq.i${i}`).join(' || ')})`}`;
  // With `docWindow`, only the chunks of the newest `docWindow` documents holding a match are
  // ranked: ranking costs ~20 µs a chunk, and a net that lets one word be missing catches
  // thousands of chunks in a large group. The matches themselves are found through the index
  // without ranking; the engine then checks the ranked chunks word by word. Without it, every
  // match is ranked up to `RANK_ALL_UP_TO` matches, and beyond that the newest `RANK_WINDOW_DOCS`.
  // The newest documents holding a match: when many documents match, by walking each group's
  // documents newest first (0012's index) and stopping at the `window`-th that holds one (a hashed
  // filter; `IS TRUE` keeps the planner from making it a join, which looked up every matching
  // document by its key and sorted them all: 7 500 lookups, 25 ms at 10 000 documents). The walk
  // reads about window × documents ÷ matching documents entries, so with few matching documents
  // (fewer than √(window × documents), the table's size from its statistics) they are looked up
  // instead. Ties in date go to the id, as the index has it.
  const window = docWindow > 0 ? `$${2 * n + 3}` : String(RANK_WINDOW_DOCS);
  const rankAll = docWindow > 0 ? 'false' : `(SELECT count(*) FROM m) <= ${RANK_ALL_UP_TO}`;
  return (
    await q.query<ChunkRow>(
      // Ranked on the index columns only; text and title are read for the `limit` best (a common
      // word can match thousands of chunks in a large group).
      `WITH qq AS MATERIALIZED (SELECT ${tsq} AS tq, ${icols}),
       m AS MATERIALIZED (SELECT c.id, c.document_id FROM chunks c, qq WHERE c.group_id = ANY($1::uuid[]) AND (${icond})),
       wd AS MATERIALIZED (
         SELECT (SELECT count(DISTINCT m.document_id) FROM m) ^ 2 > ${window}::bigint * (SELECT greatest(c.reltuples, 0) FROM pg_class c WHERE c.oid = 'documents'::regclass) AS walk
       ),
       w AS (
         (SELECT r.id FROM (SELECT DISTINCT unnest($1::uuid[]) AS id) g CROSS JOIN LATERAL (
            SELECT d.id, d.doc_date, d.created_at FROM documents d
            WHERE d.group_id = g.id AND (d.id IN (SELECT m.document_id FROM m)) IS TRUE
            ORDER BY d.doc_date DESC NULLS LAST, d.created_at DESC, d.id LIMIT ${window}
          ) r
          WHERE (SELECT wd.walk FROM wd)
          ORDER BY r.doc_date DESC NULLS LAST, r.created_at DESC, r.id LIMIT ${window})
         UNION ALL
         (SELECT d.id FROM documents d
          WHERE d.group_id = ANY($1::uuid[]) AND d.id IN (SELECT m.document_id FROM m) AND NOT (SELECT wd.walk FROM wd)
          ORDER BY d.doc_date DESC NULLS LAST, d.created_at DESC, d.id LIMIT ${window})
       ),
       top AS (
         SELECT c.id, ts_rank_cd(c.tsv, qq.tq) AS rank FROM m JOIN chunks c ON c.id = m.id, qq
         WHERE ${rankAll} OR m.document_id IN (SELECT w.id FROM w)
         ORDER BY rank DESC, c.id LIMIT $2
       )
       SELECT c.id, c.document_id, c.page_no, c.section, c.text, d.title, d.file_name, top.rank
       FROM top JOIN chunks c ON c.id = top.id JOIN documents d ON d.id = c.document_id
       WHERE d.group_id = ANY($1::uuid[])
       ORDER BY top.rank DESC, c.id`,
      [groupIds, limit, ...termParams, ...indexParams, ...(docWindow > 0 ? [docWindow] : [])],
    )
  ).rows;
}

/**
 * "Every word but at most one" over tsquery SQL expressions, as a formula in which each word occurs
 * about log2(n) times instead of n − 1: a GIN index reads a word's whole posting list once per
 * occurrence (prefix words at their full cost), so the plain OR of the n ways to leave one word out
 * read every list n − 1 times (5 words: 20 lists, now 12; 7 words: 42, now 20). Split the words in
 * halves A and B: at most one missing = (all of A and at most one of B missing) or (at most one of A
 * missing and all of B). Null means "true" (one word may be missing). `and`/`or` join tsquery
 * expressions by default, or SQL conditions (' AND ', ' OR ').
 */
export function allButOne(xs: string[], and = ' && ', or = ' || '): string | null {
  if (xs.length <= 1) return null;
  if (xs.length === 2) return `(${xs[0]}${or}${xs[1]})`;
  const half = Math.floor(xs.length / 2);
  const [a, b] = [xs.slice(0, half), xs.slice(half)];
  const all = (ys: string[]) => `(${ys.join(and)})`;
  const [ma, mb] = [allButOne(a, and, or), allButOne(b, and, or)];
  return `(${mb ? `(${all(a)}${and}${mb})` : all(a)}${or}${ma ? `(${ma}${and}${all(b)})` : all(b)})`;
}

/** Chunks containing every folded word (trigram index): catches words typed without å/ä/ö. */
export async function searchChunksFolded(q: Queryable, groupIds: string[], likePatterns: string[], limit: number): Promise<ChunkRow[]> {
  if (likePatterns.length === 0) return [];
  // One LIKE per pattern (placeholders only), so the trigram index on the folded text is used.
  const conds = likePatterns.map((_, i) => `${FOLD('c.text')} LIKE $${i + 3}`).join(' AND ');
  return (
    await q.query<ChunkRow>(
      `SELECT c.id, c.document_id, c.page_no, c.section, c.text, d.title, d.file_name, 0::real AS rank
       FROM chunks c JOIN documents d ON d.id = c.document_id
       WHERE c.group_id = ANY($1::uuid[]) AND ${conds}
       LIMIT $2`,
      [groupIds, limit, ...likePatterns],
    )
  ).rows;
}
