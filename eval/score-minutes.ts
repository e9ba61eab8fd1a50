/**
 * Minutes extraction compared with gold, for one document: attendees present/absent, chair,
 * secretary, document date, next meeting, decisions count and action items.
 *
 * Action items are matched one-to-one, gold item to extracted item, best overlap first:
 * - real gold (`evidence`, a verbatim span of ≤ 12 words): the share of the evidence's folded
 *   words (set) that occur among the words of the item's quote and task must be ≥ 0.6;
 * - seeds (`taskContains`): every phrase, folded, occurs in the item's task or quote.
 * Owners are right when the owner sets are equal under `sameNameSet`; due is right when the
 * matched item's due date equals the gold one (over gold items that have a due date).
 */
import type { ExtractResult } from '../core/facts.js';
import type { GoldAction, MinutesGold } from './corpus.js';
import { fold, words } from './fold.js';
import { matchNames, sameNameSet } from './names.js';

export const ACTION_OVERLAP = 0.6;

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
}

export interface FieldCheck {
  /** False when the gold gives nothing to compare (e.g. no chair named). */
  scored: boolean;
  right: boolean;
  want: string | string[] | null;
  got: string | string[] | null;
}

export interface ActionScore {
  gold: number;
  system: number;
  matched: number;
  ownersRight: number;
  dueGold: number;
  dueRight: number;
  missed: string[];
  wrongOwners: Array<{ evidence: string; want: string[]; got: string[] }>;
  wrongDue: Array<{ evidence: string; want: string | null; got: string | null }>;
  extra: string[];
}

export interface MinutesScore {
  /** Counted only when the gold lists attendance. */
  present: Prf & { scored: boolean; missing: string[]; extra: string[] };
  /** Counted only when the gold lists absentees; `falseAbsent` counts the system's absentees elsewhere. */
  absent: Prf & { scored: boolean; missing: string[]; extra: string[]; falseAbsent: number };
  chair: FieldCheck;
  secretary: FieldCheck;
  date: FieldCheck;
  nextMeeting: FieldCheck;
  decisions: { want: number; got: number };
  actions: ActionScore;
}

/** Share of the evidence's words found in the item's words (0..1). */
export function actionOverlap(gold: GoldAction, item: { task: string; quote: string }): number {
  if (gold.taskContains) {
    const hay = fold(`${item.task} ${item.quote}`);
    return gold.taskContains.every((t) => hay.includes(fold(t))) ? 1 : 0;
  }
  const ev = new Set(words(gold.evidence ?? gold.task));
  if (ev.size === 0) return 0;
  const have = new Set(words(`${item.quote} ${item.task}`));
  let n = 0;
  for (const w of ev) if (have.has(w)) n++;
  return n / ev.size;
}

/** One-to-one: all (gold, item) pairs at or above the threshold, best first, ties in document order. */
export function matchActions(gold: readonly GoldAction[], items: ReadonlyArray<{ task: string; quote: string }>): Array<[number, number]> {
  const cands: Array<{ g: number; s: number; score: number }> = [];
  gold.forEach((g, gi) =>
    items.forEach((it, si) => {
      const score = actionOverlap(g, it);
      if (score >= ACTION_OVERLAP) cands.push({ g: gi, s: si, score });
    }),
  );
  cands.sort((a, b) => b.score - a.score || a.g - b.g || a.s - b.s);
  const gUsed = new Set<number>();
  const sUsed = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const c of cands) {
    if (gUsed.has(c.g) || sUsed.has(c.s)) continue;
    gUsed.add(c.g);
    sUsed.add(c.s);
    pairs.push([c.g, c.s]);
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

function scoreActions(gold: readonly GoldAction[], facts: ExtractResult): ActionScore {
  const items = facts.actionItems;
  const pairs = matchActions(gold, items);
  const label = (g: GoldAction) => g.evidence ?? g.task;
  const r: ActionScore = {
    gold: gold.length,
    system: items.length,
    matched: pairs.length,
    ownersRight: 0,
    dueGold: gold.filter((g) => g.due).length,
    dueRight: 0,
    missed: [],
    wrongOwners: [],
    wrongDue: [],
    extra: [],
  };
  const byGold = new Map(pairs.map(([g, s]) => [g, s]));
  const matchedItems = new Set(pairs.map(([, s]) => s));
  gold.forEach((g, gi) => {
    const si = byGold.get(gi);
    if (si === undefined) {
      r.missed.push(label(g));
      return;
    }
    const it = items[si]!;
    if (sameNameSet(g.owners, it.owners)) r.ownersRight++;
    else r.wrongOwners.push({ evidence: label(g), want: g.owners, got: it.owners });
    if (g.due) {
      if (it.due === g.due) r.dueRight++;
      else r.wrongDue.push({ evidence: label(g), want: g.due, got: it.due });
    }
  });
  items.forEach((it, si) => {
    if (!matchedItems.has(si)) r.extra.push(it.quote || it.task);
  });
  return r;
}

function flagged(facts: ExtractResult, flag: 'chair' | 'secretary'): string[] {
  return facts.attendees.filter((a) => a.flags.includes(flag)).map((a) => a.name);
}

function roleCheck(want: string[], got: string[]): FieldCheck {
  return { scored: want.length > 0, right: want.length > 0 && sameNameSet(want, [...new Set(got)]), want, got };
}

export function scoreMinutes(gold: MinutesGold, facts: ExtractResult): MinutesScore {
  const presentSys = facts.attendees.filter((a) => a.present).map((a) => a.name);
  const absentSys = facts.attendees.filter((a) => !a.present).map((a) => a.name);
  const p = matchNames(gold.attendees, presentSys);
  const a = matchNames(gold.absent, absentSys);
  const absentScored = gold.absent.length > 0;
  return {
    present: {
      scored: gold.attendees.length > 0,
      tp: p.pairs.length,
      fp: p.extra.length,
      fn: p.missing.length,
      missing: p.missing,
      extra: p.extra,
    },
    absent: {
      scored: absentScored,
      tp: a.pairs.length,
      fp: a.extra.length,
      fn: a.missing.length,
      missing: a.missing,
      extra: a.extra,
      falseAbsent: absentScored ? 0 : absentSys.length,
    },
    chair: roleCheck(gold.chair, flagged(facts, 'chair')),
    secretary: roleCheck(gold.secretary, flagged(facts, 'secretary')),
    // Null = "the text gives none": a date where the gold has none is wrong too.
    date: { scored: true, right: (facts.document.date ?? null) === gold.date, want: gold.date, got: facts.document.date ?? null },
    nextMeeting: { scored: true, right: (facts.nextMeeting?.date ?? null) === gold.nextMeeting, want: gold.nextMeeting, got: facts.nextMeeting?.date ?? null },
    decisions: { want: gold.decisionsCount, got: facts.decisions.length },
    actions: scoreActions(gold.actions, facts),
  };
}
