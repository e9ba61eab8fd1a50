import { describe, expect, it } from 'vitest';
import type { ExtractResult } from '../../core/facts.js';
import { findCorpusDir, splitOf, type MinutesGold } from '../../eval/corpus.js';
import { checkFloors } from '../../eval/floors.js';
import { actionOverlap, matchActions, scoreMinutes } from '../../eval/score-minutes.js';

const item = (quote: string, owners: string[] = [], due: string | null = null) => ({ owners, task: quote, due, dueText: null, page: 1, section: null, quote });

describe('eval action-item matching', () => {
  it('needs ≥ 60 % of the evidence words among the item’s quote and task words', () => {
    const g = { owners: [], task: '', due: null, evidence: 'Uppdrogs åt Ulf att kontakta Leif Ånell' };
    expect(actionOverlap(g, item('Uppdrogs åt Ulf att kontakta Leif Anell inför kursen'))).toBe(1);
    expect(actionOverlap(g, item('Ulf kontaktar kursen'))).toBeLessThan(0.6);
  });

  it('seeds: every taskContains phrase in the task or quote', () => {
    const g = { owners: [], task: '', due: null, taskContains: ['möte med Lars Paulsson'] };
    expect(actionOverlap(g, item('Ellen bokar ett möte med Lars Paulsson'))).toBe(1);
    expect(actionOverlap(g, item('Ellen bokar ett möte'))).toBe(0);
  });

  it('is one to one: an item holding two gold tasks matches one of them', () => {
    const gold = [
      { owners: [], task: '', due: null, evidence: 'Jacob kollar upp hur många tjocka korvar han kan fixa' },
      { owners: [], task: '', due: null, evidence: 'Sture kan hämta wienerkorv på Snabbgross.' },
    ];
    expect(matchActions(gold, [item('Jacob kollar upp hur många tjocka korvar han kan fixa, Sture kan hämta wienerkorv på Snabbgross.')])).toEqual([[0, 0]]);
  });
});

describe('eval minutes scoring', () => {
  const gold: MinutesGold = {
    date: '2015-03-04',
    attendees: ['Eddie Uggla', 'Anders Abelius'],
    absent: [],
    chair: ['Eddie Uggla'],
    secretary: [],
    actions: [{ owners: ['Ulf Berg'], task: '', due: '2015-04-01', evidence: 'Uppdrogs åt Ulf att kontakta Leif' }],
    decisionsCount: 2,
    nextMeeting: null,
  };
  const facts: ExtractResult = {
    document: { title: null, kind: 'minutes', date: null, organisation: null, language: 'sv', pages: 1 },
    attendees: [
      { name: 'Uggla, Eddie', role: null, organisation: null, present: true, flags: ['chair'] },
      { name: 'Lisa Ek', role: null, organisation: null, present: false, flags: [] },
    ],
    actionItems: [item('Uppdrogs åt Ulf att kontakta Leif', ['Ulf'], '2015-04-01')],
    decisions: [],
    nextMeeting: null,
    budgetLines: [],
  };
  const s = scoreMinutes(gold, facts);

  it('scores attendance and roles with the name matcher', () => {
    expect([s.present.tp, s.present.fp, s.present.fn]).toEqual([1, 0, 1]);
    expect(s.absent.scored).toBe(false);
    expect(s.absent.falseAbsent).toBe(1);
    expect(s.chair.right).toBe(true);
    expect(s.secretary.scored).toBe(false);
  });

  it('a missing date where the gold has one is wrong; two nulls agree', () => {
    expect(s.date.right).toBe(false);
    expect(s.nextMeeting.right).toBe(true);
  });

  it('owners must be the same people; due compared on matched items', () => {
    expect(s.actions.matched).toBe(1);
    expect(s.actions.ownersRight).toBe(0);
    expect(s.actions.dueRight).toBe(1);
  });
});

describe('eval split, corpus lookup and floors', () => {
  it('test = minutes numbered by multiples of 3, budgets 03, 06, 09', () => {
    expect(['03', '39', '01', '38'].map((n) => splitOf('minutes', n))).toEqual(['test', 'test', 'dev', 'dev']);
    expect(['03', '06', '09', '10', '01'].map((n) => splitOf('budgets', n))).toEqual(['test', 'test', 'test', 'dev', 'dev']);
  });

  it('CORPUS_REAL_DIR wins; a missing folder gives null', () => {
    expect(findCorpusDir({ CORPUS_REAL_DIR: '/nonexistent/corpus' }).dir).toBeNull();
  });

  it('fails a figure below its min or above its max; skips what was not measured', () => {
    const checks = checkFloors(
      { split: 'test', min: { 'qa.primary.accuracy': 0.3, 'extraction.present.f1': 0.5 }, max: { 'extraction.wrongAmounts': 0 } },
      { extraction: { present: { f1: 0.6 }, wrongAmounts: 2 } },
    );
    expect(checks.map((c) => [c.key, c.ok, c.skipped])).toEqual([
      ['qa.primary.accuracy', true, true],
      ['extraction.present.f1', true, false],
      ['extraction.wrongAmounts', false, false],
    ]);
  });
});
