/**
 * Document date and next meeting on the real dev minutes (issue 11), one case per general rule.
 * The corpus is read from ../shared/corpus/real (never copied here); without it the suite skips.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCorpusDir } from '../../eval/corpus.js';
import { analyseDocument } from '../../parsers/analyse.js';

const { dir } = findCorpusDir();
const minutes = dir ? path.join(dir, 'minutes') : null;

async function factsOf(num: string) {
  const file = fs.readdirSync(minutes!).find((f) => f.startsWith(`${num}.`) && !f.endsWith('.json'))!;
  const a = await analyseDocument(new Uint8Array(fs.readFileSync(path.join(minutes!, file))), file, { maxBytes: 50e6, maxPages: 100 });
  return a.facts;
}

describe.skipIf(!minutes)('document date on real minutes (dev split)', () => {
  it.each([
    ['19', '2015-03-04', 'the heading sentence wraps onto the next line'],
    ['11', '2003-12-07', "the heading is quoted in a viewer's download bar"],
    ['35', '2018-07-23', '"held on" on the line under the title'],
    ['13', '2020-10-14', 'a date only in a heading above the title'],
    ['04', '2014-05-04', 'ÅÅMMDD in the heading'],
    ['16', '2022-08-29', 'ÅÅ-MM-DD in the heading'],
    ['20', '2012-11-19', 'a Tid label in a label/value header'],
    ['25', '2015-09-24', 'a Date label, English date'],
    ['29', '2024-02-03', 'front matter "date = …"'],
    ['34', '2015-07-21', 'English ordinal "21st July 2015"'],
    ['26', '2016-01-26', 'the meeting heading, not the agenda item "Minutes of the meeting held 9 December 2015"'],
    ['10', null, 'only an adjusting (justering) date: none'],
    ['07', null, 'no date at all: none'],
  ] as Array<[string, string | null, string]>)('m%s → %s (%s)', async (num, want) => {
    expect((await factsOf(num)).document.date).toBe(want);
  });
});

describe.skipIf(!minutes)('next meeting on real minutes (dev split)', () => {
  it.each([
    ['04', '2014-05-26', 'ÅÅMMDD after "Nästa telefonmöte:" and a weekday'],
    ['25', '2015-11-26', 'the label heading, a stray superscript line, then the date'],
  ])('m%s → %s (%s)', async (num, want) => {
    expect((await factsOf(num)).nextMeeting?.date ?? null).toBe(want);
  });
});
