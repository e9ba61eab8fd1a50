/**
 * Budget lines and plan activities of the five corpus PDFs against handmade golden files
 * (test/fixtures/<name>.budget.json), field by field. Entries marked `knownGap` are reported, and
 * must keep failing in the same way (so fixing one means updating the golden file on purpose).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BudgetLine, PlanActivity } from '../../core/facts.js';
import { extractPlanActivities } from '../../parsers/facts/activities.js';
import { extractBudgetLines } from '../../parsers/facts/budget.js';
import { extractPdfText } from '../../parsers/pdf-text.js';

type Expected = Omit<BudgetLine, 'quote'> & { knownGap?: string };
interface Golden {
  budgetLines: Expected[];
  activities: PlanActivity[];
}

const norm = (s: string | null | undefined): string | null => (s == null ? null : s.replace(/\s+/g, ' ').replace(/-\s/g, '-').trim());
const key = (b: Omit<BudgetLine, 'quote'>): string =>
  JSON.stringify([b.page, b.amountSek, b.amountText, b.kind, b.period, norm(b.label), norm(b.source), norm(b.section)]);

const DOCS = [
  '2015-11-13-mal-och-handlingsplan-2016-2018',
  'lokal-namnd-kungsbacka-2021-uppfoljningsrapport-2-bildspel',
  'forslag-till-beslut-aktiviteter-for-barn-och-unga-med-behov-av-sarskilt-stod',
  '2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga',
  'regionstyrelsen-svar-till-falkenbergs-kommun-psykisk-halsa-barn-och-unga',
];

describe.each(DOCS)('budget and activities: %s', (name) => {
  it('matches the golden file row by row', async () => {
    const golden = JSON.parse(readFileSync(`test/fixtures/${name}.budget.json`, 'utf8')) as Golden;
    const pages = await extractPdfText(readFileSync(`test/fixtures/${name}.pdf`), { maxPages: 5000 });
    const lines = extractBudgetLines(pages, { date: null, language: 'sv' });
    const got = new Map<string, number>();
    for (const l of lines) got.set(key(l), (got.get(key(l)) ?? 0) + 1);
    const missing: Expected[] = [];
    let matched = 0;
    for (const e of golden.budgetLines) {
      const k = key(e);
      const n = got.get(k) ?? 0;
      if (n > 0) {
        got.set(k, n - 1);
        matched++;
        expect(e.knownGap, `known gap now extracted right, update the golden file: ${k}`).toBeUndefined();
      } else if (!e.knownGap) missing.push(e);
    }
    const gaps = golden.budgetLines.filter((e) => e.knownGap).length;
    console.info(`${name}: budget rows expected ${golden.budgetLines.length}, matched ${matched}, known gaps ${gaps}`);
    expect(missing).toEqual([]);
    expect(lines).toHaveLength(golden.budgetLines.length);

    const acts = extractPlanActivities(pages);
    expect(acts.map((a) => [a.page, a.ref, norm(a.name), norm(a.goal), norm(a.responsible), norm(a.timeline), a.area])).toEqual(
      golden.activities.map((a) => [a.page, a.ref, norm(a.name), norm(a.goal), norm(a.responsible), norm(a.timeline), a.area]),
    );
  });
});

describe('budget key figures', () => {
  it('action plan: every Ekonomi 2016 total, the Bilaga 2 totals, and the join from cost letters to activities', async () => {
    const pages = await extractPdfText(readFileSync('test/fixtures/2015-11-13-mal-och-handlingsplan-2016-2018.pdf'), { maxPages: 5000 });
    const lines = extractBudgetLines(pages, { date: null, language: 'sv' });
    const totals = lines.filter((l) => l.kind === 'total' && l.section?.startsWith('Ekonomi 2016')).map((l) => l.amountSek);
    expect(totals).toEqual([
      1_310_000, 1_310_000, 1_520_000, 1_520_000, 700_000, 700_000, 2_563_000, 2_563_000, 9_317_640, 9_317_640, 400_000, 400_000, 670_000, 670_000,
    ]);
    expect(lines.find((l) => l.amountSek === 14_236_833)).toMatchObject({
      kind: 'total',
      label: 'Total finansiering 2014-2017',
      period: '2014-2017',
      page: 39,
    });
    const b = lines.find((l) => l.kind === 'cost' && l.label.startsWith('B ') && l.section === 'Ekonomi 2016 – Gemensamt')!;
    expect(b.amountSek).toBe(375_000);
    const acts = extractPlanActivities(pages);
    expect(acts.find((a) => a.ref === 'B' && a.area === 'Gemensamma satsningar')?.name).toBe('Förstärkt gemensamt analysarbete - Hallandsbarometern');
    // Sums add up: cost rows and financing rows of each table equal their totals.
    for (const section of new Set(lines.filter((l) => l.section?.startsWith('Ekonomi 2016')).map((l) => l.section))) {
      const rows = lines.filter((l) => l.section === section);
      const cost = rows.filter((l) => l.kind === 'cost').reduce((s, l) => s + l.amountSek, 0);
      const fin = rows.filter((l) => l.kind === 'financing').reduce((s, l) => s + l.amountSek, 0);
      const [t1, t2] = rows.filter((l) => l.kind === 'total').map((l) => l.amountSek);
      expect([cost, fin], section ?? '').toEqual([t1, t2]);
    }
  });

  it('slides: budget/outcome in tkr, percentages are not amounts', async () => {
    const pages = await extractPdfText(readFileSync('test/fixtures/lokal-namnd-kungsbacka-2021-uppfoljningsrapport-2-bildspel.pdf'), { maxPages: 5000 });
    const lines = extractBudgetLines(pages, { date: null, language: 'sv' });
    expect(lines.filter((l) => l.label === 'Politiker').map((l) => [l.kind, l.amountSek])).toEqual([
      ['budget', 863_000],
      ['outcome', 466_000],
    ]);
    expect(lines.some((l) => /%/.test(l.amountText))).toBe(false);
  });

  // Its speed is measured by `npm run bench` (parse + extract on the same file).
  it('extracts every copy of the plan in the 400-page file', async () => {
    const pages = await extractPdfText(readFileSync('test/fixtures/edge/large-400-pages-plan-repeated.pdf'), { maxPages: 5000 });
    const lines = extractBudgetLines(pages, { date: null, language: 'sv' });
    const acts = extractPlanActivities(pages);
    expect(lines.filter((l) => l.amountSek === 9_317_640).length).toBeGreaterThanOrEqual(14);
    expect(acts.length).toBeGreaterThan(1000);
  });
});
