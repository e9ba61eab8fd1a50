/**
 * Citations the Teams way: numbered "[1]" markers in the text and one message entity that lists
 * them, so Teams shows each source (document, page, an extract) under the answer and opens the
 * document at that page. Plain TypeScript; the bot resolves document links (bot/teams-answer.ts).
 *
 * The entity's shape, checked against (2026):
 * - teams-ai v1 `AIEntity` / `ClientCitation` (node_modules/@microsoft/teams-ai/lib/types/): type
 *   `https://schema.org/Message`, `@type: 'Message'`, `@context: 'https://schema.org'`, `@id: ''`,
 *   `citation: [{ '@type': 'Claim', position, appearance: { '@type': 'DigitalDocument', name
 *   (≤ 80 chars), abstract (≤ 160), url? } }]`, `additionalType: ['AIGeneratedContent']`;
 * - Microsoft Learn, "Bot messages with AI-generated content" (format-ai-bot-messages): in-text
 *   citations are "[#]" markers matched to `position`; the AI label is `additionalType`, and it is
 *   optional (an engine answer is not AI-generated, so it carries citations without the label);
 * - teams-ai's own SayCommand keeps only citations whose "[n]" appears in the text
 *   (`Utilities.getUsedCitations`); users report citations that fail to render when a marker has
 *   no entry or an entry has no `url`, so only sources with a link get a marker at all;
 * - the Agents Playground validates the entity (at most 10 citations, positions > 0).
 */
import type { StreamingResponse } from '@microsoft/teams-ai';

/** teams-ai v1's `ClientCitation` (its types/ folder is not exported from the package root). */
export type ClientCitation = NonNullable<StreamingResponse['citations']>[number];

export interface SourceRef {
  document: string;
  documentId: string | null;
  page: number | null;
  /** The text the answer rests on (becomes the abstract). */
  quote: string;
}

export interface NumberedRef extends SourceRef {
  n: number;
  /** The signed document URL at the cited page. */
  url: string;
}

/** The Teams message entity (teams-ai's AIEntity, with the AI label optional). */
export interface MessageEntity {
  type: 'https://schema.org/Message';
  '@type': 'Message';
  '@context': 'https://schema.org';
  '@id': '';
  additionalType?: ['AIGeneratedContent'];
  citation?: ClientCitation[];
}

/** Teams shows at most this many; the Playground refuses more. */
export const MAX_CITATIONS = 10;

const SOURCES_LINE = /(^|\n|\s)(Källa|Källor|Sources?):[^\n]*$/;

/** The answer without a sources line at its end ("… Källa: X, s. 3."): the numbered one replaces it. */
export function withoutSourcesLine(answer: string): string {
  return answer.replace(SOURCES_LINE, '').trimEnd();
}

export function clipText(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

const key = (r: { documentId: string | null; document: string; page: number | null }) => `${r.documentId ?? r.document}|${r.page ?? ''}`;

/**
 * One number per cited document page, in order of first mention; refs without a link get none.
 * Returns the numbered refs and, for each input ref, its number (or null).
 */
export function numberRefs(refs: SourceRef[], urlOf: (r: SourceRef) => string | null): { numbered: NumberedRef[]; numberOf: Array<number | null> } {
  const byKey = new Map<string, NumberedRef>();
  const numberOf = refs.map((r) => {
    const k = key(r);
    const seen = byKey.get(k);
    if (seen) return seen.n;
    if (byKey.size >= MAX_CITATIONS) return null;
    const url = urlOf(r);
    if (!url) return null;
    const n = byKey.size + 1;
    byKey.set(k, { ...r, n, url });
    return n;
  });
  return { numbered: [...byKey.values()], numberOf };
}

/** "Källa: Plan, s. 3 [1], 9 [2]; Protokoll, s. 1 [3]" — documents in order, pages with their numbers. */
export function numberedSourcesLine(refs: Array<SourceRef & { n?: number | null }>, language: 'sv' | 'en'): string {
  const docs = new Map<string, Array<{ page: number | null; n: number | null }>>();
  for (const r of refs) {
    const pages = docs.get(r.document) ?? docs.set(r.document, []).get(r.document)!;
    if (!pages.some((p) => p.page === r.page && p.n === (r.n ?? null))) pages.push({ page: r.page, n: r.n ?? null });
  }
  if (docs.size === 0) return '';
  const parts = [...docs].map(([doc, pages]) => {
    const marks = (p: { n: number | null }) => (p.n ? ` [${p.n}]` : '');
    const withPage = pages.filter((p) => p.page !== null).sort((a, b) => a.page! - b.page!);
    const without = pages.filter((p) => p.page === null);
    const pageText = withPage.map((p) => `${p.page}${marks(p)}`).join(', ');
    const label = language === 'en' ? (withPage.length > 1 ? 'pp.' : 'p.') : 's.';
    return `${doc}${without.map(marks).join('')}${pageText ? `, ${label} ${pageText}` : ''}`;
  });
  const label = language === 'en' ? (docs.size > 1 ? 'Sources' : 'Source') : 'Källa';
  return `${label}: ${parts.join('; ')}`;
}

/** The citation name: "Document, s. 3", at most 80 characters with the page kept. */
export function citationName(r: SourceRef, language: 'sv' | 'en'): string {
  const page = r.page !== null ? `, ${language === 'en' ? 'p.' : 's.'} ${r.page}` : '';
  return `${clipText(r.document, 80 - page.length)}${page}`;
}

/** Markers "[n]" present in a text. */
export function markersIn(text: string): Set<number> {
  return new Set([...text.matchAll(/\[(\d{1,3})\]/g)].map((m) => Number(m[1])));
}

/**
 * The message entity for a text: citations for the numbered refs whose "[n]" is in the text, and
 * the AI label when a model phrased it. Null when there is neither.
 */
export function messageEntity(text: string, refs: NumberedRef[], o: { aiGenerated: boolean; language: 'sv' | 'en' }): MessageEntity | null {
  const used = markersIn(text);
  const citation: ClientCitation[] = refs
    .filter((r) => used.has(r.n))
    .map((r) => ({
      '@type': 'Claim',
      position: r.n,
      appearance: {
        '@type': 'DigitalDocument',
        name: citationName(r, o.language),
        abstract: clipText(r.quote || r.document, 160),
        url: r.url,
      },
    }));
  if (citation.length === 0 && !o.aiGenerated) return null;
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    ...(o.aiGenerated ? { additionalType: ['AIGeneratedContent'] as ['AIGeneratedContent'] } : {}),
    ...(citation.length ? { citation } : {}),
  };
}
