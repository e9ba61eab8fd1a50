/**
 * Decisions only where the meeting settled something (issue 11): short past-passive records
 * ("Röstlängden fastställdes."), English capitals and "was approved"; not a proposal ("föreslår …
 * att besluta"), the approval of the agenda or the last minutes (procedure), an election, or
 * history told in the past passive.
 */
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../parsers/extract.js';
import { textToPages } from '../../parsers/text-pages.js';

const decisions = (text: string) => extractFacts(textToPages(text), { format: 'txt' }).decisions.map((d) => d.text);

describe('recorded decisions', () => {
  it('counts short past-passive records and English approvals, and no election', () => {
    expect(
      decisions(
        [
          'Protokoll fört vid styrelsemöte 2003-12-07',
          '',
          '1. Formalia Mötet öppnades. Röstlängden fastställdes. Mötet förklarades behörigt. Tomas Dahl valdes till mötesordförande.',
        ].join('\n'),
      ),
    ).toEqual(['Röstlängden fastställdes', 'Mötet förklarades behörigt']);
    expect(
      decisions(
        [
          'Minutes of the Trustees meeting held 3 February 2016',
          '',
          '2.1 The minutes were amended to delete an inaccuracy and then accepted as a true record.',
          '13.1 DO had obtained costs for the provision of 2 planters. These would cost approximately £200. AGREED to purchase.',
          '14.1 The revised budget for 2016 was approved.',
        ].join('\n'),
      ),
    ).toEqual(['AGREED to purchase', 'The revised budget for 2016 was approved']);
  });

  it('takes no proposal and no history as a decision', () => {
    expect(
      decisions(
        [
          'Protokoll 2026-02-10',
          '',
          'Förvaltningen föreslår att nämnden beslutar att anta riktlinjerna.',
          'Barnkliniken beviljades 1 800 000 kronor för 2018-2019 för att förbättra vården av barn med fetma.',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('reads "Beslut:" inside an item, several in one paragraph, but not the titles of a table of contents', () => {
    expect(
      decisions(
        [
          'SG minnesanteckningar 140504',
          '',
          '6.1. Arbetsmötet i sommar Förslag från förra mötet är att mötet hålls i juni. Beslut: att maila ut två förslag på datum.',
          '6.3. Inför SK-möte Beslut: Markus hör med Jeanette om rapporten. Beslut: Eva-Lotta fixar 30 kopior på dagordningen.',
          '',
          'Dagordning 1. Formalia Rapporter...5 Rapport: Ekonomi Rapport: Kansliet Beslut: Bidragssystem Beslut: Riksmöte...54 Diskussion: Nästa Slag',
        ].join('\n'),
      ),
    ).toEqual(['maila ut två förslag på datum', 'Markus hör med Jeanette om rapporten', 'Eva-Lotta fixar 30 kopior på dagordningen']);
  });

  it('reads Swedish decision verbs without "att", "beslöts" and "bestämmer vi att"', () => {
    expect(
      decisions(
        [
          'Minnesanteckningar från mötet 2009-03-16',
          '',
          '3. Byarådet beslutar ansöka om medel för årets verksamhet.',
          'Beslöts att revidera budgeten för 2010-11.',
          'Preliminärt bestämmer vi att söndagen den 3 september blir datum för loppet.',
        ].join('\n'),
      ),
    ).toEqual(['ansöka om medel för årets verksamhet', 'revidera budgeten för 2010-11', 'söndagen den 3 september blir datum för loppet']);
  });

  it('reads English agreements in the passive and by the body, and names the motion a bare verdict settles', () => {
    expect(
      decisions(
        [
          'Board meeting minutes 2024-02-03',
          '',
          '## Opening a bank account',
          '',
          'Cart shall open a bank account on behalf of the Foundation.',
          '',
          'Proposed by: Cart',
          '',
          'Unanimously approved.',
          '',
          'The Complaints procedure was reviewed and adopted by the Board. The Board were in agreement with this.',
          'It was further agreed that all the current trustees would resign.',
          'The committee agreed to accept the offer to pay £10 a month.',
          'The role of chair will be decided at the first meeting. Ed Sheeran has also agreed to this.',
        ].join('\n'),
      ),
    ).toEqual([
      'Opening a bank account: Unanimously approved',
      'The Complaints procedure was reviewed and adopted by the Board',
      'The Board were in agreement with this',
      'all the current trustees would resign',
      'accept the offer to pay £10 a month',
    ]);
  });
});
