/**
 * Read-only queries for the answer engine. Every query is scoped by `group_id = ANY($1)`; user
 * text only ever reaches SQL as bound parameters.
 */
import type { PlanActivity } from '../core/facts.js';
import type { ActionItemRow } from './action-item-row.js';
import type { Queryable } from './db.js';

/** Folds case and Swedish/French accents; must equal the expression of the 0002 trigram index. */
export const FOLD = (col: string) => `translate(lower(${col}), 'åäöéèüáàæø', 'aaoeeuaaao')`;

export interface DocInfo {
  id: string;
  title: string | null;
  file_name: string;
  kind: string | null;
  doc_date: string | null;
  page_count: number | null;
  created_at: Date;
}

export async function listGroupDocuments(q: Queryable, groupIds: string[]): Promise<DocInfo[]> {
  return (
    await q.query<DocInfo>(
      `SELECT id, title, file_name, kind, doc_date, page_count, created_at FROM documents
       WHERE group_id = ANY($1::uuid[]) AND status = 'done' ORDER BY doc_date DESC NULLS LAST, created_at DESC`,
      [groupIds],
    )
  ).rows;
}

export interface MeetingRow extends DocInfo {
  attendees: number;
}

/** A meeting date as a question names it: any field may be left open. */
export interface MeetingDate {
  year: number | null;
  month: number;
  day: number | null;
}

/**
 * The newest document that lists attendees (minutes), on `date` when given. Each group's
 * documents are walked newest first through (group_id, doc_date, created_at) until one has
 * attendees, so a group of thousands of minutes costs a few index probes, not counting every
 * attendee of every meeting.
 */
export async function newestMeeting(q: Queryable, groupIds: string[], date: MeetingDate | null): Promise<MeetingRow | null> {
  const r = await q.query<MeetingRow>(
    `SELECT m.*, (SELECT count(*)::int FROM attendees a WHERE a.document_id = m.id AND a.group_id = ANY($1::uuid[])) AS attendees
     FROM (SELECT DISTINCT unnest($1::uuid[]) AS id) g CROSS JOIN LATERAL (
       SELECT d.id, d.title, d.file_name, d.kind, d.doc_date, d.page_count, d.created_at FROM documents d
       WHERE d.group_id = g.id
         AND EXISTS (SELECT 1 FROM attendees a WHERE a.document_id = d.id AND a.group_id = ANY($1::uuid[]))
         AND ($2::int IS NULL OR (extract(month FROM d.doc_date) = $2 AND ($3::int IS NULL OR extract(day FROM d.doc_date) = $3)
                                  AND ($4::int IS NULL OR extract(year FROM d.doc_date) = $4)))
       ORDER BY d.doc_date DESC NULLS LAST, d.created_at DESC LIMIT 1
     ) m
     ORDER BY m.doc_date DESC NULLS LAST, m.created_at DESC LIMIT 1`,
    [groupIds, date?.month ?? null, date?.day ?? null, date?.year ?? null],
  );
  return r.rows[0] ?? null;
}

export interface AttendeeRow {
  document_id: string;
  name: string;
  role: string | null;
  organisation: string | null;
  present: boolean;
  flags: string[];
  presence: string | null;
  page: number | null;
  quote: string | null;
}

export async function attendeesOf(q: Queryable, groupIds: string[], documentIds: string[]): Promise<AttendeeRow[]> {
  return (
    await q.query<AttendeeRow>(
      `SELECT document_id, name, role, organisation, present, flags, presence, page, quote FROM attendees
       WHERE group_id = ANY($1::uuid[]) AND document_id = ANY($2::uuid[]) ORDER BY document_id, ord`,
      [groupIds, documentIds],
    )
  ).rows;
}

/**
 * Names of people and units the group's documents know (attendees and action-item owners), from
 * each group's list of names kept by triggers (0014), in a fixed order.
 */
export async function knownNames(q: Queryable, groupIds: string[]): Promise<string[]> {
  const r = await q.query<{ name: string }>(`SELECT DISTINCT name FROM group_names WHERE group_id = ANY($1::uuid[]) AND refs > 0 ORDER BY name`, [groupIds]);
  return r.rows.map((x) => x.name).filter((n) => n && n.trim().length > 1);
}

/**
 * A key that changes whenever the groups' attendees or action items change (0009: every write
 * bumps the group's `names_version`), so `knownNames` can be kept between questions.
 */
export async function namesVersion(q: Queryable, groupIds: string[]): Promise<string> {
  const r = await q.query<{ id: string; v: string }>(`SELECT id, names_version::text AS v FROM groups WHERE id = ANY($1::uuid[]) ORDER BY id`, [groupIds]);
  return r.rows.map((x) => `${x.id}:${x.v}`).join(',');
}

export type ActionRow = ActionItemRow;

export async function actionItems(q: Queryable, groupIds: string[], opts: { openOnly: boolean; limit?: number }): Promise<ActionRow[]> {
  return (
    await q.query<ActionRow>(
      `SELECT a.id, a.document_id, coalesce(a.corrected_owners, a.owners) AS owners, a.task,
              coalesce(a.corrected_due, a.due) AS due, a.due_text, a.page, a.section, a.quote, a.status, d.doc_date, d.language AS doc_language
       FROM action_items a JOIN documents d ON d.id = a.document_id
       WHERE a.group_id = ANY($1::uuid[]) AND ($2::boolean = false OR a.status = 'open')
       ORDER BY d.doc_date DESC NULLS LAST, a.document_id, a.ord LIMIT $3`,
      [groupIds, opts.openOnly, opts.limit ?? 500],
    )
  ).rows;
}

/**
 * Action items whose owners name one of `foldedPatterns` (folded, LIKE-escaped). One LIKE per
 * pattern over 0013's folded owners, so that its trigram index finds them (`LIKE ANY` cannot use it).
 */
export async function actionItemsNaming(q: Queryable, groupIds: string[], foldedPatterns: string[]): Promise<ActionRow[]> {
  if (foldedPatterns.length === 0) return [];
  const likes = foldedPatterns.map((_, i) => `action_owners_folded(a.owners, a.corrected_owners) LIKE $${i + 2}::text`).join(' OR ');
  return (
    await q.query<ActionRow>(
      `SELECT a.id, a.document_id, coalesce(a.corrected_owners, a.owners) AS owners, a.task,
              coalesce(a.corrected_due, a.due) AS due, a.due_text, a.page, a.section, a.quote, a.status, d.doc_date, d.language AS doc_language
       FROM action_items a JOIN documents d ON d.id = a.document_id
       WHERE a.group_id = ANY($1::uuid[]) AND (${likes})
       ORDER BY d.doc_date DESC NULLS LAST, a.document_id, a.ord LIMIT 200`,
      [groupIds, ...foldedPatterns],
    )
  ).rows;
}

export interface DecisionRow {
  document_id: string;
  text: string;
  section: string | null;
  page: number | null;
  quote: string | null;
}

export async function decisionsOf(q: Queryable, groupIds: string[], documentIds: string[] | null): Promise<DecisionRow[]> {
  return (
    await q.query<DecisionRow>(
      `SELECT document_id, text, section, page, quote FROM decisions
       WHERE group_id = ANY($1::uuid[]) AND ($2::uuid[] IS NULL OR document_id = ANY($2::uuid[])) ORDER BY document_id, ord LIMIT 200`,
      [groupIds, documentIds],
    )
  ).rows;
}

export interface NextMeetingRow {
  document_id: string;
  date: string | null;
  time: string | null;
  place: string | null;
  text: string;
  page: number | null;
  doc_date: string | null;
}

export async function nextMeetings(q: Queryable, groupIds: string[]): Promise<NextMeetingRow[]> {
  return (
    await q.query<NextMeetingRow>(
      `SELECT n.document_id, n.date, n.time, n.place, n.text, n.page, d.doc_date
       FROM next_meetings n JOIN documents d ON d.id = n.document_id
       WHERE n.group_id = ANY($1::uuid[]) ORDER BY n.date DESC NULLS LAST, d.doc_date DESC NULLS LAST LIMIT 20`,
      [groupIds],
    )
  ).rows;
}

/** A stored plan activity: the extracted fields plus where they are stored. */
export interface ActivityRow extends PlanActivity {
  id: number;
  document_id: string;
}

// budget_lines.search_text and plan_activities.search_text (0005) hold the accent-folded label,
// section and source of a line, and ref, name, area and goal of an activity; trigram-indexed.

/**
 * SQL for "how many of the question's words does `expr` contain": one group of LIKE patterns
 * per word (its stem and glossary forms). Returns the conditions "any word" and "every word"
 * (written as single LIKEs joined by OR/AND so the trigram index is used) and the count
 * expression (for ranking). Only placeholders reach the SQL text; patterns are bound from
 * `first` on.
 */
function wordMatchSql(expr: string, groups: string[][], first: number): { any: string; all: string; hits: string; params: string[]; n: number } {
  const params: string[] = [];
  const perGroup = groups
    .filter((g) => g.length > 0)
    .map(
      (g) =>
        '(' +
        g
          .map((p) => {
            params.push(p);
            return `${expr} LIKE $${first + params.length - 1}`;
          })
          .join(' OR ') +
        ')',
    );
  return {
    any: perGroup.length ? perGroup.join(' OR ') : 'false',
    all: perGroup.length ? perGroup.join(' AND ') : 'false',
    hits: perGroup.length ? perGroup.map((c) => `${c}::int`).join(' + ') : '0',
    params,
    n: perGroup.length,
  };
}

/** How many of a group's newest documents with rows of a table are ranked row by row. */
const RECENT_WINDOW = 10;

/**
 * The `maxDocs` documents whose rows of `table` match the most words (the best row's count;
 * newest first on ties). Ranking every row that holds some common word ("barn", "äldre")
 * costs milliseconds per thousand rows and a large group has hundreds of thousands, so:
 * 1. rows matching every word (selective and cheap through the trigram index) decide if any;
 * 2. otherwise the rows of each group's `RECENT_WINDOW` newest documents with rows of the table
 *    are ranked; let b be the count of the `maxDocs`-th best;
 * 3. an older document can only rank above those by holding a row with more than b words; they
 *    are looked for level by level (k = n, n−1, … b+1 words), where a row with at least k of n
 *    words must hold one of any n−k+1 of them, so each level filters on the n−k+1 rarest words
 *    (trigram index) and counts per row.
 * This gives the same documents as ranking every row (ties go to the newer, i.e. the window).
 */
async function bestDocuments(
  q: Queryable,
  table: 'budget_lines' | 'plan_activities',
  groupIds: string[],
  patternGroups: string[][],
  refs: string[],
  maxDocs: number,
): Promise<string[]> {
  // Conditions are SQL over placeholders $4…, bound in order; a query passes the values up to
  // the last placeholder it uses (the ref, bound last, is not in the all-words query).
  const values: unknown[] = [];
  const bind = (v: unknown) => {
    values.push(v);
    return `$${values.length + 3}`;
  };
  const used = (sql: string) => Math.max(0, ...[...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]) - 3));
  const words = patternGroups.filter((g) => g.length > 0);
  // A word's rarity: its shortest pattern's length (short stems match many rows).
  const wordConds = words.map((g) => ({
    sql: '(' + g.map((p) => `x.search_text LIKE ${bind(p)}::text`).join(' OR ') + ')',
    rarity: Math.min(...g.map((p) => p.length)),
  }));
  const conds = [...wordConds];
  if (table === 'plan_activities' && refs.length > 0) conds.push({ sql: `x.ref = ANY(${bind(refs)}::text[])`, rarity: Infinity });
  if (conds.length === 0) return [];
  const n = conds.length;
  const hits = conds.map((c) => `(${c.sql})::int`).join(' + ');

  /**
   * Newest documents (not in `exclude`) with a row satisfying `filter`. The documents holding such
   * rows are found first, once (an InitPlan through the trigram index), and only then looked up
   * and sorted: as `d.id IN (subquery)` under the LIMIT the planner walked the group's documents
   * newest first and compared each with every matching row (a nested-loop semi join) — 10 s at
   * 10 000 documents when the matches are all in old plans.
   */
  const level = async (filter: string, exclude: string[], limit: number): Promise<string[]> => {
    const r = await q.query<{ id: string }>(
      `SELECT d.id FROM documents d
       WHERE d.id = ANY(ARRAY(SELECT DISTINCT x.document_id FROM ${table} x WHERE x.group_id = ANY($1::uuid[]) AND ${filter}))
         AND d.group_id = ANY($1::uuid[]) AND d.id <> ALL($3::uuid[])
       ORDER BY d.doc_date DESC NULLS LAST, d.created_at DESC LIMIT $2`,
      [groupIds, limit, exclude, ...values.slice(0, used(filter))],
    );
    return r.rows.map((x) => x.id);
  };

  // When every condition is a word, no row of any document holds them all once this is empty.
  let top = n;
  if (wordConds.length >= 2) {
    const all = await level(wordConds.map((c) => c.sql).join(' AND '), [], maxDocs);
    if (all.length) return all;
    if (n === wordConds.length) top = n - 1;
  }

  // The window: each group's newest documents having rows of this table (0010's flag and partial
  // index), ranked row by row. A window document's few hundred rows are read through the document
  // index and counted; filtering them with the words as well made the planner AND each document's
  // rows with a trigram scan of the whole table (≈ 9 ms a document at 10 000 documents).
  const flag = table === 'budget_lines' ? 'has_budget_lines' : 'has_activities';
  const win = await q.query<{ id: string; hits: number }>(
    `WITH w AS (
       SELECT r.id, r.doc_date, r.created_at FROM unnest($1::uuid[]) g(id)
       CROSS JOIN LATERAL (
         SELECT d.id, d.doc_date, d.created_at FROM documents d
         WHERE d.group_id = g.id AND d.${flag}
         ORDER BY d.doc_date DESC NULLS LAST, d.created_at DESC LIMIT ${RECENT_WINDOW}
       ) r
     )
     SELECT w.id, m.hits FROM w JOIN LATERAL (
       SELECT max(${hits})::int AS hits FROM ${table} x
       WHERE x.document_id = w.id AND x.group_id = ANY($1::uuid[]) AND $2::int > 0 AND $3::uuid[] IS NOT NULL
     ) m ON m.hits > 0
     ORDER BY m.hits DESC, w.doc_date DESC NULLS LAST, w.created_at DESC`,
    [groupIds, 1, [], ...values],
  );
  const ranked: Array<{ id: string; hits: number; window: boolean }> = win.rows.map((r) => ({ id: r.id, hits: r.hits, window: true }));
  const windowIds = win.rows.map((r) => r.id);
  const b = ranked.length >= maxDocs ? ranked[maxDocs - 1]!.hits : 0;
  // Rarest first by the planner's estimate of the rows holding the word (its statistics know that
  // "avsatt" is in a quarter of all budget lines and "jämförelse" in a handful; a word's length or a
  // sample of the newest documents' rows does not), then by pattern length. Any n−k+1 words give the
  // same documents; rare ones only leave fewer rows to check. Asked only when a level is needed.
  let rarest: string[] | null = null;
  const rarestFirst = async (): Promise<string[]> => {
    const estimates = await Promise.all(
      conds.map((c) => {
        // The condition on its own placeholders ($2…), so that every parameter passed is used.
        const nums = [...new Set([...c.sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])))];
        const sql = c.sql.replace(/\$(\d+)/g, (_m, d: string) => `$${nums.indexOf(Number(d)) + 2}`);
        return estimateRows(q, table, sql, [groupIds, ...nums.map((d) => values[d - 4])]);
      }),
    );
    return conds
      .map((c, i) => ({ ...c, estimate: estimates[i]! }))
      .sort((x, y) => x.estimate - y.estimate || y.rarity - x.rarity)
      .map((c) => c.sql);
  };
  let older = 0;
  // Level by level, stopping once `maxDocs` are found: the lower levels (OR over many words)
  // are the costly ones, and running them all at once only makes them compete.
  for (let k = top; k > b && older < maxDocs; k--) {
    // k is a count computed here, not user text.
    if (k < n) rarest ??= await rarestFirst();
    // At k = 1 the net (every condition ORed) already says "at least one": when every condition is a
    // word LIKE (never null on a row that matches one), counting each row's words again only costs.
    const filter =
      k === n
        ? conds.map((c) => c.sql).join(' AND ')
        : k === 1 && n === wordConds.length
          ? `(${levelNet(rarest!, n, k)})`
          : `(${levelNet(rarest!, n, k)}) AND (${hits}) >= ${k}`;
    const ids = await level(filter, [...windowIds, ...ranked.filter((r) => !r.window).map((r) => r.id)], maxDocs - older);
    older += ids.length;
    ranked.push(...ids.map((id) => ({ id, hits: k, window: false })));
  }
  // Stable sort: by count; on ties the window (newer) first, each already newest first.
  ranked.sort((x, y) => y.hits - x.hits || Number(y.window) - Number(x.window));
  return ranked.slice(0, maxDocs).map((r) => r.id);
}

/**
 * A net holding every row with at least k of the n conditions (`rarest`: the conditions, rarest
 * first), for the trigram index. Such a row lacks at most n−k of them, so it holds one of any
 * n−k+1 and, for k ≥ 2, two of any n−k+2: the pairs of the n−k+2 rarest, each an AND the index
 * intersects, leave far fewer rows to count than the n−k+1 rarest ORed (a 6-word budget question
 * at 10 000 documents: levels of 2 500–11 500 rows, 35–77 ms, down to a few hundred).
 */
function levelNet(rarest: string[], n: number, k: number): string {
  if (k < 2) return rarest.slice(0, n - k + 1).join(' OR ');
  const r = rarest.slice(0, n - k + 2);
  return r.flatMap((a, i) => r.slice(i + 1).map((b) => `(${a} AND ${b})`)).join(' OR ');
}

/**
 * The planner's estimate of the rows of `table` (alias x) within the groups ($1) that satisfy
 * `cond` (placeholders $2…). Planning only, nothing is read; Infinity when there is no estimate.
 */
async function estimateRows(q: Queryable, table: string, cond: string, params: unknown[]): Promise<number> {
  try {
    const r = await q.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${table} x WHERE x.group_id = ANY($1::uuid[]) AND ${cond}`, params);
    const plan = r.rows[0]?.['QUERY PLAN'];
    const json = (typeof plan === 'string' ? JSON.parse(plan) : plan) as Array<{ Plan?: { 'Plan Rows'?: number } }>;
    return json[0]?.Plan?.['Plan Rows'] ?? Infinity;
  } catch {
    return Infinity;
  }
}

/**
 * Plan activities whose ref, name, area or goal contains words of the question (one group of
 * folded LIKE patterns per word), or whose ref is named, from the `maxDocs` plans that match
 * best: a group may hold hundreds of plans.
 */
export async function activitiesMatching(
  q: Queryable,
  groupIds: string[],
  patternGroups: string[][],
  refs: string[],
  maxDocs = 5,
): Promise<Array<ActivityRow & { hits: number }>> {
  const docs = await bestDocuments(q, 'plan_activities', groupIds, patternGroups, refs, maxDocs);
  if (docs.length === 0) return [];
  const w = wordMatchSql('a.search_text', patternGroups, 4);
  return (
    await q.query<ActivityRow & { hits: number }>(
      `SELECT a.id, a.document_id, a.ref, a.name, a.goal, a.responsible, a.timeline, a.area, a.page,
              (${w.hits}) + (a.ref = ANY($3::text[]))::int AS hits
       FROM plan_activities a
       WHERE a.group_id = ANY($1::uuid[]) AND a.document_id = ANY($2::uuid[]) AND (${w.any} OR a.ref = ANY($3::text[]))
       ORDER BY hits DESC, a.document_id, a.ord LIMIT 300`,
      [groupIds, docs, refs, ...w.params],
    )
  ).rows;
}

/** Activities of the given documents (to join budget lines to names by ref). */
export async function activitiesOf(q: Queryable, groupIds: string[], documentIds: string[]): Promise<ActivityRow[]> {
  return (
    await q.query<ActivityRow>(
      `SELECT id, document_id, ref, name, goal, responsible, timeline, area, page FROM plan_activities
       WHERE group_id = ANY($1::uuid[]) AND document_id = ANY($2::uuid[]) AND ref IS NOT NULL ORDER BY document_id, ord LIMIT 2000`,
      [groupIds, documentIds],
    )
  ).rows;
}

export interface BudgetRow {
  id: number;
  document_id: string;
  label: string;
  amount_sek: number;
  amount_text: string;
  period: string | null;
  kind: string;
  source: string | null;
  section: string | null;
  page: number | null;
  quote: string | null;
}

/**
 * Budget lines whose label, section (the table heading, which names the programme area) or
 * source contains words of the question, from the `maxDocs` documents with the best-matching
 * lines; plus every line of `documentIds` (documents whose activities matched, joined by ref in
 * the engine).
 */
export async function budgetLinesMatching(
  q: Queryable,
  groupIds: string[],
  patternGroups: string[][],
  documentIds: string[],
  maxDocs = 5,
): Promise<BudgetRow[]> {
  return budgetLinesIn(q, groupIds, patternGroups, await bestBudgetDocuments(q, groupIds, patternGroups, maxDocs), documentIds);
}

/** The `maxDocs` documents with the best-matching budget lines (see `budgetLinesMatching`). */
export function bestBudgetDocuments(q: Queryable, groupIds: string[], patternGroups: string[][], maxDocs = 5): Promise<string[]> {
  return bestDocuments(q, 'budget_lines', groupIds, patternGroups, [], maxDocs);
}

/**
 * Budget lines of `docs` (from `bestBudgetDocuments`) matching words of the question, plus every
 * line of `documentIds`; split from the choice of documents so that it can run alongside the
 * activity lookup.
 */
export async function budgetLinesIn(q: Queryable, groupIds: string[], patternGroups: string[][], docs: string[], documentIds: string[]): Promise<BudgetRow[]> {
  if (docs.length === 0 && documentIds.length === 0) return [];
  const w = wordMatchSql('b.search_text', patternGroups, 4);
  return (
    await q.query<BudgetRow>(
      `SELECT b.id, b.document_id, b.label, b.amount_sek, b.amount_text, b.period, b.kind, b.source, b.section, b.page, b.quote
       FROM budget_lines b
       WHERE b.group_id = ANY($1::uuid[])
         AND (b.document_id = ANY($3::uuid[]) OR (b.document_id = ANY($2::uuid[]) AND (${w.any})))
       ORDER BY b.document_id, b.ord LIMIT 1500`,
      [groupIds, docs, documentIds, ...w.params],
    )
  ).rows;
}

/** Titles and file names of the given documents, within the groups. */
export async function documentNames(
  q: Queryable,
  groupIds: string[],
  ids: string[],
): Promise<Map<string, { title: string | null; file_name: string; doc_date: string | null }>> {
  if (ids.length === 0) return new Map();
  const r = await q.query<{ id: string; title: string | null; file_name: string; doc_date: string | null }>(
    `SELECT id, title, file_name, doc_date FROM documents WHERE group_id = ANY($1::uuid[]) AND id = ANY($2::uuid[])`,
    [groupIds, [...new Set(ids)]],
  );
  return new Map(r.rows.map((x) => [x.id, x]));
}

export interface HeadChunkRow {
  document_id: string;
  page_no: number;
  text: string;
}

/** The first chunks of one document (its header: "Plats:", "Tid:", "Datum:"), within the groups. */
export async function documentHeadChunks(q: Queryable, groupIds: string[], documentId: string, limit = 4): Promise<HeadChunkRow[]> {
  return (
    await q.query<HeadChunkRow>(
      `SELECT document_id, page_no, text FROM chunks
       WHERE group_id = ANY($1::uuid[]) AND document_id = $2::uuid ORDER BY page_no, ord LIMIT $3`,
      [groupIds, documentId, limit],
    )
  ).rows;
}

/** Every chunk of the given documents (a meeting's minutes), within the groups, in reading order. */
export async function chunksOf(q: Queryable, groupIds: string[], documentIds: string[], limit = 400): Promise<HeadChunkRow[]> {
  return (
    await q.query<HeadChunkRow>(
      `SELECT document_id, page_no, text FROM chunks
       WHERE group_id = ANY($1::uuid[]) AND document_id = ANY($2::uuid[]) ORDER BY document_id, page_no, ord LIMIT $3`,
      [groupIds, documentIds, limit],
    )
  ).rows;
}
