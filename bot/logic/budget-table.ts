/**
 * A budget document's main table for its summary: the lines of the largest table, row by row, under
 * the area/section labels the table prints ("RÖRELSEKOSTNADER / Administrativa kostnader"), each
 * row with its figures per column (kind and period). Pure: lines in, text lines out.
 *
 * Tables are told apart by what extraction stores: a line's section is the heading the table sits
 * under, then its group rows joined with " / "; lines of one table follow each other in order, on
 * the same or the next page, under the same heading.
 */
import type { ChartLine } from './budget-chart.js';

/** A stored budget line as the chart reads it; which document it is from does not matter here. */
export type TableLine = Omit<ChartLine, 'documentId'>;

export interface MainTable {
  /** The heading the table sits under, or null. */
  title: string | null;
  rows: Array<{ group: string | null; label: string; figures: Array<{ amountSek: number; kind: string; period: string | null }> }>;
}

const GROUP_SEP = ' / ';

function splitSection(section: string | null): { root: string | null; group: string | null } {
  if (!section) return { root: null, group: null };
  const k = section.indexOf(GROUP_SEP);
  return k < 0 ? { root: section, group: null } : { root: section.slice(0, k), group: section.slice(k + GROUP_SEP.length) };
}

/** A section root that names an outline heading (a heading under its parent, "Ekonomi 2016 – Gemensamt"). */
const isHeading = (root: string | null): boolean => root !== null && root.includes(' – ');

/** No heading, or a group label in capitals ("RÖRELSEKOSTNADER") that a table without a heading starts with. */
const isGroupish = (root: string | null): boolean => root === null || (!/\p{Ll}/u.test(root) && /\p{Lu}/u.test(root));

/** The largest run of lines under one heading on consecutive pages (at least `min` lines), or null. */
export function mainTable(lines: readonly TableLine[], min = 3): MainTable | null {
  const runs: TableLine[][] = [];
  for (const l of lines) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    const a = splitSection(last?.section ?? null).root;
    const b = splitSection(l.section).root;
    // Two headings of the outline ("Ekonomi 2016 – Gemensamt", "… – Psykiatri") are two tables; a
    // table without one starts its section with its first group label, which changes inside it.
    // On a new page, two headings in mixed case are two tables too ("Utfall budget UR2 2020", then "Utvecklingsmedel").
    const samePage = l.page === last?.page;
    const sameTable = a === b || isGroupish(a) || isGroupish(b) || (samePage && (!isHeading(a) || !isHeading(b)));
    const same = last && sameTable && l.page !== null && last.page !== null && l.page - last.page <= 1 && l.page >= last.page;
    if (run && same) run.push(l);
    else runs.push([l]);
  }
  const best = runs.reduce<TableLine[] | null>((a, r) => (!a || r.length > a.length ? r : a), null);
  if (!best || best.length < min) return null;
  // The heading most of its lines share is the table's title; the other lines' sections are group labels.
  const counts = new Map<string, number>();
  for (const l of best) {
    const r = splitSection(l.section).root;
    if (r) counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  const [title, n] = [...counts].reduce<[string | null, number]>((a, e) => (e[1] > a[1] ? e : a), [null, 0]);
  const titled = title !== null && n >= best.length * 0.6;
  const rows: MainTable['rows'] = [];
  for (const l of best) {
    const own = splitSection(l.section);
    const group = titled && own.root === title ? own.group : l.section;
    const prev = rows[rows.length - 1];
    const figure = { amountSek: l.amountSek, kind: l.kind, period: l.period };
    // The figures of one row (its columns) follow each other with the same label and group.
    if (prev && prev.label === l.label && prev.group === group) prev.figures.push(figure);
    else rows.push({ group, label: l.label, figures: [figure] });
  }
  return { title: titled ? title : null, rows };
}

const KIND_SV: Record<string, string> = {
  budget: 'budget',
  outcome: 'utfall',
  cost: 'kostnad',
  income: 'intäkt',
  financing: 'finansiering',
  grant: 'finansiering',
  total: 'summa',
  other: '',
};

/**
 * The table as card text: a bold line for each area/section label where it changes, then one line
 * per row ("- Vatten: −149 469 kr (kostnad 2025)"); at most `maxRows` rows.
 */
export function mainTableText(t: MainTable, formatSek: (n: number) => string, maxRows = 20): string[] {
  const out: string[] = [];
  let group: string | null = null;
  for (const r of t.rows.slice(0, maxRows)) {
    if (r.group && r.group !== group) out.push(`**${r.group.replace(/ \/ /g, ' › ')}**`);
    group = r.group;
    const figures = r.figures.map((f) => {
      const note = [KIND_SV[f.kind] ?? '', f.period ?? ''].filter(Boolean).join(' ');
      return note ? `${formatSek(f.amountSek)} (${note})` : formatSek(f.amountSek);
    });
    out.push(`- ${r.label || 'Summa'}: ${figures.join(' · ')}`);
  }
  if (t.rows.length > maxRows) out.push(`… och ${t.rows.length - maxRows} rader till.`);
  return out;
}
