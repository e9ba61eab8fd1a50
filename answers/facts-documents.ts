/** Which documents the group has, and which of them mention something. */
import { listGroupDocuments } from '../store/answer-queries.js';
import type { HandlerContext, HandlerResult } from './context.js';
import { clip, docName, t } from './format.js';
import { passageAnswers, searchPassages } from './passages.js';
import { contentTerms } from './text.js';

export async function answerDocumentList(ctx: HandlerContext): Promise<HandlerResult | null> {
  const docs = await listGroupDocuments(ctx.db, ctx.groupIds);
  const { lang } = ctx;
  if (docs.length === 0)
    return { found: false, answer: t(lang, 'Gruppen har inga dokument ännu.', 'The group has no documents yet.'), citations: [], facts: [] };
  const shown = docs.slice(0, 20);
  const lines = shown.map((d) => `• ${docName(d)}${d.doc_date ? ` (${d.doc_date})` : ''}`);
  const more = docs.length > shown.length ? `\n${t(lang, `… och ${docs.length - shown.length} till.`, `… and ${docs.length - shown.length} more.`)}` : '';
  return {
    found: true,
    answer: `${t(lang, `Gruppen har ${docs.length} dokument`, `The group has ${docs.length} document${docs.length === 1 ? '' : 's'}`)}:\n${lines.join('\n')}${more}`,
    citations: shown.map((d) => ({ document: docName(d), documentId: d.id, page: null, quote: d.file_name })),
    facts: docs.map((d) => `Document: ${docName(d)} (${d.kind ?? '?'}, ${d.doc_date ?? 'no date'}, ${d.page_count ?? '?'} pages, file ${d.file_name})`),
  };
}

const DOC_WORDS = /^(namner|namns|tar|upp|handlar|innehaller|mention\w*|talks?|contains?|refers?|dokument\w*|documents?|files?|filer)$/;

export async function answerDocumentsMentioning(ctx: HandlerContext): Promise<HandlerResult | null> {
  const terms = contentTerms(ctx.question).filter((x) => !DOC_WORDS.test(x.folded));
  if (terms.length === 0) return null;
  const passages = (await searchPassages(ctx.db, ctx.groupIds, terms, 60, ctx.question)).filter((p) => passageAnswers(p, terms));
  if (passages.length === 0) return null;
  const byDoc = new Map<string, typeof passages>();
  for (const p of passages) byDoc.set(p.documentId, [...(byDoc.get(p.documentId) ?? []), p]);
  const { lang } = ctx;
  const p = lang === 'sv' ? 's.' : 'p.';
  const lines = [...byDoc.values()].map((ps) => `• ${ps[0]!.document} (${p} ${[...new Set(ps.map((x) => x.page))].sort((a, b) => a - b).join(', ')})`);
  return {
    found: true,
    answer: `${t(lang, 'Dessa dokument nämner det', 'These documents mention it')}:\n${lines.join('\n')}`,
    citations: [...byDoc.values()].map((ps) => ({
      document: ps[0]!.document,
      documentId: ps[0]!.documentId,
      page: ps[0]!.page,
      quote: clip(ps[0]!.quote, 300),
    })),
    facts: [],
  };
}
