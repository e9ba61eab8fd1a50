/** The compact "every word but at most one" formula the passage net gives the full-text index. */
import { describe, expect, it } from 'vitest';
import { allButOne } from '../../store/chunk-search.js';

/** Evaluates the formula (only `(`, `)`, `&&`, `||` and the names x0…) for one set of present words. */
function holds(formula: string, present: boolean[]): boolean {
  const js = formula.replace(/x(\d+)/g, (_m, i: string) => String(present[Number(i)]));
  expect(js).toMatch(/^[()&|\s truefals]+$/);
  return Function(`return ${js};`)() as boolean;
}

describe('allButOne', () => {
  it.each([2, 3, 4, 5, 6, 7, 8])('is true exactly when at most one of %i words is missing', (n) => {
    const xs = Array.from({ length: n }, (_, i) => `x${i}`);
    const f = allButOne(xs)!;
    for (let mask = 0; mask < 1 << n; mask++) {
      const present = xs.map((_, i) => ((mask >> i) & 1) === 1);
      expect(holds(f, present)).toBe(present.filter((p) => !p).length <= 1);
    }
    // Each word fewer times than in the plain OR of the n ways to leave one out.
    const occurrences = f.match(/x\d+/g)!.length;
    expect(occurrences).toBeLessThanOrEqual(n === 2 ? 2 : n * (n - 1) - 1);
  });

  it('is null (no condition) for one word', () => {
    expect(allButOne(['x0'])).toBeNull();
  });
});
