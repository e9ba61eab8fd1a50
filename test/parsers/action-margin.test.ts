/**
 * Owners in a right-hand "Action" column of a PDF (issue 11): board minutes laid out as a table,
 * discussion on the left and the initials of whoever acts on it on the right, through
 * parseDocument like an upload. The initials own the sentence on their line, wherever the text
 * layer puts them; initials nobody on the list has, or a document without such a column, give none.
 */
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../parsers/extract.js';
import { parseDocument } from '../../parsers/parse-document.js';
import { miniPdf, type PdfText } from '../helpers/mini-pdf.js';

const limits = { maxBytes: 10 * 1024 * 1024, maxPages: 10 };

function boardPdf(withColumn: boolean): Uint8Array {
  const page: PdfText[] = [
    { x: 72, y: 60, text: 'Open Board Minutes', size: 14 },
    { x: 72, y: 90, text: 'Date: 24 September 2015' },
    { x: 72, y: 110, text: 'Present: Tony Brown (Chair), Daniel Harvey, Nikki Sturmey, Sue Buck' },
    ...(withColumn ? [{ x: 480, y: 140, text: 'Action' }] : []),
    { x: 72, y: 170, text: '4. Finance Report', size: 12 },
    { x: 90, y: 190, text: 'Community groups have spent 17K on improving their libraries. It would be' },
    { x: 90, y: 204, text: 'very helpful if the Community Team Lead could ascertain what Community' },
    { x: 480, y: 204, text: 'DH' },
    { x: 90, y: 218, text: 'Groups are planning to pay for so this can be fed back to the Board.' },
    { x: 72, y: 250, text: '5. Health and Safety', size: 12 },
    { x: 90, y: 270, text: 'The policy was agreed by the Board. Copies of the signed document will be sent' },
    { x: 90, y: 284, text: 'to all libraries to put on their notice boards.' },
    { x: 480, y: 284, text: 'NS' },
    { x: 90, y: 304, text: 'The library hours were discussed and no change was proposed at this time.' },
    { x: 480, y: 304, text: 'XY' },
  ];
  return miniPdf([page]);
}

describe('action column initials', () => {
  it('give the sentence on their line to the attendee they name', async () => {
    const parsed = await parseDocument(boardPdf(true), 'board.pdf', limits);
    const r = extractFacts(parsed.pages, { format: 'pdf' });
    expect(r.actionItems.map((a) => [a.owners.join(' + '), a.task])).toEqual([
      [
        'Daniel Harvey',
        'It would be very helpful if the Community Team Lead could ascertain what Community Groups are planning to pay for so this can be fed back to the Board',
      ],
      ['Nikki Sturmey', 'Send copies of the signed document to all libraries to put on their notice boards'],
    ]);
  });

  it('are not read without a column headed for actions', async () => {
    const parsed = await parseDocument(boardPdf(false), 'board.pdf', limits);
    const r = extractFacts(parsed.pages, { format: 'pdf' });
    expect(r.actionItems.map((a) => a.owners.join(' + '))).toEqual(['']);
  });
});
