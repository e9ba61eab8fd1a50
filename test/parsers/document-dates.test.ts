/**
 * Document dates from noisy headers (issue 11): a compact "YYMMDD" heading, a date inside the
 * heading's sentence ("Protokoll fört vid …"), a date after a weekday ("THURSDAY, 19/03/2026").
 */
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../parsers/extract.js';
import { textToPages } from '../../parsers/text-pages.js';

const factsOf = (lines: string[], fileName?: string) => extractFacts(textToPages(lines.join('\n')), { format: 'txt', fileName });
const dateOf = (lines: string[], fileName?: string) => factsOf(lines, fileName).document.date;

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

  it('reads English dates: "4th of April 2024", "April 4, 2024"', () => {
    expect(dateOf(['Minutes of the Parish Council meeting held on Thursday 4th of April 2024', '', 'Present: Cllr A Smith'])).toBe('2024-04-04');
    expect(dateOf(['Board of Trustees', 'Meeting Minutes', 'Date: April 4, 2024', 'Present: Ann Lee, Bo Ek'])).toBe('2024-04-04');
  });
  it('reads a year-first spaced date only when one order of day and month is a real date', () => {
    expect(dateOf(['Styrelsemöte 2017 27 06', '', 'Närvarande: Anna Berg, Per Holm'])).toBe('2017-06-27');
    expect(dateOf(['Styrelsemöte 2017 06 07', '', 'Närvarande: Anna Berg, Per Holm'])).toBeNull();
  });
  it('dates "den 4 april" with the year of the file name, and a weekday that agrees with the year elsewhere', () => {
    const lines = ['Protokoll fört vid styrelsemöte torsdagen den 4 april', '', 'Närvarande: Anna Berg, Per Holm'];
    expect(dateOf(lines, '2024-04-protokoll.pdf')).toBe('2024-04-04');
    expect(dateOf(lines)).toBeNull();
    expect(
      dateOf([
        'Revision as of 22:29, 18 October 2018 by Editor',
        '',
        'Draft Agenda with some notes',
        '',
        'Location: Mumble, Thursday 18th of October, at 21:00',
      ]),
    ).toBe('2018-10-18');
  });
  it('takes the date under a heading that labels it', () => {
    expect(
      dateOf([
        '# Minutes of the 3rd meeting, Q4 2016',
        '',
        'Some summary.',
        '',
        '## Date, Time and Location',
        '',
        'The meeting took place on Wednesday, November 30, 2016.',
      ]),
    ).toBe('2016-11-30');
  });
  it('skips page chrome for the title and reads the heading it quotes', () => {
    const f = factsOf([
      'Hoppa över navigering',
      '',
      'Save this PDF as:',
      '',
      'Storlek: px',
      '',
      'Download "Protokoll fört vid styrelsemöte i Föreningen 2003-12-07"',
      '',
      'Transkript',
      '',
      '1 Protokoll fört vid styrelsemöte',
    ]);
    expect(f.document.title).toBe('Protokoll fört vid styrelsemöte i Föreningen 2003-12-07');
    expect(f.document.date).toBe('2003-12-07');
  });
  it('takes no adjusting, certifying or previous-meeting date as the meeting date', () => {
    expect(dateOf(['PROTOKOLL', 'Justeras 2011-10-20', 'Utdragsbestyrkande 2011-10-21', 'Beslutande: Anna Berg (S)'])).toBeNull();
    expect(dateOf(['Minutes', '', 'Present: Ann Lee, Bo Ek', '2. Minutes of the previous meeting held 9 December 2015 were approved.'])).toBeNull();
  });
});
