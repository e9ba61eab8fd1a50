/**
 * Layout families on small hand-made .txt fixtures (test/fixtures/layouts/), fed through
 * textToPages like the .txt/.docx path: label-column protokoll with party tags, "ersätter" and
 * partial presence; prose and first-name lists; X-mark tables and action tables; English
 * minutes with honorifics; name TAB role with a wrapped role line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractResult } from '../../core/facts.js';
import { extractFacts } from '../../parsers/extract.js';
import { textToPages } from '../../parsers/text-pages.js';

const load = (name: string): ExtractResult =>
  extractFacts(textToPages(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'layouts', name), 'utf8')), { format: 'txt' });
const person = (r: ExtractResult, name: string) => r.attendees.find((a) => a.name === name);

describe('Swedish protokoll, label column', () => {
  const r = load('sv-protokoll-label-column.txt');
  it('reads document facts', () => {
    expect(r.document).toMatchObject({ kind: 'minutes', date: '2026-02-10', organisation: 'Lokal nämnd Varberg', language: 'sv' });
  });
  it('lists Beslutande and Övriga närvarande with party, flags, substitutes and partial presence', () => {
    expect(r.attendees.map((a) => a.name)).toEqual(['Anna Andersson', 'Per Persson', 'Lisa Berg', 'Olof Ek', 'Karin Lind', 'Maria Nord', 'Johan Sund']);
    expect(person(r, 'Anna Andersson')).toMatchObject({ organisation: 'S', present: true, flags: ['chair'] });
    expect(person(r, 'Per Persson')!.flags).toEqual(['adjuster']);
    expect(person(r, 'Lisa Berg')).toMatchObject({ present: true, flags: ['substitute'], organisation: 'C' });
    expect(person(r, 'Olof Ek')).toMatchObject({ present: false });
    expect(person(r, 'Karin Lind')).toMatchObject({ present: true, presence: '§ 3–7' });
    expect(person(r, 'Maria Nord')!.flags).toEqual(['secretary']);
  });
  it('finds decisions from "beslutar att", "Beslut: att" and Förslag till beslut att-points, not reported ones', () => {
    expect(r.decisions.map((d) => d.text)).toEqual([
      'utse Per Persson att justera protokollet',
      'godkänna uppföljningen',
      'ge förvaltningen i uppdrag att ta fram en handlingsplan',
      'återrapportera till nämnden i juni',
    ]);
    expect(r.decisions[0]!.section).toBe('§ 1 Val av justerare');
    expect(r.decisions.some((d) => d.text.includes('flytta kontoret'))).toBe(false);
  });
  it('resolves a first-name owner and a due date without year; skips past-tense reports', () => {
    expect(r.actionItems).toHaveLength(1);
    expect(r.actionItems[0]).toMatchObject({ owners: ['Per Persson'], due: '2026-02-20', dueText: 'senast den 20 februari', section: '§ 2 Budgetuppföljning' });
  });
  it('reads the next meeting with time and place; signatories are not attendees', () => {
    expect(r.nextMeeting).toMatchObject({ date: '2026-04-17', time: '13.00–15.00', place: 'Teams' });
    expect(r.attendees.filter((a) => a.name === 'Anna Andersson')).toHaveLength(1);
  });
});

describe('Swedish prose and first-name lists', () => {
  const r = load('sv-prose-lists.txt');
  it('reads "Deltagare: Anna, Per och Lisa" and "Förhinder: Olle"', () => {
    expect(r.attendees.map((a) => [a.name, a.present])).toEqual([
      ['Anna', true],
      ['Per', true],
      ['Lisa', true],
      ['Olle', false],
    ]);
  });
  it('finds present-tense tasks, "Vi beslöt att X gör", bare verbs with context; skips past tense and questions', () => {
    expect(r.actionItems.map((a) => [a.owners.join('+'), a.due])).toEqual([
      ['Anna', null],
      ['Lisa', null],
      ['Per', '2026-04-14'],
      ['Olle', null],
    ]);
    expect(r.actionItems[3]!.task).toMatch(/^Sammankalla en mindre arbetsgrupp/);
    expect(r.actionItems.some((a) => /hade|gav|Vad gör/.test(a.quote))).toBe(false);
  });
  it('reads "Nästa möte äger rum den …"', () => {
    expect(r.nextMeeting).toMatchObject({ date: '2026-04-14', time: '10.00', place: 'Lilla salen' });
  });
});

describe('X-mark attendance table and action table', () => {
  const r = load('sv-x-mark-table.txt');
  it('reads presence from the X column', () => {
    expect(r.attendees.map((a) => [a.name, a.present, a.flags.join()])).toEqual([
      ['Eva Holm', true, 'chair'],
      ['Nils Dahl', false, ''],
      ['Sara Vik', true, 'secretary'],
    ]);
  });
  it('reads Åtgärd/Ansvarig/Klart rows, with "till nästa möte" resolved', () => {
    expect(r.actionItems.map((a) => [a.task, a.owners.join(), a.due])).toEqual([
      ['Skicka ut kallelse', 'Sara Vik', '2026-02-05'],
      ['Boka lokal', 'Nils Dahl', '2026-02-12'],
    ]);
  });
});

describe('English minutes', () => {
  const r = load('en-minutes.txt');
  it('strips honorifics and reads Present / In attendance / Apologies', () => {
    expect(r.document).toMatchObject({ kind: 'minutes', language: 'en', date: '2026-03-03', organisation: 'Health and Wellbeing Board' });
    expect(r.attendees.map((a) => [a.name, a.present])).toEqual([
      ['Jane Smith', true],
      ['Tom Brown', true],
      ['Amir Khan', true],
      ['Ruth Green', true],
      ['Alan White', false],
      ['Fiona Black', false],
    ]);
    expect(person(r, 'Jane Smith')!.flags).toEqual(['chair']);
    expect(person(r, 'Ruth Green')!.flags).toEqual(['secretary']);
  });
  it('finds ACTION/will items, decisions and the next meeting; a presenter is not an owner', () => {
    expect(r.actionItems.map((a) => [a.owners.join(), a.due])).toEqual([
      ['Ruth Green', '2026-03-10'],
      ['Tom Brown', '2026-04-07'],
    ]);
    expect(r.decisions.map((d) => d.text)).toEqual(['the terms of reference be revised', 'the board endorses the strategy']);
    expect(r.nextMeeting).toMatchObject({ date: '2026-04-07', time: '10:00', place: 'Council Chamber' });
  });
});

describe('name TAB role with a hanging-indent role line', () => {
  const r = load('sv-name-tab-role-wrapped.txt');
  it('joins the wrapped role and splits role, organisation and flags', () => {
    expect(person(r, 'Simon Elfgrén')).toMatchObject({ role: 'Verksamhetschef funktionsnedsättning', organisation: 'Ulricehamn', flags: ['chair'] });
    expect(person(r, 'Nina Brag')).toMatchObject({ organisation: 'SÄS', flags: ['adjuster'] });
    expect(person(r, 'Thomas Johansson')).toMatchObject({ present: false, role: 'Skolchef', organisation: 'Vårgårda' });
  });
  it('resolves a surname owner to the attendee', () => {
    expect(r.actionItems.map((a) => a.owners)).toEqual([['Maria Glemfelt']]);
  });
});
