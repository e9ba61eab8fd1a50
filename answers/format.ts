/** Wording shared by the handlers: not-found messages, citations and the sources line. */
import type { AnswerLanguage, Citation } from './types.js';

export const NOT_FOUND: Record<AnswerLanguage, string> = {
  sv: 'Det framgår inte av gruppens dokument.',
  en: "The group's documents do not say.",
};

/** Longer questions get `tooLong` instead of an answer: a pasted page is not a question. */
export const MAX_QUESTION_CHARS = 500;

/** The polite reply to a question longer than `MAX_QUESTION_CHARS`. */
export function tooLong(lang: AnswerLanguage, length: number): string {
  return lang === 'sv'
    ? `Frågan är för lång för mig (${length} tecken). Skriv den kortare, högst ${MAX_QUESTION_CHARS} tecken, så svarar jag.`
    : `That question is too long for me (${length} characters). Please ask it in at most ${MAX_QUESTION_CHARS} characters.`;
}

/** The reply when the database gave up on a question (statement timeout). */
export const TOO_SLOW: Record<AnswerLanguage, string> = {
  sv: 'Det tog för lång tid att söka igenom dokumenten. Försök med en kortare eller enklare fråga.',
  en: 'Searching the documents took too long. Please try a shorter or simpler question.',
};

/** The name shown for a document: its title, else its file name. */
export function docName(d: { title: string | null; file_name: string } | undefined): string {
  if (!d) return '?';
  return d.title?.trim() || d.file_name;
}

/** Shortens a quote to about `max` characters at a word boundary. */
export function clip(s: string, max = 300): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)) + ' …';
}

/** "Källa: Mötesanteckning …, s. 1, 2." — one entry per document. */
export function sourcesLine(citations: Citation[], lang: AnswerLanguage): string {
  if (citations.length === 0) return '';
  const byDoc = new Map<string, Set<number>>();
  for (const c of citations) {
    const pages = byDoc.get(c.document) ?? new Set<number>();
    if (c.page !== null) pages.add(c.page);
    byDoc.set(c.document, pages);
  }
  const p = lang === 'sv' ? 's.' : 'p.';
  const parts = [...byDoc].map(([doc, pages]) => (pages.size ? `${doc}, ${p} ${[...pages].sort((a, b) => a - b).join(', ')}` : doc));
  return `${lang === 'sv' ? 'Källa' : 'Source'}: ${parts.join('; ')}.`;
}

/** True when an answer already names its source ("… Källa: X, s. 3."), so renderers add no second line. */
export function namesItsSource(answer: string): boolean {
  return /(^|\s)(Källa|Källor|Sources?):/.test(answer);
}

/** Joins a list as "a, b och c" / "a, b and c". */
export function joinList(items: string[], lang: AnswerLanguage): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'sv' ? 'och' : 'and'} ${items[items.length - 1]}`;
}

/** Picks the Swedish or English text. */
export function t(lang: AnswerLanguage, sv: string, en: string): string {
  return lang === 'sv' ? sv : en;
}
