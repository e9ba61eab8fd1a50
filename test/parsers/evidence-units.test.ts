import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceUnit } from '../../core/facts.js';
import { extractFacts } from '../../parsers/extract.js';
import { extractPdfText } from '../../parsers/pdf-text.js';
import { textToPages } from '../../parsers/text-pages.js';
import { buildUnits } from '../../parsers/units/build-units.js';
import { openDb, type Db } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';
import { seedCorpus } from '../helpers/seed-corpus.js';

const MINUTES = `SG Minnesanteckningar 2015-04-27

Närvarande: Kerstin- internetansvarig, Sten – ekonomiansvarig
Kerstin valdes till ordförande
Tiina valdes till sekreterare
Dagordning:

1. Mötesmanualen behöver förnyas. Tiina tar kontakt med Markus o kollar vad som finns.
2. Verksamhetsrapporter ska lämnas till SK.
`;

describe('evidence units of running text (TXT)', () => {
  const pages = textToPages(MINUTES);
  const units = buildUnits(pages, extractFacts(pages, { format: 'txt' }), 'txt');
  const texts = units.filter((u) => u.kind === 'text').map((u) => u.text);

  it('keeps one-line paragraphs apart and splits sentences, not numbered points', () => {
    expect(texts).toContain('Kerstin valdes till ordförande');
    expect(texts).toContain('Tiina valdes till sekreterare');
    expect(texts).toContain('1. Mötesmanualen behöver förnyas.');
    expect(texts).toContain('Tiina tar kontakt med Markus o kollar vad som finns.');
  });

  it('carries the heading above as section, numbers units in order, and cites a page', () => {
    const u = units.find((x) => x.text.startsWith('2. Verksamhetsrapporter'))!;
    expect(u.section).toBe('Dagordning');
    expect(u.page).toBe(1);
    expect(units.map((x) => x.ord)).toEqual(units.map((_, i) => i));
  });
});

describe('evidence units of a PDF with tables and facts', () => {
  let units: EvidenceUnit[];
  beforeAll(async () => {
    const pages = await extractPdfText(readFileSync('test/fixtures/2015-11-13-mal-och-handlingsplan-2016-2018.pdf'), { maxPages: 5000 });
    units = buildUnits(pages, extractFacts(pages, { format: 'pdf' }));
  });

  it('has a unit for the table row of activity B with its amount as printed, on its page', () => {
    const row = units.find((u) => u.page === 9 && u.text.includes('Projektledare') && u.text.includes('375 000'));
    expect(row).toBeDefined();
  });

  it('renders extracted budget lines as sentences quoting the document', () => {
    const facts = units.filter((u) => u.kind === 'fact');
    expect(facts.some((u) => u.text.includes('375 000'))).toBe(true);
    for (const u of facts) expect(u.quote.length).toBeGreaterThan(0);
  });
});

describe('evidence units are stored at ingest', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb({ databaseUrl: undefined, dataDir: '', memory: true });
    await migrate(db);
  });
  afterAll(() => db.close());

  it('replaceDocumentContent writes the units once, also when run again', async () => {
    const g = await seedCorpus(db, 'units', ['2015-11-13-mal-och-handlingsplan-2016-2018.pdf']);
    const count = async () => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM evidence_units WHERE group_id = $1', [g.groupId])).rows[0]!.n);
    const n = await count();
    expect(n).toBeGreaterThan(100);
    await seedCorpus(db, 'units', ['2015-11-13-mal-och-handlingsplan-2016-2018.pdf']);
    expect(await count()).toBe(n);
  });
});
