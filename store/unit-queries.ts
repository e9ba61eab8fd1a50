/**
 * Read queries over evidence units (0007). Scoped by `group_id = ANY($1)`; user text never
 * reaches these queries (they take document ids chosen by the engine).
 */
import type { Queryable } from './db.js';

export interface UnitRow {
  id: number;
  document_id: string;
  ord: number;
  page: number;
  kind: 'text' | 'row' | 'fact';
  section: string | null;
  text: string;
  quote: string;
}

/** The units of the given documents in reading order, at most `limit` (the first ones of each document win). */
export async function unitsOf(q: Queryable, groupIds: string[], documentIds: string[], limit = 8000): Promise<UnitRow[]> {
  if (documentIds.length === 0) return [];
  return (
    await q.query<UnitRow>(
      `SELECT u.id, u.document_id, u.ord, u.page, u.kind, u.section, u.text, u.quote FROM evidence_units u
       WHERE u.group_id = ANY($1::uuid[]) AND u.document_id = ANY($2::uuid[])
       ORDER BY u.document_id, u.ord LIMIT $3`,
      [groupIds, documentIds, limit],
    )
  ).rows;
}

export interface DocCueRow {
  id: string;
  title: string | null;
  file_name: string;
  kind: string | null;
  doc_date: string | null;
  organisation: string | null;
}

/**
 * Up to `limit` documents of the groups, newest first (with a group this small every document is
 * read). Per group through the (group_id, doc_date, created_at) index: with `group_id = ANY(…)`
 * the planner sorted every document of the groups (15–40 ms at 10 000) to keep seven.
 */
export async function fewDocuments(q: Queryable, groupIds: string[], limit: number): Promise<DocCueRow[]> {
  return (
    await q.query<DocCueRow>(
      `SELECT r.id, r.title, r.file_name, r.kind, r.doc_date::text AS doc_date, r.organisation
       FROM (SELECT DISTINCT unnest($1::uuid[]) AS id) g CROSS JOIN LATERAL (
         SELECT d.id, d.title, d.file_name, d.kind, d.doc_date, d.organisation, d.created_at FROM documents d
         WHERE d.group_id = g.id AND d.status = 'done' ORDER BY d.doc_date DESC NULLS LAST, d.created_at DESC LIMIT $2
       ) r
       ORDER BY r.doc_date DESC NULLS LAST, r.created_at DESC LIMIT $2`,
      [groupIds, limit],
    )
  ).rows;
}

/** Title, kind, date and organisation of the given documents. */
export async function documentCues(q: Queryable, groupIds: string[], ids: string[]): Promise<DocCueRow[]> {
  if (ids.length === 0) return [];
  return (
    await q.query<DocCueRow>(
      `SELECT id, title, file_name, kind, doc_date::text AS doc_date, organisation FROM documents
       WHERE group_id = ANY($1::uuid[]) AND id = ANY($2::uuid[])`,
      [groupIds, [...new Set(ids)]],
    )
  ).rows;
}

/**
 * Per document, a key that changes whenever ingest rewrites its units: the id of its first unit
 * (a rewrite deletes and inserts in one transaction, and ids are never reused). Documents without
 * units are absent. One probe of the (document_id, ord) index a document: counting the units (a
 * thousand heap rows for a long plan, on every question) cost as much as reading them from the cache.
 */
export async function unitKeys(q: Queryable, groupIds: string[], documentIds: string[]): Promise<Map<string, string>> {
  if (documentIds.length === 0) return new Map();
  const r = await q.query<{ document_id: string; first: string }>(
    `SELECT d.id AS document_id, u.id::text AS first FROM unnest($2::uuid[]) d(id) CROSS JOIN LATERAL (
       SELECT x.id FROM evidence_units x WHERE x.document_id = d.id AND x.group_id = ANY($1::uuid[]) ORDER BY x.ord LIMIT 1
     ) u`,
    [groupIds, [...new Set(documentIds)]],
  );
  return new Map(r.rows.map((x) => [x.document_id, x.first]));
}
