/** The lists under the tables: wrong amounts and invented answers always; every failure with --verbose. */
import type { DocResult } from './figures.js';
import type { QaRecord, SeedSetResult } from './qa-run.js';

const clip = (s: string, n = 160) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

export function wrongAmountLines(docs: readonly DocResult[]): string[] {
  const out: string[] = [];
  for (const d of docs) {
    for (const w of d.budget?.wrong ?? []) {
      const want = w.want.length ? ` gold ${w.want.join(' | ')}` : '';
      out.push(
        `  ${d.id} p${w.page ?? '?'} [${w.reasons.join('+')}] "${clip(w.label, 60)}" = ${w.amountText} (${w.amountSek})${w.period ? ` ${w.period}` : ''}${want}`,
      );
    }
  }
  return out;
}

export function inventedLines(records: readonly QaRecord[]): string[] {
  return records
    .filter((r) => r.invented.amounts.length + r.invented.names.length > 0)
    .map((r) => {
      const parts = [...r.invented.amounts.map((a) => `amount "${a}"`), ...r.invented.names.map((n) => `name "${n}"`)];
      return `  ${r.layout} ${r.id} (${r.docId}) ${parts.join(', ')} — ${clip(r.answer, 120)}`;
    });
}

export function qaFailureLines(records: readonly QaRecord[]): string[] {
  const out: string[] = [];
  for (const r of records.filter((x) => !x.correct || (!x.unanswerable && !x.pageRight))) {
    const cited = r.cited.map((c) => `${c.doc ?? '?'}:p${c.page ?? '?'}`).join(',') || 'none';
    const what = r.correct ? 'PAGE' : 'FAIL';
    const want = r.unanswerable ? 'abstain' : `${r.match} ${JSON.stringify(r.expected)} p${r.page ?? '?'}`;
    out.push(`  ${what} ${r.layout} ${r.id} (${r.docId} ${r.split} ${r.type}/${r.lang}) ${r.q}`);
    out.push(`       expected ${want}; got found=${r.found} [${r.intent}] cited ${cited}: ${clip(r.answer)}`);
  }
  return out;
}

export function seedFailureLines(sets: readonly SeedSetResult[]): string[] {
  return sets.flatMap((s) => s.failures.map((f) => `  ${s.name} ${f.id} ${f.q} → ${f.why}: ${clip(f.answer, 120)}`));
}

export function extractionMissLines(docs: readonly DocResult[]): string[] {
  const out: string[] = [];
  for (const d of docs) {
    const lines: string[] = [];
    if (d.error) lines.push(`parse failed: [${d.error.code}] ${d.error.message}`);
    const m = d.minutes;
    if (m) {
      if (m.present.missing.length) lines.push(`present missing: ${m.present.missing.join('; ')}`);
      if (m.present.extra.length) lines.push(`present extra: ${m.present.extra.join('; ')}`);
      if (m.absent.missing.length) lines.push(`absent missing: ${m.absent.missing.join('; ')}`);
      if (m.absent.extra.length) lines.push(`absent extra: ${m.absent.extra.join('; ')}`);
      for (const [name, c] of [
        ['chair', m.chair],
        ['secretary', m.secretary],
        ['date', m.date],
        ['next meeting', m.nextMeeting],
      ] as const) {
        if (c.scored && !c.right) lines.push(`${name}: want ${JSON.stringify(c.want)} got ${JSON.stringify(c.got)}`);
      }
      if (m.decisions.got !== m.decisions.want) lines.push(`decisions: want ${m.decisions.want} got ${m.decisions.got}`);
      for (const x of m.actions.missed) lines.push(`action missed: "${clip(x, 100)}"`);
      for (const x of m.actions.wrongOwners) lines.push(`action owners: "${clip(x.evidence, 60)}" want ${JSON.stringify(x.want)} got ${JSON.stringify(x.got)}`);
      for (const x of m.actions.wrongDue) lines.push(`action due: "${clip(x.evidence, 60)}" want ${x.want} got ${x.got}`);
      for (const x of m.actions.extra) lines.push(`action extra: "${clip(x, 100)}"`);
    }
    const b = d.budget;
    if (b?.hasGold) {
      lines.push(`budget: ${b.exact} exact, ${b.amountLabel} amount+label of ${b.gold} gold; ${b.system} extracted`);
      for (const x of b.missed) lines.push(`budget missed p${x.page}: "${clip(x.label, 60)}" ${x.amountSek} ${x.kind} ${x.period ?? '-'}`);
      for (const x of b.kindOrPeriodOff) lines.push(`budget kind/period p${x.page}: "${clip(x.label, 60)}" want ${x.want} got ${x.got}`);
    }
    if (lines.length) out.push(`  ${d.id} (${d.split}) ${d.file}`, ...lines.map((l) => `      ${l}`));
  }
  return out;
}

/** One line per document: the figures behind the split totals. */
export function perDocumentLines(docs: readonly DocResult[]): string[] {
  const f1 = (x: { tp: number; fp: number; fn: number }) => (x.tp + x.fp + x.fn === 0 ? '–' : ((2 * x.tp) / (2 * x.tp + x.fp + x.fn)).toFixed(2));
  const yn = (c: { scored: boolean; right: boolean }) => (!c.scored ? '–' : c.right ? 'y' : 'n');
  const widths = [5, 6, 8, 7, 6, 4, 5, 5, 15, 7, 6, 23, 7];
  const row = (cells: string[]) => '  ' + cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('');
  const head = row(['doc', 'split', 'present', 'absent', 'chair', 'sec', 'date', 'next', 'actions m/g/s', 'owners', 'due', 'budget exact/a+l/gold', 'wrong']);
  const rows = docs.map((d) => {
    const m = d.minutes;
    const b = d.budget;
    const mins = m
      ? [
          m.present.scored ? f1(m.present) : '–',
          m.absent.scored ? f1(m.absent) : '–',
          yn(m.chair),
          yn(m.secretary),
          yn(m.date),
          yn(m.nextMeeting),
          `${m.actions.matched}/${m.actions.gold}/${m.actions.system}`,
          `${m.actions.ownersRight}/${m.actions.matched}`,
          `${m.actions.dueRight}/${m.actions.dueGold}`,
        ]
      : Array<string>(9).fill('');
    const bud = b?.hasGold ? `${b.exact}/${b.amountLabel}/${b.gold}` : '';
    return row([d.id, d.split, ...mins, bud, String(b?.wrong.length ?? 0)]) + (d.error ? `  parse failed: ${d.error.code}` : '');
  });
  return [head, ...rows];
}
