/**
 * Budget at a glance: an Adaptive Card chart from a document's budget lines, with the same numbers
 * as text for screen readers. Which chart, by what the lines hold:
 * - budget and outcome of the same items (a follow-up report): grouped bars "Budget" vs "Utfall";
 * - cost totals of several areas (an action plan's "Ekonomi – <område>" tables): a pie of cost by area;
 * - the cost lines of one table: a pie of cost by item.
 * For a question the table the answer cites comes first; for a summary, the widest view.
 * Chart elements and their data shapes as Teams documents them (Microsoft Learn, "Charts in
 * Adaptive Cards"): `Chart.Pie` `data: [{ legend, value }]`, `Chart.VerticalBar.Grouped`
 * `data: [{ legend, values: [{ x, y }] }]` (at most 4 series); `fallback: 'drop'` lets clients
 * without charts show the rest of the card. Plain TypeScript.
 */
import type { Queryable } from '../../store/db.js';
import { formatAmount } from '../../answers/index.js';

export interface ChartLine {
  documentId: string;
  kind: string;
  label: string;
  amountSek: number;
  period: string | null;
  section: string | null;
  page: number | null;
}

export interface BudgetChart {
  kind: 'budget-vs-outcome' | 'shares';
  title: string;
  items: Array<{ label: string; value: number; outcome?: number }>;
}

type CardElement = Record<string, unknown>;

/** Teams refuses messages over about 100 KB; stay well below. */
export const MAX_MESSAGE_BYTES = 80_000;
const MAX_ITEMS = 8;
const LABEL_CHARS = 40;

/** Words that mark a line or total as money coming in, not going out. */
const FINANCING_WORDS = ['finansier', 'intäkt', 'funding', 'income', 'revenue'];
/** Words that mark a line as money going out (a cost total, as opposed to assets or income). */
const COST_WORDS = ['kostnad', 'utgift', 'cost', 'expense', 'expenditure'];
/** Sums and subtotals: "Summa …", "Delsumma", "Totalt", "Subtotal", "Subsubtotal". */
const TOTAL_LABEL = /^((sub)*total\w*|(del)?summa\w*|sum)\b/i;
/** A label a reader can recognise: at least one word of three letters ("7 N" is a table artefact). */
const READABLE = /\p{L}{3}/u;

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const isTotal = (l: ChartLine) => l.kind === 'total' || TOTAL_LABEL.test(l.label.trim());
const isFinancing = (l: ChartLine) =>
  l.kind === 'financing' || l.kind === 'grant' || FINANCING_WORDS.some((w) => fold(`${l.label} ${isTotal(l) ? '' : (l.section ?? '')}`).includes(w));

const hasCostWord = (s: string) => COST_WORDS.some((w) => fold(s).includes(w));

export async function loadChartLines(q: Queryable, documentIds: string[]): Promise<ChartLine[]> {
  if (documentIds.length === 0) return [];
  const rows = (
    await q.query<{
      document_id: string;
      kind: string;
      label: string;
      amount_sek: number | string;
      period: string | null;
      section: string | null;
      page: number | null;
    }>(`SELECT document_id, kind, label, amount_sek, period, section, page FROM budget_lines WHERE document_id = ANY($1::uuid[]) ORDER BY document_id, ord`, [
      documentIds,
    ])
  ).rows;
  return rows.map((r) => ({
    documentId: r.document_id,
    kind: r.kind,
    label: r.label,
    amountSek: Number(r.amount_sek),
    period: r.period,
    section: r.section,
    page: r.page,
  }));
}

function dedupe(lines: ChartLine[]): ChartLine[] {
  const seen = new Set<string>();
  return lines.filter((l) => {
    const k = `${l.documentId}|${l.kind}|${fold(l.label)}|${l.amountSek}|${l.period ?? ''}|${fold(l.section ?? '')}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) (m.get(key(x)) ?? m.set(key(x), []).get(key(x))!).push(x);
  return m;
}

function clipLabel(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= LABEL_CHARS ? t : `${t.slice(0, LABEL_CHARS - 1).trimEnd()}…`;
}

/** Names without the words they all share ("Ekonomi 2016 – Äldre", "Ekonomi 2016 – Psykiatri" → "Äldre", "Psykiatri"). */
export function distinctNames(names: string[]): string[] {
  if (names.length < 2) return names;
  const words = names.map((n) => n.split(/\s+/));
  let common = 0;
  while (words.every((w) => w.length > common + 1 && w[common] === words[0]![common])) common++;
  return words.map((w) =>
    w
      .slice(common)
      .join(' ')
      .replace(/^[\s–—:-]+/, ''),
  );
}

/** Keeps the largest items; the rest become one "Övrigt". */
function topItems(items: BudgetChart['items'], language: 'sv' | 'en'): BudgetChart['items'] {
  const sorted = [...items].sort((a, b) => b.value - a.value);
  if (sorted.length <= MAX_ITEMS) return sorted;
  const rest = sorted.slice(MAX_ITEMS - 1).reduce((s, i) => s + i.value, 0);
  return [...sorted.slice(0, MAX_ITEMS - 1), { label: language === 'en' ? 'Other' : 'Övrigt', value: rest }];
}

/** "<title>, <period>" unless the title names the period already; long table headings clipped. */
function withPeriod(title: string, period: string | null): string {
  const t = period && !title.includes(period) ? `${title}, ${period}` : title;
  return t.length <= 90 ? t : `${t.slice(0, 89).trimEnd()}…`;
}

const firstPage = (t: ChartLine[]) => Math.min(...t.map((l) => l.page ?? Infinity));

/** Budget and outcome of the same items, per table. */
function budgetVsOutcome(lines: ChartLine[], focus: Set<number> | null, language: 'sv' | 'en'): BudgetChart | null {
  const rows = lines.filter((l) => (l.kind === 'budget' || l.kind === 'outcome') && !isTotal(l) && l.amountSek >= 0 && READABLE.test(l.label));
  const tables = groupBy(rows, (l) => `${l.documentId}|${fold(l.section ?? '')}|${l.period ?? ''}`);
  const candidates = [...tables.values()]
    .map((t) => {
      const items = [...groupBy(t, (l) => fold(l.label)).values()]
        .map((same) => ({ budget: same.find((l) => l.kind === 'budget'), outcome: same.find((l) => l.kind === 'outcome') }))
        .filter((p) => p.budget && p.outcome)
        .map((p) => ({ label: clipLabel(p.budget!.label), value: p.budget!.amountSek, outcome: p.outcome!.amountSek }));
      return { t, items };
    })
    .filter((c) => c.items.length > 0 && (!focus || c.t.some((l) => l.page !== null && focus.has(l.page))))
    // A comparison needs two items; of those, the first table (documents go from overview to detail).
    .sort((a, b) => Number(b.items.length >= 2) - Number(a.items.length >= 2) || firstPage(a.t) - firstPage(b.t) || b.items.length - a.items.length);
  const best = candidates[0];
  if (!best) return null;
  const section = best.t[0]!.section;
  const head = language === 'en' ? 'Budget and outcome' : 'Budget och utfall';
  return { kind: 'budget-vs-outcome', title: withPeriod(section ? `${head} – ${section}` : head, best.t[0]!.period), items: best.items.slice(0, MAX_ITEMS) };
}

/** Cost totals of the areas (tables) of one document and period. */
function costByArea(lines: ChartLine[], language: 'sv' | 'en'): BudgetChart | null {
  // Cost totals only: a balance sheet's or an income statement's sums are not costs by area.
  const totals = lines.filter((l) => isTotal(l) && !isFinancing(l) && l.amountSek > 0 && l.section && hasCostWord(l.label));
  const groups = [...groupBy(totals, (l) => `${l.documentId}|${l.period ?? ''}`).values()]
    .map((g) => [...groupBy(g, (l) => fold(l.section!)).values()].map((same) => same[0]!))
    .filter((g) => g.length >= 2)
    .sort((a, b) => b.length - a.length);
  const best = groups[0];
  if (!best) return null;
  const names = distinctNames(best.map((l) => l.section!.trim()));
  const items = best.map((l, i) => ({ label: clipLabel(names[i] || l.section!), value: l.amountSek }));
  return { kind: 'shares', title: withPeriod(language === 'en' ? 'Cost by area' : 'Kostnad per område', best[0]!.period), items: topItems(items, language) };
}

/** The cost lines of one table (a line that only repeats the table's heading is not an item). */
function costByItem(lines: ChartLine[], focus: Set<number> | null, language: 'sv' | 'en'): BudgetChart | null {
  const costs = lines.filter(
    (l) =>
      (l.kind === 'cost' || l.kind === 'budget') &&
      !isTotal(l) &&
      !isFinancing(l) &&
      l.amountSek > 0 &&
      READABLE.test(l.label) &&
      fold(l.label) !== fold(l.section ?? ''),
  );
  const tables = [...groupBy(costs, (l) => `${l.documentId}|${fold(l.section ?? '')}|${l.period ?? ''}`).values()]
    // One item per label: the same label twice in a table is a repeated line, not two costs.
    .map((t) => [...groupBy(t, (l) => fold(l.label)).values()].map((same) => same[0]!))
    .filter((t) => t.length >= 2 && (!focus || t.some((l) => l.page !== null && focus.has(l.page))))
    .sort((a, b) => b.length - a.length);
  const best = tables[0];
  if (!best) return null;
  const section = best[0]!.section;
  const head = language === 'en' ? 'Costs' : 'Kostnader';
  const items = best.map((l) => ({ label: clipLabel(l.label), value: l.amountSek }));
  return { kind: 'shares', title: withPeriod(section ? `${head} – ${section}` : head, best[0]!.period), items: topItems(items, language) };
}

/**
 * The chart for a set of budget lines. `focusPages`: the pages an answer cites (the table there
 * comes first); without it, the summary's widest view. Null when the lines make no useful chart.
 */
export function chooseBudgetChart(all: ChartLine[], o: { focusPages?: number[]; language?: 'sv' | 'en' } = {}): BudgetChart | null {
  const language = o.language ?? 'sv';
  const lines = dedupe(all);
  const focus = o.focusPages?.length ? new Set(o.focusPages) : null;
  if (focus) return budgetVsOutcome(lines, focus, language) ?? costByItem(lines, focus, language) ?? costByArea(lines, language);
  return budgetVsOutcome(lines, null, language) ?? costByArea(lines, language) ?? costByItem(lines, null, language);
}

/** The chart and its numbers as text, as card elements (for the summary card or a card of its own). */
export function budgetChartElements(c: BudgetChart, language: 'sv' | 'en' = 'sv'): CardElement[] {
  const en = language === 'en';
  const chart: CardElement =
    c.kind === 'budget-vs-outcome'
      ? {
          type: 'Chart.VerticalBar.Grouped',
          title: c.title,
          yAxisTitle: 'kr',
          colorSet: 'categorical',
          data: [
            { legend: 'Budget', values: c.items.map((i) => ({ x: i.label, y: i.value })) },
            { legend: en ? 'Outcome' : 'Utfall', values: c.items.map((i) => ({ x: i.label, y: i.outcome ?? 0 })) },
          ],
          fallback: 'drop',
        }
      : { type: 'Chart.Pie', title: c.title, colorSet: 'categorical', data: c.items.map((i) => ({ legend: i.label, value: i.value })), fallback: 'drop' };
  const text = c.items.map((i) =>
    c.kind === 'budget-vs-outcome'
      ? `- ${i.label}: budget ${formatAmount(i.value)}, ${en ? 'outcome' : 'utfall'} ${formatAmount(i.outcome ?? 0)}`
      : `- ${i.label}: ${formatAmount(i.value)}`,
  );
  return [
    {
      type: 'Container',
      spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: c.title, weight: 'Bolder', wrap: true },
        chart,
        // The same numbers for screen readers and clients without charts.
        { type: 'TextBlock', text: text.join('\n'), wrap: true, spacing: 'Small' },
      ],
    },
  ];
}

/** A card of its own (for a budget question). */
export function budgetChartCard(c: BudgetChart, language: 'sv' | 'en' = 'sv'): Record<string, unknown> {
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body: budgetChartElements(c, language) };
}

export function cardBytes(card: unknown): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** The summary card with the chart added at the end of its body, unless that would make the message too large. */
export function withBudgetChart(card: Record<string, unknown>, c: BudgetChart | null, language: 'sv' | 'en' = 'sv'): Record<string, unknown> {
  if (!c) return card;
  const body = Array.isArray(card.body) ? (card.body as CardElement[]) : [];
  const next = { ...card, body: [...body, ...budgetChartElements(c, language)] };
  return cardBytes(next) <= MAX_MESSAGE_BYTES ? next : card;
}
