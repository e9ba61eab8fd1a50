/**
 * An answer as a Teams message: the text with numbered "[n]" markers, a numbered sources line, and
 * the citation entity (bot/logic/citations.ts) whose links open the signed document URL at the
 * cited page (`#page=N`, for PDFs). Engine answers are not labelled AI-generated; the model's are.
 * Other channels, the CLI and text inside cards keep the plain "Källa:" line.
 */
import type { Activity, Entity } from 'botbuilder';
import { namesItsSource, type Answer } from '../answers/index.js';
import type { Queryable } from '../store/db.js';
import type { DocumentLinks } from './document-links.js';
import { markersIn, messageEntity, numberedSourcesLine, numberRefs, withoutSourcesLine, type SourceRef } from './logic/citations.js';
import type { LlmAnswer } from './llm.js';

export type UrlOf = (r: SourceRef) => string | null;

/**
 * Links for the refs' documents: the signed URL, at the cited page for PDFs. Refs that name a
 * document without its id (the model's passages) are matched by title or file name in the asker's
 * groups only.
 */
export async function documentLinks(deps: { db: Queryable; links: DocumentLinks }, refs: SourceRef[], groupIds: string[]): Promise<UrlOf> {
  const ids = [...new Set(refs.map((r) => r.documentId).filter((id): id is string => id !== null))];
  const names = [...new Set(refs.filter((r) => r.documentId === null).map((r) => r.document))];
  if (ids.length === 0 && names.length === 0) return () => null;
  const rows = (
    await deps.db.query<{ id: string; name: string; mime_type: string | null }>(
      `SELECT id, COALESCE(NULLIF(btrim(title), ''), file_name) AS name, mime_type FROM documents
       WHERE id = ANY($1::uuid[])
          OR (group_id = ANY($3::uuid[]) AND (COALESCE(NULLIF(btrim(title), ''), file_name) = ANY($2::text[])))
       ORDER BY created_at DESC`,
      [ids, names, groupIds],
    )
  ).rows;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const byName = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!byName.has(r.name)) byName.set(r.name, r);
  return (ref) => {
    const doc = ref.documentId ? byId.get(ref.documentId) : byName.get(ref.document);
    if (!doc) return null;
    const base = deps.links.urlFor(doc.id);
    if (!base) return null;
    // PDF viewers open "#page=N"; other formats have no pages to jump to.
    return doc.mime_type === 'application/pdf' && ref.page ? `${base}#page=${ref.page}` : base;
  };
}

function activity(text: string, entity: ReturnType<typeof messageEntity>): Partial<Activity> {
  return { type: 'message', text, textFormat: 'markdown', ...(entity ? { entities: [entity as unknown as Entity] } : {}) };
}

/** The engine's answer: its own sources line becomes a numbered one. */
export function engineAnswerActivity(a: Pick<Answer, 'answer' | 'citations' | 'language'>, urlOf: UrlOf): Partial<Activity> {
  // Numbered in the order the sources line reads: documents as first cited, pages ascending.
  const docOrder = [...new Set(a.citations.map((c) => c.document))];
  const refs: SourceRef[] = a.citations
    .map((c) => ({ document: c.document, documentId: c.documentId, page: c.page, quote: c.quote }))
    .sort((x, y) => docOrder.indexOf(x.document) - docOrder.indexOf(y.document) || (x.page ?? 0) - (y.page ?? 0));
  const { numbered, numberOf } = numberRefs(refs, urlOf);
  const body = withoutSourcesLine(a.answer);
  let text: string;
  if (namesItsSource(body)) {
    // The engine named its source inside the text: add only the markers.
    const marks = [...new Set(numberOf.filter((n): n is number => n !== null))].map((n) => `[${n}]`).join(' ');
    text = marks ? `${body} ${marks}` : body;
  } else {
    const line = numberedSourcesLine(
      refs.map((r, i) => ({ ...r, n: numberOf[i] })),
      a.language,
    );
    text = line ? `${body}\n\n${line}` : body;
  }
  return activity(text, messageEntity(text, numbered, { aiGenerated: false, language: a.language }));
}

/** The model's answer: its markers renumbered to the cited document pages, with the AI label. */
export function llmAnswerActivity(a: LlmAnswer, urlOf: UrlOf): Partial<Activity> {
  // Markers in order of first appearance, so the numbers read 1, 2, 3 in the text.
  const cited = [...markersIn(a.text)].filter((n) => a.sources.has(n));
  const refs = cited.map((n) => a.sources.get(n)!);
  const { numbered, numberOf } = numberRefs(refs, urlOf);
  const newOf = new Map(cited.map((n, i) => [n, numberOf[i] ?? null]));
  let removed = false;
  let body = a.text.replace(/\[(\d{1,3})\]/g, (_m, d: string) => {
    const n = newOf.get(Number(d));
    if (!n) removed = true;
    return n ? `[${n}]` : '';
  });
  // A marker without a source (or without a link) is dropped, with the space before it.
  if (removed) body = body.replace(/[ \t]+([.,;:!?])/g, '$1');
  body = body.trimEnd();
  const line = numberedSourcesLine(
    refs.map((r, i) => ({ ...r, n: numberOf[i] })),
    a.language,
  );
  const text = line ? `${body}\n\n${line}` : body;
  return activity(text, messageEntity(text, numbered, { aiGenerated: true, language: a.language }));
}
