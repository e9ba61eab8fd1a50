/**
 * Budget at a glance, through the real endpoint, the workers and the channel emulator: the summary
 * card of a follow-up report compares budget and outcome in a grouped bar chart, that of an action
 * plan shows cost by area in a pie; an amount question is followed by a chart of the table its
 * answer cites. Every chart carries the same numbers as text, and they are the stored budget lines.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetChartElements, cardBytes, MAX_MESSAGE_BYTES, withBudgetChart } from '../../bot/logic/budget-chart.js';
import { cardOf, startBotHarness, type BotHarness, type RecordedReply } from '../helpers/bot-harness.js';

const REPORT = 'test/fixtures/lokal-namnd-kungsbacka-2021-uppfoljningsrapport-2-bildspel.pdf';
const PLAN = 'test/fixtures/2015-11-13-mal-och-handlingsplan-2016-2018.pdf';

let h: BotHarness;
const conv = () => h.personal('ekonom');
const from = () => h.user('ekonom', 'Eva Ekonom');

type Element = { type: string; items?: Element[]; data?: unknown; text?: string; title?: string };

/** All elements of a card, depth first. */
function elements(card: Record<string, unknown>): Element[] {
  const out: Element[] = [];
  const walk = (xs: unknown) => {
    for (const e of (xs as Element[] | undefined) ?? []) {
      out.push(e);
      walk(e.items);
    }
  };
  walk(card.body);
  return out;
}

const sek = (n: number) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} kr`;

async function summaryOf(file: string): Promise<Record<string, unknown>> {
  const before = h.emu.sent.length;
  await h.post(h.message({ conversation: conv(), from: from(), attachments: [h.fileAttachment(file.split('/').pop()!, fs.readFileSync(file))] }));
  const msg = await h.emu.waitFor((a) => h.emu.sent.indexOf(a) >= before && a.conversationId === conv().id && cardOf(a) !== null && a.op !== 'update', 90_000);
  return cardOf(msg)!;
}

async function documentId(fileName: string): Promise<string> {
  return (await h.job.runtime.db.query<{ id: string }>('SELECT id FROM documents WHERE file_name = $1', [fileName])).rows[0]!.id;
}

beforeAll(async () => {
  h = await startBotHarness({ name: 'budgetchart' });
}, 60_000);

afterAll(async () => {
  await h?.stop();
});

describe('charts in summary cards', () => {
  it('a follow-up report: budget against outcome, the same pairs as the stored lines, also as text', { timeout: 120_000 }, async () => {
    const card = await summaryOf(REPORT);
    const chart = elements(card).find((e) => e.type === 'Chart.VerticalBar.Grouped');
    expect(chart, 'a grouped bar chart').toBeDefined();
    const [budget, outcome] = chart!.data as Array<{ legend: string; values: Array<{ x: string; y: number }> }>;
    expect(budget!.legend).toBe('Budget');
    expect(outcome!.legend).toBe('Utfall');
    const id = await documentId(REPORT.split('/').pop()!);
    const lines = (
      await h.job.runtime.db.query<{ kind: string; label: string; amount_sek: string }>(
        `SELECT kind, label, amount_sek FROM budget_lines WHERE document_id = $1 AND kind IN ('budget','outcome')`,
        [id],
      )
    ).rows;
    expect(budget!.values.length).toBeGreaterThanOrEqual(2);
    const text = elements(card)
      .map((e) => e.text ?? '')
      .join('\n');
    for (const [i, b] of budget!.values.entries()) {
      const o = outcome!.values[i]!;
      expect(o.x).toBe(b.x);
      // Each pair is a stored budget line and a stored outcome line of that item.
      expect(lines.some((l) => l.kind === 'budget' && l.label === b.x && Number(l.amount_sek) === b.y)).toBe(true);
      expect(lines.some((l) => l.kind === 'outcome' && l.label === o.x && Number(l.amount_sek) === o.y)).toBe(true);
      expect(text).toContain(`${b.x}: budget ${sek(b.y)}, utfall ${sek(o.y)}`);
    }
    // The report's first table: politicians 863 000 budgeted, 466 000 used.
    expect(budget!.values).toContainEqual({ x: 'Politiker', y: 863_000 });
    expect(outcome!.values).toContainEqual({ x: 'Politiker', y: 466_000 });
    expect(cardBytes(card)).toBeLessThan(MAX_MESSAGE_BYTES);
  });

  it('an action plan: cost by area from the cost totals of its tables', { timeout: 120_000 }, async () => {
    const card = await summaryOf(PLAN);
    const pie = elements(card).find((e) => e.type === 'Chart.Pie');
    expect(pie, 'a pie chart').toBeDefined();
    const data = pie!.data as Array<{ legend: string; value: number }>;
    const id = await documentId(PLAN.split('/').pop()!);
    const totals = (
      await h.job.runtime.db.query<{ section: string; amount_sek: string }>(
        `SELECT section, amount_sek FROM budget_lines WHERE document_id = $1 AND kind = 'total' AND label ILIKE 'summa kostnader%'`,
        [id],
      )
    ).rows;
    expect(totals.length).toBeGreaterThanOrEqual(2);
    expect(data).toHaveLength(Math.min(totals.length, 8));
    for (const d of data) {
      // Each slice is one area's stored cost total; its name is the area part of the table heading.
      expect(totals.some((t) => t.section.endsWith(d.legend) && Number(t.amount_sek) === d.value)).toBe(true);
    }
    const text = elements(card)
      .map((e) => e.text ?? '')
      .join('\n');
    for (const d of data) expect(text).toContain(`${d.legend}: ${sek(d.value)}`);
  });
});

describe('charts with budget answers', () => {
  const chartAfter = (replies: RecordedReply[]) =>
    replies.map((r) => cardOf(r)).find((c) => c !== null && elements(c).some((e) => e.type.startsWith('Chart.')));

  it('an amount question gets the chart of the table its answer cites', async () => {
    const replies = await h.exchange(h.message({ conversation: conv(), from: from(), text: 'Hur mycket kostar Hallandsbarometern 2016?' }));
    expect(replies[0]!.activity.text).toMatch(/375 000 kr/);
    const card = chartAfter(replies);
    expect(card, 'a chart card after the answer').toBeDefined();
    const pie = elements(card!).find((e) => e.type === 'Chart.Pie')!;
    const data = pie.data as Array<{ legend: string; value: number }>;
    // The cited amount is one slice; the others are the same table's costs.
    expect(data.some((d) => d.value === 375_000)).toBe(true);
    expect(data.length).toBeGreaterThanOrEqual(2);
    // The same numbers as text, for screen readers and clients without charts; well under Teams' limit.
    const text = elements(card!)
      .map((e) => e.text ?? '')
      .join('\n');
    for (const d of data) expect(text).toContain(`${d.legend}: ${sek(d.value)}`);
    expect(cardBytes(card)).toBeLessThan(MAX_MESSAGE_BYTES);
  });

  it('the budget command gets one too, and a question that is not about money gets none', async () => {
    expect(chartAfter(await h.exchange(h.message({ conversation: conv(), from: from(), text: 'budget Politiker' })))).toBeDefined();
    expect(chartAfter(await h.exchange(h.message({ conversation: conv(), from: from(), text: 'Vem var närvarande?' })))).toBeUndefined();
  });

  it('never makes a summary card larger than a Teams message may be', () => {
    const big = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x'.repeat(MAX_MESSAGE_BYTES - 200) }] };
    const chart = {
      kind: 'shares' as const,
      title: 'Kostnad per område',
      items: [
        { label: 'A', value: 1 },
        { label: 'B', value: 2 },
      ],
    };
    expect(withBudgetChart(big, chart)).toBe(big);
    const small = { type: 'AdaptiveCard', version: '1.5', body: [] };
    expect((withBudgetChart(small, chart).body as unknown[]).length).toBe(budgetChartElements(chart).length);
  });
});
