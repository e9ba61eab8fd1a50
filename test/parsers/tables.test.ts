import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PageText } from '../../core/facts.js';
import { extractPdfText } from '../../parsers/pdf-text.js';
import { cellFlat } from '../../parsers/tables/cell-text.js';
import { documentTables } from '../../parsers/tables/continuation.js';
import type { Table } from '../../parsers/tables/types.js';

const load = async (name: string): Promise<PageText[]> => extractPdfText(readFileSync(`test/fixtures/${name}.pdf`), { maxPages: 5000 });
const rowsOf = (t: Table): string[][] => t.rows.map((r) => r.cells.map((c) => cellFlat(c)));

describe('tables rebuilt from positioned text: action plan', () => {
  let tables: Table[];
  beforeAll(async () => {
    tables = documentTables(await load('2015-11-13-mal-och-handlingsplan-2016-2018'));
  });

  it('rebuilds the first Ekonomi 2016 KOSTNAD table cell by cell, the merged Summa cell included', () => {
    const t = tables.find((x) => x.page === 9 && x.caption === 'KOSTNAD')!;
    expect(t.header).toEqual(['Aktivitet', 'Kostnadsslag', 'Summa', 'Kommentar']);
    expect(rowsOf(t)).toEqual([
      ['A', 'Utvecklingsledare', '525 000', ''],
      ['B', 'Projektledare', '375 000', ''],
      ['C', 'Projektledare', '350 000', ''],
      ['D', 'Utbildning- och eventservice', '60 000', ''],
      ['Summa kostnader för aktiviteter', '', '1 310 000', ''],
    ]);
  });

  it('keeps a wrapped cell in its row and a row with an empty first cell as its own row', () => {
    const aldre = tables.find((x) => x.page === 38 && x.caption === 'KOSTNAD')!;
    const meddix = rowsOf(aldre).find((r) => r[2] === '1 787 000')!;
    expect(meddix[1]).toBe('Införande/implementering SIP, delfinansiering Meddix,');
    const fuh = tables.find((x) => x.page === 55 && x.caption === 'KOSTNAD')!;
    expect(rowsOf(fuh)).toContainEqual(['', 'Reserverade medel', '250 000', '']);
  });

  it('splits two stacked tables and keeps right-aligned figures and negative figures in their columns', () => {
    const [budget, financing] = tables.filter((x) => x.page === 39);
    expect(budget!.header[7]).toBe('TOTAL PROJEKT-BUDGET');
    expect(budget!.groupHeader[2]).toBe('2016-2017');
    expect(rowsOf(budget!)[5]).toEqual(['TOTALT', '100%', '8 250 200', '-', '0%', '-', '-', '8 250 200']);
    expect(financing!.header.slice(0, 5)).toEqual([
      'FINANSIERING',
      'Andel tot finansiering',
      'Finansiering från projektstart',
      'Utfall 2014',
      'Prel. utfall 2015',
    ]);
    expect(rowsOf(financing!)[2]).toEqual(['Region Halland', '30%', '3 431 050', '', '-955 990', '2 475 060']);
    expect(rowsOf(financing!).at(-1)).toEqual(['Total finansiering 2014-2017', '', '14 236 833', '', '', '']);
  });

  it('joins a 7-column goal table over pages: repeated headers dropped, merged goal cells, split rows, group rows', () => {
    const t = tables.find((x) => x.page === 11)!;
    expect(t.lastPage).toBe(15);
    expect(t.header).toEqual(['Mål för regional samverkan', 'Aktivitet / Metod', 'Samverkan', 'Ansvar', 'Tidplan', 'Uppföljning', 'Ekonomi']);
    const rows = rowsOf(t);
    expect(rows.filter((r) => r[0] === 'Aktivitet / Metod' || r[1] === 'Aktivitet / Metod')).toEqual([]);
    expect(rows.map((r) => r[0] ?? '').filter((g) => /^Planerad start/.test(g))).toEqual(['Planerad start 2016', 'Planerad start 2017', 'Planerad start 2018']);
    // Activity 4.1 continues on the next page ("… förskrivning av | beroendeframkallande läkemedel").
    expect(rows.find((r) => r[1]?.startsWith('4.1'))![1]).toBe(
      '4.1 Planering av former för samverkan mellan TILMA och övrig beroendevård i länet. Ta fram rutiner och riktlinjer för förskrivning av beroendeframkallande läkemedel',
    );
    const seven = rows.find((r) => r[1]?.startsWith('7.1'))!;
    expect(seven[6]).toContain('720 000 kr, varav 325 000 kr Riktat statsbidrag EBP-medel 2015');
    // Sub-rows beside a merged goal cell (page 52): every activity is its own row.
    const fuh = rowsOf(tables.find((x) => x.page === 51)!);
    expect(fuh.map((r) => /^\d+\.\d+/.exec(r[1] ?? '')?.[0]).filter(Boolean)).toEqual([
      '1.1',
      '2.1',
      '2.2',
      '2.3',
      '3.1',
      '4.1',
      '4.2',
      '4.3',
      '4.4',
      '4.5',
      '4.6',
      '5.1',
      '6.1',
      '6.2',
      '7.1',
      '7.2',
      '9.1',
      '10.1',
      '10.2',
      '10.3',
    ]);
  });
});

describe('tables rebuilt from positioned text: slides', () => {
  it('maps a header over right-aligned figures onto the figure columns and reads one row per line', async () => {
    const tables = documentTables(await load('lokal-namnd-kungsbacka-2021-uppfoljningsrapport-2-bildspel'));
    const t = tables.find((x) => x.page === 2)!;
    expect(t.header).toEqual(['', 'Budget', 'Utfall', 'Utfall (%)']);
    expect(rowsOf(t)).toEqual([
      ['Politiker', '863', '466', '54 %'],
      ['Utvecklingsmedel', '300', '10', '3 %'],
      ['Totalt', '1 163', '477', '41 %'],
    ]);
    const next = tables.find((x) => x.page === 3)!;
    expect(next.hasHeader).toBe(false);
    expect(rowsOf(next)).toHaveLength(9);
    expect(rowsOf(next)[0]).toEqual(['Varav intecknade', '300', '10', '3 %', '190']);
  });

  it('finds no table in a plain letter', async () => {
    const tables = documentTables(await load('regionstyrelsen-svar-till-falkenbergs-kommun-psykisk-halsa-barn-och-unga'));
    expect(tables.filter((t) => t.anchors.length >= 3)).toEqual([]);
  });
});
