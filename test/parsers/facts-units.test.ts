/** Small units: dates, text pages, normaliser, role rule, hostile input performance. */
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../parsers/extract.js';
import { parseRole } from '../../parsers/facts/attendees.js';
import { normalizePages, splitSentences } from '../../parsers/normalize.js';
import { findDates, findTime, parseDate } from '../../parsers/swedish-dates.js';
import { textToPages } from '../../parsers/text-pages.js';

describe('swedish-dates', () => {
  it('parses the forms minutes use', () => {
    expect(parseDate('2 mars', { year: 2026 })).toBe('2026-03-02');
    expect(parseDate('den 17 april 2026')).toBe('2026-04-17');
    expect(parseDate('2026-04-17')).toBe('2026-04-17');
    expect(parseDate('17/4', { year: 2026 })).toBe('2026-04-17');
    expect(parseDate('April 7, 2026')).toBe('2026-04-07');
    expect(parseDate('17 april')).toBeNull();
    expect(parseDate('2026-02-30')).toBeNull();
    expect(findDates('perioden 2020-2021')).toHaveLength(0);
    expect(findTime('kl. 13.00–15.00, Teams')?.text).toBe('13.00–15.00');
    expect(findTime('punkt 5.1')).toBeNull();
  });
});

describe('textToPages and normalize', () => {
  it('splits pages on form feed and keeps tab columns as cells', () => {
    const pages = textToPages('A\tB\n\fSecond page');
    expect(pages).toHaveLength(2);
    const doc = normalizePages(pages);
    expect(doc.paras[0]!.cells).toEqual(['A', 'B']);
    expect(doc.paras[1]!.page).toBe(2);
  });
  it('splits sentences but not at abbreviations', () => {
    expect(splitSentences('Vi ses kl. 10 t.ex. i salen. Nästa punkt.').map((s) => s.text)).toEqual(['Vi ses kl. 10 t.ex. i salen.', 'Nästa punkt.']);
  });
});

describe('role rule', () => {
  it('splits role, organisation and flags', () => {
    expect(parseRole('Närvårdskontoret, Sekreterare')).toEqual({ role: 'Sekreterare', organisation: 'Närvårdskontoret', flags: ['secretary'] });
    expect(parseRole('Brukarföreträdare NSPH')).toEqual({ role: 'Brukarföreträdare', organisation: 'NSPH', flags: [] });
    expect(parseRole('1:e vice ordförande').flags).toEqual([]);
  });
});

describe('hostile input', () => {
  // Speed is measured by `npm run bench`; here: hostile text still yields its facts (a regex that
  // backtracked catastrophically would hang this test instead).
  it('extracts a 400-page-sized text with very long lines', () => {
    const para = 'Anna Andersson skickar ut underlaget till nästa möte. ' + 'x'.repeat(5000) + '\n\n';
    const page = 'Närvarande: ' + 'Anna, '.repeat(500) + 'Per\n\n' + para.repeat(5);
    const text = Array.from({ length: 400 }, () => page).join('\f');
    const r = extractFacts(textToPages(text), { format: 'txt' });
    expect(r.document.pages).toBe(400);
  });
});
