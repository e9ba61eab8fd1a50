/**
 * Renders an answer for a chat message: the answer text, then one compact source line
 * ("Källa: Mötesanteckningar 2026-03-02, s. 3"). Plain TypeScript.
 */

import { namesItsSource } from '../../answers/index.js';

export interface RenderableCitation {
  document: string;
  page: number | null;
}

/** "Källa: A, s. 3; B, s. 9" (or "Sources:" in English), duplicates merged, at most `max` entries. */
export function sourcesLine(citations: RenderableCitation[], language: 'sv' | 'en', max = 4): string {
  const seen = new Map<string, Set<number>>();
  for (const c of citations) {
    const pages = seen.get(c.document) ?? new Set<number>();
    if (c.page !== null && c.page !== undefined) pages.add(c.page);
    seen.set(c.document, pages);
  }
  if (seen.size === 0) return '';
  const parts = [...seen.entries()].slice(0, max).map(([doc, pages]) => {
    const list = [...pages].sort((a, b) => a - b);
    if (list.length === 0) return doc;
    return `${doc}, ${language === 'en' ? (list.length > 1 ? 'pp.' : 'p.') : 's.'} ${list.join(', ')}`;
  });
  const label = language === 'en' ? (parts.length > 1 ? 'Sources' : 'Source') : 'Källa';
  return `${label}: ${parts.join('; ')}`;
}

/** The answer with its sources line; the engine's answers usually carry one already, then it is kept as is. */
export function renderAnswer(a: { answer: string; citations: RenderableCitation[]; language: 'sv' | 'en' }): string {
  if (namesItsSource(a.answer)) return a.answer;
  const line = sourcesLine(a.citations, a.language);
  return line ? `${a.answer}\n\n${line}` : a.answer;
}
