/**
 * Document dates from noisy headers (issue 11): a compact "YYMMDD" heading, a date inside the
 * heading's sentence ("Protokoll fört vid …"), a date after a weekday ("THURSDAY, 19/03/2026").
 */
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../parsers/extract.js';
import { textToPages } from '../../parsers/text-pages.js';

const dateOf = (lines: string[]) => extractFacts(textToPages(lines.join('\n')), { format: 'txt' }).document.date;

describe('document date from noisy headers', () => {
  it('reads a compact YYMMDD heading', () => {
    expect(dateOf(['Styrelsemöte 220320', '', 'Närvarande: Anna Berg, Per Holm', '', '1. Mötet öppnas'])).toBe('2022-03-20');
    expect(dateOf(['# Sammanfattning 24-10-21', '', 'Närvarande: Bolagsverket, Digg'])).toBe('2024-10-21');
  });
  it('reads the date inside the heading sentence, wrapped or not', () => {
    expect(
      dateOf([
        'PROTOKOLL fört vid sammanträde med Styrelsen inom Roxens Fiskevårdsom-',
        'rådesförening 4 mars 2015 Stjärnvallen, Stjärnorp.',
        '',
        'Närvarande: Eddie Uggla ordf.',
      ]),
    ).toBe('2015-03-04');
  });
  it('reads a date after a weekday', () => {
    expect(dateOf(['Trustee and Committee Meeting Minutes', 'THURSDAY, 19/03/2026 @ 09:00 am in the Village Hall', 'Present', 'Bob, Lance, Chris'])).toBe(
      '2026-03-19',
    );
  });
});
