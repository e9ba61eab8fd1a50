/**
 * The summary of one stored document (card content model) and its Adaptive Card. The model is
 * loaded from the fact tables, where a secretary's corrections of owners and due dates win over
 * what was extracted.
 */
import type { Queryable } from '../../store/db.js';
import { loadChartLines, type ChartLine } from './budget-chart.js';
import { mainTable, mainTableText, type MainTable } from './budget-table.js';

export interface SummaryActionItem {
  id: number;
  task: string;
  owners: string[];
  due: string | null;
  dueText: string | null;
  corrected: boolean;
  status: 'open' | 'done';
  page: number | null;
}

export interface Summary {
  documentId: string;
  fileName: string;
  title: string | null;
  kind: string | null;
  date: string | null;
  organisation: string | null;
  pages: number | null;
  present: string[];
  absent: string[];
  actionItems: SummaryActionItem[];
  decisions: string[];
  nextMeeting: string | null;
  budgetTotals: Array<{ kind: string; label: string; amountSek: number }>;
  /** The document's main budget table (its largest), row by row under its section labels; null when it has none. */
  budgetTable: MainTable | null;
}

/** `budgetLines`: the document's lines when the caller has read them already (for its chart). */
export async function loadSummary(q: Queryable, documentId: string, budgetLines?: readonly ChartLine[]): Promise<Summary | null> {
  const doc = (
    await q.query<{
      id: string;
      file_name: string;
      title: string | null;
      kind: string | null;
      doc_date: string | null;
      organisation: string | null;
      page_count: number | null;
    }>('SELECT id, file_name, title, kind, doc_date, organisation, page_count FROM documents WHERE id = $1', [documentId])
  ).rows[0];
  if (!doc) return null;
  const attendees = (
    await q.query<{ name: string; present: boolean; role: string | null }>('SELECT name, present, role FROM attendees WHERE document_id = $1 ORDER BY ord', [
      documentId,
    ])
  ).rows;
  const items = await listActionItems(q, { documentIds: [documentId] });
  const decisions = (await q.query<{ text: string }>('SELECT text FROM decisions WHERE document_id = $1 ORDER BY ord', [documentId])).rows.map((r) => r.text);
  const next = (
    await q.query<{ date: string | null; time: string | null; place: string | null; text: string }>(
      'SELECT date, time, place, text FROM next_meetings WHERE document_id = $1',
      [documentId],
    )
  ).rows[0];
  const lines = budgetLines ?? (await loadChartLines(q, [documentId]));
  return {
    documentId: doc.id,
    fileName: doc.file_name,
    title: doc.title,
    kind: doc.kind,
    date: doc.doc_date,
    organisation: doc.organisation,
    pages: doc.page_count,
    present: attendees.filter((a) => a.present).map((a) => a.name),
    absent: attendees.filter((a) => !a.present).map((a) => a.name),
    actionItems: items,
    decisions,
    nextMeeting: next ? [next.date, next.time, next.place].filter(Boolean).join(', ') || next.text : null,
    budgetTotals: lines.filter((b) => b.kind === 'total').map((b) => ({ kind: b.kind, label: b.label, amountSek: b.amountSek })),
    budgetTable: mainTable(lines),
  };
}

/** Action items with corrections applied (corrected owners/due win over extraction). */
export async function listActionItems(
  q: Queryable,
  f: { documentIds?: string[]; groupIds?: string[]; owner?: string; openOnly?: boolean },
): Promise<Array<SummaryActionItem & { documentId: string; document: string }>> {
  const rows = (
    await q.query<{
      id: number;
      document_id: string;
      document: string;
      task: string;
      owners: string[];
      corrected_owners: string[] | null;
      due: string | null;
      corrected_due: string | null;
      due_text: string | null;
      status: 'open' | 'done';
      page: number | null;
    }>(
      `SELECT a.id, a.document_id, COALESCE(d.title, d.file_name) AS document, a.task, a.owners, a.corrected_owners, a.due,
              a.corrected_due, a.due_text, a.status, a.page
       FROM action_items a JOIN documents d ON d.id = a.document_id
       WHERE ($1::uuid[] IS NULL OR a.document_id = ANY($1::uuid[])) AND ($2::uuid[] IS NULL OR a.group_id = ANY($2::uuid[]))
         AND (NOT $3 OR a.status = 'open')
       ORDER BY COALESCE(a.corrected_due, a.due) NULLS LAST, d.doc_date, a.ord`,
      [f.documentIds ?? null, f.groupIds ?? null, f.openOnly ?? false],
    )
  ).rows;
  const items = rows.map((r) => ({
    id: Number(r.id),
    documentId: r.document_id,
    document: r.document,
    task: r.task,
    owners: r.corrected_owners ?? r.owners,
    due: r.corrected_due ?? r.due,
    dueText: r.corrected_due ? null : r.due_text,
    corrected: r.corrected_owners !== null || r.corrected_due !== null,
    status: r.status,
    page: r.page,
  }));
  if (!f.owner) return items;
  const want = fold(f.owner);
  return items.filter((i) => i.owners.some((o) => fold(o).includes(want)));
}

function fold(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

const KIND_SV: Record<string, string> = {
  minutes: 'Mötesanteckningar/protokoll',
  plan: 'Plan',
  decision: 'Beslutsunderlag',
  report: 'Rapport',
  letter: 'Skrivelse',
  slides: 'Presentation',
  other: 'Dokument',
};

export function formatSek(amount: number): string {
  return `${Math.round(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} kr`;
}

type CardElement = Record<string, unknown>;

function section(title: string, body: string[]): CardElement[] {
  if (body.length === 0) return [];
  return [
    { type: 'TextBlock', text: title, weight: 'Bolder', spacing: 'Medium', wrap: true },
    { type: 'TextBlock', text: body.join('\n'), wrap: true, spacing: 'Small' },
  ];
}

/** The summary card (Adaptive Card 1.5). `link` is a signed URL to the stored original. */
export function summaryCard(s: Summary, link: string | null): Record<string, unknown> {
  const facts = [
    { title: 'Typ', value: KIND_SV[s.kind ?? 'other'] ?? 'Dokument' },
    s.date ? { title: 'Datum', value: s.date } : null,
    s.organisation ? { title: 'Organisation', value: s.organisation } : null,
    s.pages ? { title: 'Sidor', value: String(s.pages) } : null,
  ].filter((f): f is { title: string; value: string } => f !== null);
  const items = s.actionItems.map((a) => {
    const who = a.owners.length ? a.owners.join(', ') : 'ansvarig saknas';
    const due = a.due ?? a.dueText;
    return `- ${a.task} — ${who}${due ? `, senast ${due}` : ''}${a.corrected ? ' (rättad)' : ''}`;
  });
  const body: CardElement[] = [
    { type: 'TextBlock', text: s.title ?? s.fileName, size: 'Large', weight: 'Bolder', wrap: true },
    { type: 'FactSet', facts },
    ...section(`Närvarande (${s.present.length})`, s.present.length ? [s.present.join(', ')] : []),
    ...section(`Frånvarande (${s.absent.length})`, s.absent.length ? [s.absent.join(', ')] : []),
    ...section(`Åtgärder (${items.length})`, items.slice(0, 15)),
    ...section(
      `Beslut (${s.decisions.length})`,
      s.decisions.slice(0, 10).map((d) => `- ${d}`),
    ),
    ...section('Nästa möte', s.nextMeeting ? [s.nextMeeting] : []),
    ...(s.budgetTable
      ? section(`Budget${s.budgetTable.title ? ` – ${s.budgetTable.title}` : ''}`, mainTableText(s.budgetTable, formatSek))
      : section(
          'Budget (summor)',
          s.budgetTotals.slice(0, 8).map((b) => `- ${b.label}: ${formatSek(b.amountSek)}`),
        )),
  ];
  if (items.length > 15) body.push({ type: 'TextBlock', text: `… och ${items.length - 15} till.`, wrap: true, isSubtle: true });
  const actions: CardElement[] = [];
  if (link) actions.push({ type: 'Action.OpenUrl', title: 'Öppna dokumentet', url: link });
  actions.push({ type: 'Action.Submit', title: 'Alla åtgärder', data: { verb: 'allActions', documentId: s.documentId } });
  actions.push({ type: 'Action.Submit', title: 'Fel i sammanfattningen?', data: { verb: 'correctSummary', documentId: s.documentId } });
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, actions };
}

/** A form for correcting owners and due dates of a document's action items. */
export function correctionCard(s: Summary): Record<string, unknown> {
  const body: CardElement[] = [
    { type: 'TextBlock', text: `Rätta åtgärder i ${s.title ?? s.fileName}`, weight: 'Bolder', size: 'Medium', wrap: true },
    {
      type: 'TextBlock',
      text: 'Ändra ansvarig (flera med kommatecken) eller datum och tryck Spara. Rättelsen gäller i alla senare svar och listor.',
      wrap: true,
      isSubtle: true,
    },
  ];
  for (const a of s.actionItems.slice(0, 20)) {
    body.push({ type: 'TextBlock', text: a.task, wrap: true, weight: 'Bolder', spacing: 'Medium' });
    body.push({ type: 'Input.Text', id: `owners_${a.id}`, label: 'Ansvarig', value: a.owners.join(', ') });
    body.push({ type: 'Input.Date', id: `due_${a.id}`, label: 'Senast', value: a.due ?? '' });
  }
  if (s.actionItems.length === 0) body.push({ type: 'TextBlock', text: 'Dokumentet har inga åtgärder att rätta.', wrap: true });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    actions: s.actionItems.length ? [{ type: 'Action.Submit', title: 'Spara', data: { verb: 'saveCorrections', documentId: s.documentId } }] : [],
  };
}

/** Which corrections a submitted correction form asks for: only values that differ from now. */
export function correctionsFromForm(
  s: Summary,
  value: Record<string, unknown>,
): Array<{ id: number; owners: string[] | null; due: string | null; ownersChanged: boolean; dueChanged: boolean }> {
  const out = [];
  for (const a of s.actionItems) {
    const ownersRaw = value[`owners_${a.id}`];
    const dueRaw = value[`due_${a.id}`];
    const owners =
      typeof ownersRaw === 'string'
        ? ownersRaw
            .split(/[,;]| och /)
            .map((o) => o.trim())
            .filter(Boolean)
        : null;
    const due = typeof dueRaw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(dueRaw.trim()) ? dueRaw.trim() : null;
    const ownersChanged = owners !== null && owners.join('|') !== a.owners.join('|');
    const dueChanged = due !== null && due !== a.due;
    if (ownersChanged || dueChanged) out.push({ id: a.id, owners: ownersChanged ? owners : null, due: dueChanged ? due : null, ownersChanged, dueChanged });
  }
  return out;
}

/** Stores corrections; they survive re-extraction (store/facts.ts never touches corrected_*). */
export async function applyCorrections(q: Queryable, documentId: string, corrections: ReturnType<typeof correctionsFromForm>, by: string): Promise<number> {
  let n = 0;
  for (const c of corrections) {
    const r = await q.query(
      `UPDATE action_items SET corrected_owners = CASE WHEN $3 THEN $4::text[] ELSE corrected_owners END,
         corrected_due = CASE WHEN $5 THEN $6::date ELSE corrected_due END, corrected_by = $7
       WHERE id = $1 AND document_id = $2 RETURNING id`,
      [c.id, documentId, c.ownersChanged, c.owners, c.dueChanged, c.due, by],
    );
    n += r.rows.length;
  }
  return n;
}
