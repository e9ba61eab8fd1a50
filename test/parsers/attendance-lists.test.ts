/**
 * Attendance lists as real protocols print them (issue 11), modelled on the layouts of the real
 * corpus with other names: runs of names without commas cut by surname shapes, names the lexicon
 * does not know inside a list of names, replacement for some items only, roles printed after all
 * the names, unit names inside a title, full stops between names, and more list labels.
 */
import { describe, expect, it } from 'vitest';
import type { ExtractResult } from '../../core/facts.js';
import { extractFacts } from '../../parsers/extract.js';
import { splitNameRun } from '../../parsers/facts/attendance/name-runs.js';
import { textToPages } from '../../parsers/text-pages.js';

const facts = (text: string): ExtractResult => extractFacts(textToPages(text), { format: 'txt' });
const present = (r: ExtractResult) =>
  r.attendees
    .filter((a) => a.present)
    .map((a) => a.name)
    .sort();
const absent = (r: ExtractResult) =>
  r.attendees
    .filter((a) => !a.present)
    .map((a) => a.name)
    .sort();

describe('runs of names without commas', () => {
  it('cuts where a surname-shaped word ends a name, not only where a known given name starts one (in a list of names)', () => {
    const run = 'Olle Säfberg Jonas Nilsson Hilkka Andersson Angelica Lundgren Bielinski Ulf Rörstad'.split(' ');
    expect(splitNameRun(run, { allowSingle: false, honorific: false, lenient: 'surname' })?.map((p) => p.join(' '))).toEqual([
      'Olle Säfberg',
      'Jonas Nilsson',
      'Hilkka Andersson',
      'Angelica Lundgren Bielinski',
      'Ulf Rörstad',
    ]);
  });

  it('reads a Bilaga list with stars, ", , kl" and names the lexicon does not know, and passes over a room name', () => {
    const r = facts(
      [
        'Bilaga 1. Kommunfullmäktiges protokoll',
        '',
        'Beslutande Olle Säfberg Sara Ejnell Svensson *Hilkka Andersson *Anders Rapp, , kl Mats Wiking, , kl Sofia Holm, , kl ' +
          'Tallat Abdel Mallak Carina Lorentzon Fahimeh Nordborg Remigiusz Bielinski Jenny Bergius, Salima Daidan (V), ' +
          'Rådhussalen Eva Johansson',
      ].join('\n'),
    );
    expect(present(r)).toEqual(
      [
        'Anders Rapp',
        'Carina Lorentzon',
        'Eva Johansson',
        'Fahimeh Nordborg',
        'Hilkka Andersson',
        'Jenny Bergius',
        'Mats Wiking',
        'Sofia Holm',
        'Olle Säfberg',
        'Remigiusz Bielinski',
        'Salima Daidan',
        'Sara Ejnell Svensson',
      ].sort(),
    );
  });
});

describe('list entries', () => {
  it('keeps a member replaced for some items only, and makes one replaced for the whole meeting absent', () => {
    const r = facts(
      [
        'Protokoll kommunstyrelsen',
        '',
        'Beslutande Ledamöter Kjell Holm (S), Bo Lind (V), Tommy Berg (KD) och Per Ek (FP). Tjänstgörande ersättare ' +
          'Anna Samuelsson (KD) ersätter Tommy Berg (KD), Cecilia Kvist (V) ersätter Bo Lind (V) 170, 172-184, Övriga närvarande ' +
          'Tjänstemän kommunsekreterare Lena Mattsson, mark- och exploateringsingenjör Britt Andersson 165, förvaltningschef för ' +
          'Intern Service Torbjörn Friberg. Justering',
      ].join('\n'),
    );
    expect(present(r)).toEqual(
      ['Anna Samuelsson', 'Bo Lind', 'Britt Andersson', 'Cecilia Kvist', 'Kjell Holm', 'Lena Mattsson', 'Per Ek', 'Torbjörn Friberg'].sort(),
    );
    expect(absent(r)).toEqual(['Tommy Berg']);
  });

  it('reads names printed before all their roles, and full stops between names', () => {
    const r = facts(
      [
        'Minutes of the Board Meeting in Public 25 April 2017',
        '',
        'In Attendance: Chris Ashby Peter Hughes Mark Morgan Interim Chair Director of Finance Director of Operations (Mental Health, Social Care) ' +
          'Company Secretary & Head of Corporate Governance',
        '',
        'Apologies for Absence',
        'Daphne Bettle, James Puxley, Mark Kleingeld. Maria Bukovenczki.',
      ].join('\n'),
    );
    expect(present(r)).toEqual(['Chris Ashby', 'Mark Morgan', 'Peter Hughes']);
    expect(absent(r)).toEqual(['Daphne Bettle', 'James Puxley', 'Maria Bukovenczki', 'Mark Kleingeld']);
  });

  it('reads invited people as present, and adjusters labelled "Justeringsmän" as no attendee names', () => {
    const r = facts(
      [
        'Board meeting 24 September 2015',
        '',
        'Attendees\tTony Brown (Chair), Sylvia Knights, Anne Mallalieu',
        'Invited\tNikki Sturmey (Clerk to the Board), Krystal Vittles (Innovation manager)',
        '',
        '1. Närvarande:',
        'Caj Lindblom, Patrik Lundin, Erik Hopkins',
        '3. Justeringsmän: Patrik Lundin, Erik Hopkins.',
      ].join('\n'),
    );
    expect(present(r)).toEqual(
      ['Anne Mallalieu', 'Caj Lindblom', 'Erik Hopkins', 'Krystal Vittles', 'Nikki Sturmey', 'Patrik Lundin', 'Sylvia Knights', 'Tony Brown'].sort(),
    );
  });

  it('reads the lists under a Markdown "Attendees present" heading', () => {
    const r = facts(
      [
        '# Minutes of the 3rd meeting',
        '',
        '## Attendees',
        '',
        '### Attendees present',
        '',
        'The following new board members were present:',
        '',
        '- James Belsey, Morgan Stanley',
        '- Lars Hupel, community/Typelevel',
        '',
        '## Proceedings',
      ].join('\n'),
    );
    expect(present(r)).toEqual(['James Belsey', 'Lars Hupel']);
  });
});

describe('absence written in prose', () => {
  it('reads apologies and absences from sentences, with honorifics and initials', () => {
    const r = facts(
      [
        'Minutes of the Trustee meeting held on 21st July 2015',
        '',
        'Present: Cllr P Batty (Chairman), Cllr Beck, Cllr Jones',
        '',
        '2. Apologies for Absence',
        'Alan Yates noted apologies from Judith Smyth, Non-Executive Director.',
        'Apologies for absence were received from Cllr Purves With the absence of the Vice Chairman it was proposed.',
        '•    Cllr I Wroth & Cllr H Wroth sent apologies.',
        '* Mara and Carol gave apologies',
        'Trustee Hayden did not attend.',
        'The chair said the report was absent from the pack.',
      ].join('\n'),
    );
    expect(absent(r)).toEqual(['Carol', 'H Wroth', 'Hayden', 'I Wroth', 'Judith Smyth', 'Mara', 'Purves']);
    expect(present(r)).toEqual(['Beck', 'Jones', 'P Batty']);
  });

  it('reads "X (M) för Y (M)" and "tgj ers för Y" as Y replaced, and "har anmält förhinder"', () => {
    const r = facts(
      [
        'Protokoll 2026-03-12',
        '',
        'Beslutande Per Andersson (S) Gunnar Lagberg (M) för Johan Björkman (M) Barbro Johansson (C), Diana Laitinen (S), tgj ers för Eva-Lena Österljung (S)',
        '',
        'Kerstin Holm har anmält förhinder.',
      ].join('\n'),
    );
    expect(absent(r)).toEqual(['Eva-Lena Österljung', 'Johan Björkman', 'Kerstin Holm']);
    expect(present(r)).toEqual(['Barbro Johansson', 'Diana Laitinen', 'Gunnar Lagberg', 'Per Andersson']);
  });
});

describe('lists without the usual shape', () => {
  it('reads a list of surnames after a plural honorific, with the chair in parentheses', () => {
    const r = facts(
      [
        'Minutes of the Charity Trustee meeting held on 21st July 2015',
        'Present: Trustees Alexander (Chair), James, Giddens, Hodson, Howden and the Clerk',
        '',
        '43.15 Apologies and reasons for absence',
      ].join('\n'),
    );
    expect(present(r)).toEqual(['Alexander', 'Giddens', 'Hodson', 'Howden', 'James']);
    expect(r.attendees.filter((a) => a.flags.includes('chair')).map((a) => a.name)).toEqual(['Alexander']);
    expect(r.attendees.filter((a) => a.flags.includes('secretary'))).toEqual([]);
  });

  it('reads a roster printed with no label, a guest attending by invitation and an organisation after a name', () => {
    const r = facts(
      [
        'Minutes of a Trustee Meeting',
        'held on 23rd July 2018 at 7.30pm.',
        '',
        'Alan Cadman (Chairman), Liz Winter (Secretary), Maureen Shouksmith (Treasurer), Denise Hobday, Peter Dawson, Jutta Brawn, Sue Armstrong.',
        'Gill Brown attended by invitation as the appointed representative of the Ladies (Item 8).',
        '',
        'Matters Arising',
        'Pre-School Boiler Lindseys would replace the valve. Anna Berg, Per Holm and Ulf Ek will report back.',
        '',
        'Närvarande: Eddie Uggla ordf., Anders Abelius, Åke Wester samt Christina Lindhagen Sportfiskarna.',
      ].join('\n'),
    );
    expect(present(r)).toEqual(
      [
        'Alan Cadman',
        'Anders Abelius',
        'Christina Lindhagen',
        'Denise Hobday',
        'Eddie Uggla',
        'Gill Brown',
        'Jutta Brawn',
        'Liz Winter',
        'Maureen Shouksmith',
        'Peter Dawson',
        'Sue Armstrong',
        'Åke Wester',
      ].sort(),
    );
    expect(r.attendees.filter((a) => a.flags.includes('secretary')).map((a) => a.name)).toEqual(['Liz Winter']);
  });
});

describe('chair and secretary said in prose or in a role after the name', () => {
  const flagged = (r: ExtractResult, f: string) => r.attendees.filter((a) => a.flags.includes(f as never)).map((a) => a.name);

  it('reads who chaired and who took the minutes from sentences', () => {
    const r = facts(
      [
        'Minutes of the 3rd meeting',
        '',
        'Minutes were taken by Seth Tisue (secretary).',
        '',
        'Attendees: James Belsey, Lars Hupel, Jon Pretty, Seth Tisue',
        '',
        'As chairperson, Jon Pretty conducted the meeting, made the opening remarks.',
      ].join('\n'),
    );
    expect(flagged(r, 'chair')).toEqual(['Jon Pretty']);
    expect(flagged(r, 'secretary')).toEqual(['Seth Tisue']);
  });

  it('reads the chair who welcomed the members, and the clerk to the board as secretary', () => {
    const r = facts(
      [
        'Minutes of the Board Meeting in Public',
        '',
        'Attendees\tTony Brown, Sylvia Knights, Anne Mallalieu',
        'Invited\tNikki Sturmey (Clerk to the Board), Krystal Vittles (Innovation manager)',
        '',
        '1.1. Anne Mallalieu welcomed members to the meeting, which she opened at 10:20.',
      ].join('\n'),
    );
    expect(flagged(r, 'chair')).toEqual(['Anne Mallalieu']);
    expect(flagged(r, 'secretary')).toEqual(['Nikki Sturmey']);
  });

  it('does not read a compound job title ending in -sekreterare as the meeting secretary', () => {
    const r = facts(
      [
        'Socialutskottet 2026-03-12',
        '',
        'Övriga deltagande',
        'Ulla Henriksson, socialchef',
        'Pernilla Nyman, socialsekreterare',
        'Ann Axelsson, sekreterare',
      ].join('\n'),
    );
    expect(flagged(r, 'secretary')).toEqual(['Ann Axelsson']);
  });
});

describe('names in table cells', () => {
  it('keeps "and" inside a parenthesised role, and joins a name wrapped in its cell', () => {
    const r = facts(
      [
        'OPEN BOARD MEETING MINUTES',
        '',
        'Attendees\tTony Brown (Chair), Sylvia Knights (Vice Chair), Alison',
        '\tWheeler (General Manager), Sue Buck, Marion',
        '\tHarvey',
        'Invited\tNikki Sturmey (Clerk to the Board), Krystal Vittles (Libraries Innovation and Development manager), James Hargrave (IT Manager)',
        '',
        '2. Welcome and Apologies',
        'Apologies were received from Marion Harvey.',
      ].join('\n'),
    );
    expect(present(r)).toEqual(['Alison Wheeler', 'James Hargrave', 'Krystal Vittles', 'Nikki Sturmey', 'Sue Buck', 'Sylvia Knights', 'Tony Brown'].sort());
    expect(absent(r)).toEqual(['Marion Harvey']);
  });
});

describe('a list over a page break', () => {
  it('reads the names at the top of the next page, and a star after a party tag starts a person', () => {
    const r = facts(
      [
        'PROTOKOLL (40)',
        '',
        '2 (40) Bilaga 1. Kommunfullmäktiges protokoll Beslutande Olle Säfberg Sara Ejnell Svensson Viveca Dalhammar, , kl Jenny Bergius (M) (V) (V)',
        '',
        '3 (40) *Anna Younis Sari Samuelsson Michael Meijer, , kl Ulf Rörstad (M) (M) * Håkan Deleskog (KD) *Bedros Cicek (KD) Kent Almkvist (C)',
        '',
        '4 (40) § 1 Val av justerare. Karin Berg och Per Holm utses att justera.',
      ].join('\n'),
    );
    expect(present(r)).toEqual(
      [
        'Anna Younis',
        'Bedros Cicek',
        'Håkan Deleskog',
        'Jenny Bergius',
        'Kent Almkvist',
        'Michael Meijer',
        'Olle Säfberg',
        'Sara Ejnell Svensson',
        'Sari Samuelsson',
        'Ulf Rörstad',
        'Viveca Dalhammar',
      ].sort(),
    );
  });
});

describe('a vertical list under a heading', () => {
  it('reads a first line the lexicon does not know once the lines after it show a list of names', () => {
    const r = facts(['## Attendees', '', '- Rob Swain', '- James Liu', '- Carter Anderson', '', '## Agenda', '', '1. Adopt bylaws'].join('\n'));
    expect(present(r)).toEqual(['Carter Anderson', 'James Liu', 'Rob Swain']);
  });
});

describe('council honorifics', () => {
  it('drops "Unitary Cllr", "County Cllr" before a name', () => {
    const r = facts(['Minutes of the Parish Council meeting', '', 'In attendance: Unitary Cllr J Davies, County Cllr Mary Hunt', ''].join('\n'));
    expect(present(r)).toEqual(['J Davies', 'Mary Hunt']);
  });
});

describe('people who were not there', () => {
  it('reads no attendee from a copy or distribution list, even one printed like a roster', () => {
    const r = facts(
      [
        'Minnesanteckningar styrgruppen 2026-02-10',
        '',
        'Närvarande: Anna Berg, Per Holm, Lisa Ek',
        '',
        'Kopia till:',
        'Karin Lund, Olof Ström, Maria Sjö',
        '',
        'Distribution',
        '',
        'Peter Bell, Jane Hartley, Sue Smith',
      ].join('\n'),
    );
    expect(present(r)).toEqual(['Anna Berg', 'Lisa Ek', 'Per Holm']);
  });
});
