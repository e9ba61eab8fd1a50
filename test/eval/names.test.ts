import { describe, expect, it } from 'vitest';
import { matchNames, nameKey, sameName, sameNameSet } from '../../eval/names.js';

describe('eval name normaliser', () => {
  it('folds case, accents, whitespace, quotes and dashes', () => {
    expect(nameKey('  Torbjörn   METSÄLÄ–Lindell ')).toBe('torbjorn metsala-lindell');
    expect(sameName('Per-Åke Jansson', 'Per‐Ake  Jansson')).toBe(true);
    expect(sameName('Kerstin O’Neill', "Kerstin O'Neill")).toBe(true);
  });

  it('drops honorifics, party tags and other parenthesised notes the gold leaves out', () => {
    expect(nameKey('Cllr P. Morgan')).toBe('p morgan');
    expect(sameName('Mrs S Roberts', 'S Roberts')).toBe(true);
    expect(sameName('Anna Berg (S)', 'Anna Berg')).toBe(true);
    expect(sameName('Bertil Strandberg (BS)', 'Bertil Strandberg')).toBe(true);
    // A lone honorific is kept: it is all there is.
    expect(nameKey('Dr')).toBe('dr');
  });

  it('does not drop job titles or roles: splitting them off is the extractor’s job', () => {
    expect(sameName('Kommunalråd Anna Berg', 'Anna Berg')).toBe(false);
    expect(sameName('Christina Lindhagen Sportfiskarna', 'Christina Lindhagen')).toBe(false);
  });

  it('matches a gold "First Last" with a printed "Last, First", not other reorderings', () => {
    expect(sameName('Eddie Uggla', 'Uggla, Eddie')).toBe(true);
    expect(sameName('Uggla, Eddie', 'Eddie Uggla')).toBe(true);
    expect(sameName('Eddie Uggla', 'Uggla Eddie')).toBe(false);
    expect(sameName('Eddie Uggla', 'Eddie')).toBe(false);
  });

  it('keeps e-mail addresses intact', () => {
    expect(nameKey('Tommy@Drlindh.se')).toBe('tommy@drlindh.se');
    expect(sameName('kerstin.navander@gmail.com', 'kerstin.navandereriksson@gmail.com')).toBe(false);
  });

  it('matches lists one to one: a duplicate counts once', () => {
    const m = matchNames(['Anna Berg', 'Per Holm'], ['Berg, Anna', 'Anna Berg', 'Lisa Ek']);
    expect(m.pairs).toEqual([[0, 0]]);
    expect(m.missing).toEqual(['Per Holm']);
    expect(m.extra).toEqual(['Anna Berg', 'Lisa Ek']);
  });

  it('compares owner sets regardless of order', () => {
    expect(sameNameSet(['Ellen Lageholm', 'Charlotte Bliesener Falkenström'], ['Charlotte Bliesener Falkenström', 'Ellen Lageholm'])).toBe(true);
    expect(sameNameSet(['Sven Malmborg'], ['Sven'])).toBe(false);
    expect(sameNameSet([], [])).toBe(true);
    expect(sameNameSet([], ['Sven'])).toBe(false);
  });
});
