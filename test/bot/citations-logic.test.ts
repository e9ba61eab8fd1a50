/** Numbering sources and building the Teams citation entity (bot/logic/citations.ts), on its own. */
import { describe, expect, it } from 'vitest';
import { citationName, messageEntity, numberedSourcesLine, numberRefs, withoutSourcesLine, type SourceRef } from '../../bot/logic/citations.js';

const ref = (document: string, page: number | null, documentId: string | null = document): SourceRef => ({
  document,
  documentId,
  page,
  quote: `${document} ${page}`,
});
const url = (r: SourceRef) => (r.documentId === 'no-link' ? null : `https://bot.example/documents/${r.documentId}?exp=1&sig=x#page=${r.page}`);

describe('numbering sources', () => {
  it('gives one number per document page, in order, and none to a source without a link', () => {
    const refs = [ref('Plan', 9), ref('Plan', 3), ref('Plan', 9), ref('Utan länk', 1, 'no-link'), ref('Protokoll', 1)];
    const { numbered, numberOf } = numberRefs(refs, url);
    expect(numberOf).toEqual([1, 2, 1, null, 3]);
    expect(numbered.map((r) => [r.document, r.page, r.n])).toEqual([
      ['Plan', 9, 1],
      ['Plan', 3, 2],
      ['Protokoll', 1, 3],
    ]);
    expect(
      numberedSourcesLine(
        refs.map((r, i) => ({ ...r, n: numberOf[i] })),
        'sv',
      ),
    ).toBe('Källa: Plan, s. 3 [2], 9 [1]; Utan länk, s. 1; Protokoll, s. 1 [3]');
  });

  it('stops at ten numbers (what Teams shows)', () => {
    const { numbered } = numberRefs(
      Array.from({ length: 14 }, (_, i) => ref('Plan', i + 1)),
      url,
    );
    expect(numbered).toHaveLength(10);
  });

  it('removes the engine’s own trailing sources line, on its own line or after the last sentence', () => {
    expect(withoutSourcesLine('Beslut:\n• a\nKälla: Protokoll, s. 1.')).toBe('Beslut:\n• a');
    expect(withoutSourcesLine('Sex var frånvarande. Källa: Protokoll, s. 1.')).toBe('Sex var frånvarande.');
    expect(withoutSourcesLine('Ingen källa här.')).toBe('Ingen källa här.');
  });
});

describe('the message entity', () => {
  it('lists only the sources whose marker is in the text, with clipped names and abstracts', () => {
    const long = ref('Ett mycket långt dokumentnamn '.repeat(6).trim(), 12);
    long.quote = 'ord '.repeat(100);
    const { numbered } = numberRefs([long, ref('Plan', 3)], url);
    const e = messageEntity('Svaret [1].', numbered, { aiGenerated: false, language: 'sv' })!;
    expect(e.additionalType).toBeUndefined();
    expect(e.citation).toHaveLength(1);
    const a = e.citation![0]!.appearance;
    expect(a.name.length).toBeLessThanOrEqual(80);
    expect(a.name).toMatch(/, s\. 12$/);
    expect(a.abstract.length).toBeLessThanOrEqual(160);
    expect(a.url).toMatch(/#page=12$/);
  });

  it('has the AI label when a model phrased the text, and is absent when there is nothing to say', () => {
    expect(messageEntity('Inget citat.', [], { aiGenerated: true, language: 'sv' })).toEqual({
      type: 'https://schema.org/Message',
      '@type': 'Message',
      '@context': 'https://schema.org',
      '@id': '',
      additionalType: ['AIGeneratedContent'],
    });
    expect(messageEntity('Inget citat.', [], { aiGenerated: false, language: 'sv' })).toBeNull();
    expect(citationName(ref('Plan', null), 'en')).toBe('Plan');
  });
});
