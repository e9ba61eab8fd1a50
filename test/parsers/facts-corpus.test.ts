/**
 * Extraction on the five corpus PDFs compared field by field with the golden files
 * test/fixtures/<name>.facts.json, which were written by reading the documents (not by
 * snapshotting output). Every expected attendee, action item, decision and the next meeting is
 * asserted explicitly, and so are the people and phrases that must NOT be extracted.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractResult } from '../../core/facts.js';
import { extractFacts } from '../../parsers/extract.js';
import { extractPdfText } from '../../parsers/pdf-text.js';

const FIX = join(import.meta.dirname, '..', 'fixtures');

interface Golden {
  source: string;
  document: ExtractResult['document'];
  attendees: Array<{ name: string; role: string | null; organisation: string | null; present: boolean; flags: string[]; page: number }>;
  notAttendees: string[];
  actionItems: Array<{ owners: string[]; taskContains: string[]; due: string | null; dueText: string | null; page: number; section: string }>;
  notActionItems: string[];
  decisions: Array<{ text: string; section: string; page: number }>;
  nextMeeting: { date: string; time: string | null; place: string | null; page: number } | null;
}

const goldens = readdirSync(FIX).filter((f) => f.endsWith('.facts.json'));

describe.each(goldens)('%s', (file) => {
  const golden = JSON.parse(readFileSync(join(FIX, file), 'utf8')) as Golden;
  let r: ExtractResult;
  beforeAll(async () => {
    const pages = await extractPdfText(readFileSync(join(FIX, golden.source)), { maxPages: 500 });
    r = extractFacts(pages, { format: 'pdf' });
  });

  it('document facts', () => {
    expect(r.document.title).toBe(golden.document.title);
    expect(r.document.kind).toBe(golden.document.kind);
    expect(r.document.date).toBe(golden.document.date);
    expect(r.document.organisation).toBe(golden.document.organisation);
    expect(r.document.language).toBe(golden.document.language);
    expect(r.document.pages).toBe(golden.document.pages);
  });

  it('attendees: every expected person with role, organisation, presence and flags; nobody else', () => {
    expect(r.attendees.map((a) => a.name)).toEqual(golden.attendees.map((a) => a.name));
    for (const g of golden.attendees) {
      const a = r.attendees.find((x) => x.name === g.name)!;
      expect(a, g.name).toBeDefined();
      expect(a.present, `${g.name} present`).toBe(g.present);
      expect(a.role, `${g.name} role`).toBe(g.role);
      expect(a.organisation, `${g.name} organisation`).toBe(g.organisation);
      expect([...a.flags].sort(), `${g.name} flags`).toEqual([...g.flags].sort());
      expect(a.page, `${g.name} page`).toBe(g.page);
      expect(a.quote).toContain(g.name);
    }
    for (const n of golden.notAttendees)
      expect(
        r.attendees.some((a) => a.name === n),
        `${n} is not an attendee`,
      ).toBe(false);
  });

  it('action items: owners, task, due, page, section, in order; no false positives', () => {
    expect(r.actionItems).toHaveLength(golden.actionItems.length);
    golden.actionItems.forEach((g, i) => {
      const a = r.actionItems[i]!;
      expect(a.owners, `item ${i} owners`).toEqual(g.owners);
      for (const t of g.taskContains) expect(a.task, `item ${i} task`).toContain(t);
      expect(a.due, `item ${i} due`).toBe(g.due);
      expect(a.dueText, `item ${i} dueText`).toBe(g.dueText);
      expect(a.page, `item ${i} page`).toBe(g.page);
      expect(a.section, `item ${i} section`).toBe(g.section);
      expect(a.quote.length).toBeGreaterThan(5);
    });
    for (const phrase of golden.notActionItems) {
      expect(
        r.actionItems.some((a) => a.quote.includes(phrase) && !golden.actionItems.some((g) => g.taskContains.some((t) => a.task.includes(t)))),
        phrase,
      ).toBe(false);
    }
  });

  it('decisions: text, section and page of each', () => {
    expect(r.decisions.map((d) => d.text)).toEqual(golden.decisions.map((d) => d.text));
    golden.decisions.forEach((g, i) => {
      expect(r.decisions[i]!.section).toBe(g.section);
      expect(r.decisions[i]!.page).toBe(g.page);
    });
  });

  it('next meeting', () => {
    if (golden.nextMeeting === null) {
      expect(r.nextMeeting).toBeNull();
      return;
    }
    expect(r.nextMeeting).not.toBeNull();
    expect(r.nextMeeting!.date).toBe(golden.nextMeeting.date);
    expect(r.nextMeeting!.time ?? null).toBe(golden.nextMeeting.time);
    expect(r.nextMeeting!.place ?? null).toBe(golden.nextMeeting.place);
    expect(r.nextMeeting!.page).toBe(golden.nextMeeting.page);
    expect(r.nextMeeting!.text).toMatch(/Nästa möte|Next meeting/i);
  });
});

describe('the minutes key facts (issue 3)', () => {
  it('has 8 present and 6 absent, the named chair, chair+secretary and adjunct', async () => {
    const pages = await extractPdfText(readFileSync(join(FIX, '2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf')), { maxPages: 50 });
    const r = extractFacts(pages, { format: 'pdf' });
    expect(r.attendees.filter((a) => a.present)).toHaveLength(8);
    expect(r.attendees.filter((a) => !a.present).map((a) => a.name)).toEqual([
      'Anna Torstensson',
      'Thomas Johansson',
      'Morgan Gustafsson',
      'Anna-Pia Wentzel',
      'Sara Karlsson',
      'Else Thordstein',
    ]);
    expect(r.attendees.find((a) => a.name === 'Simon Elfgrén')!.flags).toEqual(['chair']);
    expect(r.attendees.find((a) => a.name === 'Charlotte Bliesener Falkenström')!.flags.sort()).toEqual(['chair', 'secretary']);
    expect(r.attendees.find((a) => a.name === 'Maria Glemfelt')!.flags).toEqual(['adjunct']);
  });

  it('gives the same meeting facts from the text extraction (.txt path)', async () => {
    const { textToPages } = await import('../../parsers/text-pages.js');
    const text = readFileSync(join(FIX, 'text', '2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.txt'), 'utf8');
    const r = extractFacts(textToPages(text), { format: 'txt' });
    expect(r.document.kind).toBe('minutes');
    expect(r.attendees).toHaveLength(14);
    // Passive and modal tasks ("Mikael bjuds in", "En mindre arbetsgrupp ska tillsättas") have no owner unless the text names one.
    expect(r.actionItems.map((a) => a.owners.join('+'))).toEqual([
      '',
      'Ellen Lageholm+Charlotte Bliesener Falkenström',
      '',
      'Närvårdskontoret',
      'Maria Glemfelt',
      'alla',
      '',
      '',
      '',
      'Närvårdskontoret',
      '',
      '',
      'Charlotte Bliesener Falkenström',
      'Charlotte Bliesener Falkenström',
      'alla',
      'Jacqueline Uddgrén+Maria Juhlin+Sara Karlsson',
    ]);
    expect(r.nextMeeting?.date).toBe('2026-04-17');
  });
});
