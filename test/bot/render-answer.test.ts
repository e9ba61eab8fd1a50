import { describe, expect, it } from 'vitest';
import { renderAnswer, sourcesLine } from '../../bot/logic/render-answer.js';

describe('rendering an answer for chat', () => {
  it('adds one compact sources line', () => {
    const text = renderAnswer({ answer: 'Sex personer var frånvarande.', citations: [{ document: 'Mötesanteckning', page: 1 }], language: 'sv' });
    expect(text).toBe('Sex personer var frånvarande.\n\nKälla: Mötesanteckning, s. 1');
  });

  it('keeps an answer that already names its source mid-text, without a second line', () => {
    const answer = 'Frånvarande: Anna Torstensson. Källa: Mötesanteckning, s. 1.';
    const text = renderAnswer({ answer, citations: [{ document: 'Mötesanteckning', page: 1 }], language: 'sv' });
    expect(text).toBe(answer);
    expect(text.match(/Källa/g)).toHaveLength(1);
  });

  it('merges pages per document and speaks English when asked in English', () => {
    expect(
      sourcesLine(
        [
          { document: 'Plan', page: 9 },
          { document: 'Plan', page: 3 },
        ],
        'en',
      ),
    ).toBe('Source: Plan, pp. 3, 9');
  });
});
