/**
 * Decisions on the real dev minutes (issue 11), one case per rule: only where something was
 * decided. The corpus is read from ../shared/corpus/real (never copied here); without it the suite skips.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCorpusDir } from '../../eval/corpus.js';
import { analyseDocument } from '../../parsers/analyse.js';

const { dir } = findCorpusDir();
const minutes = dir ? path.join(dir, 'minutes') : null;

async function decisionsOf(num: string): Promise<string[]> {
  const file = fs.readdirSync(minutes!).find((f) => f.startsWith(`${num}.`) && !f.endsWith('.json'))!;
  const a = await analyseDocument(new Uint8Array(fs.readFileSync(path.join(minutes!, file))), file, { maxBytes: 50e6, maxPages: 100 });
  return a.facts.decisions.map((d) => d.text);
}

describe.skipIf(!minutes)('decisions on real minutes (dev split)', () => {
  it('m04: every "Beslut:" inside an item, two in one paragraph', async () => {
    const d = await decisionsOf('04');
    expect(d).toHaveLength(6);
    expect(d).toContain('ändra ordet protokoll till minnesanteckning');
  });
  it('m11: the table of contents\' "Beslut: …" titles are not decisions', async () => {
    expect(await decisionsOf('11')).toEqual(['Röstlängden fastställdes', 'Mötet förklarades behörigt']);
  });
  it('m17 and m16: "beslutar ansöka" without att, "bestämmer vi att"', async () => {
    expect(await decisionsOf('17')).toEqual(['ansöka om ”Demokratimedel” för årets verksamhet']);
    expect(await decisionsOf('16')).toContain('söndagen den 3 september blir datum för nästa års Krankesjön runt');
  });
  it('m25: policies "reviewed and adopted by the Board", the Board "in agreement"; no future "will be decided"', async () => {
    const d = await decisionsOf('25');
    expect(d).toContain('The Complaints procedure was reviewed and adopted by the Board');
    expect(d).toContain('All Board members were in agreement with this');
    expect(d.some((x) => /will be decided|Ed Sheeran/u.test(x))).toBe(false);
  });
  it('m29: a bare "Unanimously approved." names the motion above it', async () => {
    expect(await decisionsOf('29')).toContain('Opening a bank account: Unanimously approved');
  });
});
