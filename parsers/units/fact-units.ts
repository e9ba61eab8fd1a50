/**
 * Extracted facts rendered as sentences (attendance, roles, action items, decisions, next
 * meeting, budget lines), so that one ranking serves fact questions and text questions. The
 * quote is the fact's own quote from the document where there is one: an answer never cites
 * words the document does not print.
 */
import type { EvidenceUnit, ExtractResult } from '../../core/facts.js';

type Unit = Omit<EvidenceUnit, 'ord'>;

function nameOf(a: { name: string; role: string | null; organisation: string | null }): string {
  const extra = [a.role, a.organisation].filter(Boolean).join(', ');
  return extra ? `${a.name} (${extra})` : a.name;
}

export function factUnits(f: ExtractResult): Unit[] {
  const out: Unit[] = [];
  const push = (page: number | null | undefined, section: string | null, text: string, quote?: string | null) =>
    out.push({ page: page ?? 1, kind: 'fact', section, text, quote: quote?.trim() || text });
  const d = f.document;
  const about = [d.title, d.organisation, d.date].filter(Boolean).join(', ');
  if (about) push(1, null, `Dokument: ${about}`);

  const present = f.attendees.filter((a) => a.present);
  const absent = f.attendees.filter((a) => !a.present);
  const firstPage = (xs: Array<{ page?: number | null }>) => xs.find((x) => x.page)?.page ?? 1;
  if (present.length) push(firstPage(present), 'Närvarande', `Närvarande (deltagare, attended): ${present.map(nameOf).join(', ')}`);
  if (absent.length) push(firstPage(absent), 'Frånvarande', `Frånvarande (ej närvarande, absent): ${absent.map(nameOf).join(', ')}`);
  for (const a of f.attendees) {
    if (a.flags.includes('chair')) push(a.page, null, `Ordförande (chair): ${a.name}`, a.quote);
    if (a.flags.includes('secretary')) push(a.page, null, `Sekreterare (protokollförare, secretary, minutes): ${a.name}`, a.quote);
    if (a.flags.includes('adjuster')) push(a.page, null, `Justerare (justera protokollet): ${a.name}`, a.quote);
  }
  for (const a of f.actionItems) {
    const who = a.owners.length ? `${a.owners.join(', ')}: ` : '';
    const due = a.dueText ? ` (${a.dueText})` : '';
    push(a.page, a.section, `Uppgift (åtgärd, action): ${who}${a.task}${due}`, a.quote);
  }
  for (const x of f.decisions) push(x.page, x.section, `Beslut (beslutades, decision): ${x.text}`, x.quote);
  if (f.nextMeeting) {
    const n = f.nextMeeting;
    push(n.page, null, `Nästa möte (next meeting): ${n.text}`, n.text);
  }
  for (const b of f.budgetLines) {
    const ctx = [b.section, b.period].filter(Boolean).join(', ');
    push(b.page, b.section, `${ctx ? ctx + ' – ' : ''}${b.label}: ${b.amountText}`, b.quote);
  }
  return out;
}
