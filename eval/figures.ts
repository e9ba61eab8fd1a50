/**
 * Per-split figures from per-document and per-question results. Precision/recall/F1 are micro
 * averages (counts summed over the documents of a split); a ratio with nothing to count is null.
 */
import type { Split } from './corpus.js';
import type { QaRecord } from './qa-run.js';
import type { BudgetScore } from './score-budget.js';
import type { MinutesScore } from './score-minutes.js';

export interface DocResult {
  id: string;
  group: 'minutes' | 'budgets' | 'seeds';
  split: Split;
  file: string;
  sha256: string;
  error: { code: string; message: string } | null;
  pages: number;
  minutes: MinutesScore | null;
  budget: (BudgetScore & { hasGold: boolean }) | null;
}

export const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

function prf(tp: number, fp: number, fn: number) {
  const p = ratio(tp, tp + fp);
  const r = ratio(tp, tp + fn);
  const f1 = p !== null && r !== null && p + r > 0 ? (2 * p * r) / (p + r) : tp + fp + fn > 0 ? 0 : null;
  return { tp, fp, fn, p, r, f1 };
}

const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((n, x) => n + f(x), 0);

export function extractionFigures(docs: readonly DocResult[]) {
  const m = docs.filter((d) => d.minutes).map((d) => d.minutes!);
  const present = m.filter((s) => s.present.scored).map((s) => s.present);
  const absent = m.filter((s) => s.absent.scored).map((s) => s.absent);
  const field = (pick: (s: MinutesScore) => { scored: boolean; right: boolean }) => {
    const xs = m.map(pick).filter((x) => x.scored);
    const right = xs.filter((x) => x.right).length;
    return { n: xs.length, right, rate: ratio(right, xs.length) };
  };
  const a = m.map((s) => s.actions);
  const actions = {
    gold: sum(a, (x) => x.gold),
    system: sum(a, (x) => x.system),
    matched: sum(a, (x) => x.matched),
    ownersRight: sum(a, (x) => x.ownersRight),
    dueGold: sum(a, (x) => x.dueGold),
    dueRight: sum(a, (x) => x.dueRight),
  };
  const b = docs.filter((d) => d.budget?.hasGold).map((d) => d.budget!);
  const bud = {
    docs: b.length,
    gold: sum(b, (x) => x.gold),
    system: sum(b, (x) => x.system),
    exact: sum(b, (x) => x.exact),
    amountLabel: sum(b, (x) => x.amountLabel),
    systemOnGoldPages: sum(b, (x) => x.systemOnGoldPages),
    matchedOnGoldPages: sum(b, (x) => x.matchedOnGoldPages),
  };
  return {
    docs: docs.length,
    failed: docs.filter((d) => d.error).length,
    minutesDocs: m.length,
    present: {
      docs: present.length,
      ...prf(
        sum(present, (x) => x.tp),
        sum(present, (x) => x.fp),
        sum(present, (x) => x.fn),
      ),
    },
    absent: {
      docs: absent.length,
      ...prf(
        sum(absent, (x) => x.tp),
        sum(absent, (x) => x.fp),
        sum(absent, (x) => x.fn),
      ),
      falseAbsent: sum(m, (s) => s.absent.falseAbsent),
    },
    chair: field((s) => s.chair),
    secretary: field((s) => s.secretary),
    date: field((s) => s.date),
    nextMeeting: field((s) => s.nextMeeting),
    decisions: {
      docs: m.length,
      meanAbsError: ratio(
        sum(m, (s) => Math.abs(s.decisions.got - s.decisions.want)),
        m.length,
      ),
    },
    actions: {
      ...actions,
      recall: ratio(actions.matched, actions.gold),
      precision: ratio(actions.matched, actions.system),
      owners: ratio(actions.ownersRight, actions.matched),
      due: ratio(actions.dueRight, actions.dueGold),
    },
    budget: {
      ...bud,
      exactRecall: ratio(bud.exact, bud.gold),
      amountLabelRecall: ratio(bud.amountLabel, bud.gold),
      precision: ratio(bud.matchedOnGoldPages, bud.systemOnGoldPages),
    },
    wrongAmounts: sum(docs, (d) => d.budget?.wrong.length ?? 0),
  };
}

export type ExtractionFigures = ReturnType<typeof extractionFigures>;

function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

export function qaFigures(records: readonly QaRecord[]) {
  const count = (xs: readonly QaRecord[]) => ({
    n: xs.length,
    correct: xs.filter((r) => r.correct).length,
    accuracy: ratio(xs.filter((r) => r.correct).length, xs.length),
  });
  const by = (key: (r: QaRecord) => string) => {
    const groups = new Map<string, QaRecord[]>();
    for (const r of records) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
    return Object.fromEntries([...groups.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([k, xs]) => [k, count(xs)]));
  };
  const unanswerable = records.filter((r) => r.unanswerable);
  const abstained = records.filter((r) => !r.found);
  const abstainedRight = unanswerable.filter((r) => !r.found).length;
  const answerable = records.filter((r) => !r.unanswerable);
  const correctAnswerable = answerable.filter((r) => r.correct);
  const times = records.map((r) => r.ms).sort((x, y) => x - y);
  const found = records.filter((r) => r.found);
  return {
    ...count(records),
    answerable: count(answerable),
    bySet: by((r) => r.set),
    byType: by((r) => r.type),
    byLang: by((r) => r.lang),
    abstention: {
      unanswerable: unanswerable.length,
      abstained: abstained.length,
      abstainedRight,
      precision: ratio(abstainedRight, abstained.length),
      recall: ratio(abstainedRight, unanswerable.length),
    },
    pageRight: {
      n: correctAnswerable.length,
      right: correctAnswerable.filter((r) => r.pageRight).length,
      rate: ratio(correctAnswerable.filter((r) => r.pageRight).length, correctAnswerable.length),
    },
    /** Correct counting only confident answers: an answerable must also be `found: true`. */
    confident: count(records.map((r) => ({ ...r, correct: r.correct && (r.found || r.unanswerable) }))),
    /** Correct answers that abstained (`found: false`) yet hold the gold string (e.g. a "closest passages" answer). */
    correctButNotFound: correctAnswerable.filter((r) => !r.found).length,
    wrongDocument: { found: found.length, wrong: found.filter((r) => r.wrongDocument).length },
    invented: {
      amounts: sum(records, (r) => r.invented.amounts.length),
      names: sum(records, (r) => r.invented.names.length),
      questions: records.filter((r) => r.invented.amounts.length + r.invented.names.length > 0).length,
    },
    latencyMs: { p50: percentile(times, 0.5), p95: percentile(times, 0.95) },
  };
}

export type QaFigures = ReturnType<typeof qaFigures>;
