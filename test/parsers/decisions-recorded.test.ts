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
});
