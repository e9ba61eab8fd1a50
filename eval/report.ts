/** Compact tables for stdout: one row per figure, splits side by side. */
import type { ExtractionFigures, QaFigures } from './figures.js';

const LABEL_W = 40;
const CELL_W = 22;

export const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : `${(100 * x).toFixed(1)}%`);
const frac = (a: number, b: number) => `${a}/${b}`;
const whole = (x: number | null) => (x === null ? '–' : String(Math.round(100 * x)));
const rate = (right: number, n: number, r: number | null) => (n === 0 ? '–' : `${pct(r)} ${frac(right, n)}`);

export function table(title: string, columns: readonly string[], rows: ReadonlyArray<[string, ...string[]]>): string {
  const line = (label: string, cells: readonly string[]) =>
    label.padEnd(LABEL_W) +
    cells
      .map((c) => c.padEnd(CELL_W))
      .join('')
      .trimEnd();
  return [line(title, columns), ...rows.map(([label, ...cells]) => line(`  ${label}`, cells))].join('\n');
}

type Row = [string, ...string[]];

export function extractionTable(cols: ReadonlyArray<{ name: string; f: ExtractionFigures }>): string {
  const row = (label: string, cell: (f: ExtractionFigures) => string): Row => [label, ...cols.map((c) => cell(c.f))];
  const prfCell = (x: { f1: number | null; p: number | null; r: number | null; tp: number; fp: number; fn: number }) =>
    x.tp + x.fp + x.fn === 0 ? '–' : `${pct(x.f1)} P${whole(x.p)} R${whole(x.r)}`;
  const rows: Row[] = [
    row('documents (failed to parse)', (f) => `${f.docs} (${f.failed})`),
    row('attendees present F1 (P R %)', (f) => prfCell(f.present)),
    row('  docs; tp/fp/fn', (f) => `${f.present.docs}; ${f.present.tp}/${f.present.fp}/${f.present.fn}`),
    row('attendees absent F1 (P R %)', (f) => prfCell(f.absent)),
    row('  docs; tp/fp/fn; false elsewhere', (f) => `${f.absent.docs}; ${f.absent.tp}/${f.absent.fp}/${f.absent.fn}; ${f.absent.falseAbsent}`),
    row('chair right', (f) => rate(f.chair.right, f.chair.n, f.chair.rate)),
    row('secretary right', (f) => rate(f.secretary.right, f.secretary.n, f.secretary.rate)),
    row('document date right', (f) => rate(f.date.right, f.date.n, f.date.rate)),
    row('next meeting right', (f) => rate(f.nextMeeting.right, f.nextMeeting.n, f.nextMeeting.rate)),
    row('decisions count |error| mean', (f) => (f.decisions.meanAbsError === null ? '–' : f.decisions.meanAbsError.toFixed(2))),
    row('action items found (recall)', (f) => rate(f.actions.matched, f.actions.gold, f.actions.recall)),
    row('action items precision', (f) => rate(f.actions.matched, f.actions.system, f.actions.precision)),
    row('action owners right (matched)', (f) => rate(f.actions.ownersRight, f.actions.matched, f.actions.owners)),
    row('action due right (gold dues)', (f) => rate(f.actions.dueRight, f.actions.dueGold, f.actions.due)),
    row('budget lines exact (recall)', (f) => rate(f.budget.exact, f.budget.gold, f.budget.exactRecall)),
    row('budget lines amount+label', (f) => rate(f.budget.amountLabel, f.budget.gold, f.budget.amountLabelRecall)),
    row('budget precision (gold pages)', (f) => rate(f.budget.matchedOnGoldPages, f.budget.systemOnGoldPages, f.budget.precision)),
    row('WRONG AMOUNTS', (f) => String(f.wrongAmounts)),
  ];
  return table(
    'EXTRACTION',
    cols.map((c) => c.name),
    rows,
  );
}

export function qaTable(cols: ReadonlyArray<{ name: string; f: QaFigures }>): string {
  const row = (label: string, cell: (f: QaFigures) => string): Row => [label, ...cols.map((c) => cell(c.f))];
  const acc = (x: { n: number; correct: number; accuracy: number | null } | undefined) => (x ? rate(x.correct, x.n, x.accuracy) : '–');
  const keys = (pick: (f: QaFigures) => Record<string, unknown>) => [...new Set(cols.flatMap((c) => Object.keys(pick(c.f))))].sort();
  const rows: Row[] = [
    row('accuracy, all questions', (f) => acc(f)),
    ...keys((f) => f.bySet).map((k) => row(`  ${k} questions`, (f) => acc(f.bySet[k]))),
    ...keys((f) => f.byType).map((k) => row(`  type ${k}`, (f) => acc(f.byType[k]))),
    ...keys((f) => f.byLang).map((k) => row(`  lang ${k}`, (f) => acc(f.byLang[k]))),
    row('abstention recall (unanswerable)', (f) => rate(f.abstention.abstainedRight, f.abstention.unanswerable, f.abstention.recall)),
    row('abstention precision', (f) => rate(f.abstention.abstainedRight, f.abstention.abstained, f.abstention.precision)),
    row('cited page right (of correct)', (f) => rate(f.pageRight.right, f.pageRight.n, f.pageRight.rate)),
    row('correct but found=false', (f) => String(f.correctButNotFound)),
    row('accuracy, confident answers only', (f) => acc(f.confident)),
    row('wrong document cited (found)', (f) => `${f.wrongDocument.wrong}/${f.wrongDocument.found}`),
    row('INVENTED amounts / names', (f) => `${f.invented.amounts} / ${f.invented.names}`),
    row('latency p50 / p95 ms', (f) => (f.latencyMs.p50 === null ? '–' : `${f.latencyMs.p50.toFixed(0)} / ${f.latencyMs.p95!.toFixed(0)}`)),
  ];
  return table(
    'QA',
    cols.map((c) => c.name),
    rows,
  );
}
