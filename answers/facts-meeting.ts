/** Decisions of a meeting, and the next meeting. */
import { decisionsOf, nextMeetings } from '../store/answer-queries.js';
import { citeAll, type HandlerContext, type HandlerResult } from './context.js';
import { dateMatches, formatDate } from './dates.js';
import { clip, NOT_FOUND, sourcesLine, t } from './format.js';
import { chooseMeeting } from './meetings.js';
import { fold } from './text.js';

export async function answerDecisions(ctx: HandlerContext): Promise<HandlerResult | null> {
  let docIds: string[] | null = null;
  // "på mötet" / "at the meeting" means one meeting: the named or the latest one.
  if (ctx.date || /\b(mote|motet|meeting)\b/.test(fold(ctx.question))) {
    const choice = await chooseMeeting(ctx);
    if ('missing' in choice) {
      if (choice.missing === 'no-such-date') return { found: false, answer: `${NOT_FOUND[ctx.lang]} ${t(ctx.lang, 'Inget möte med det datumet finns bland gruppens mötesanteckningar.', 'No meeting on that date is among the group’s minutes.')}`, citations: [], facts: [] };
    } else docIds = [choice.meeting.id];
  }
  const rows = await decisionsOf(ctx.db, ctx.groupIds, docIds);
  if (rows.length === 0) return null;
  const shown = rows.slice(0, 10);
  const citations = await citeAll(ctx, shown.map((d) => ({ documentId: d.document_id, page: d.page, quote: clip(d.quote ?? d.text, 300) })));
  const body = shown.map((d) => `• ${clip(d.text, 250)}`).join('\n');
  return {
    found: true,
    answer: `${t(ctx.lang, 'Beslut', 'Decisions')}:\n${body}\n${sourcesLine(citations, ctx.lang)}`,
    citations,
    facts: rows.map((d) => `Decision: ${d.text} (p. ${d.page ?? '?'})`),
  };
}

export async function answerNextMeeting(ctx: HandlerContext): Promise<HandlerResult | null> {
  const rows = await nextMeetings(ctx.db, ctx.groupIds);
  if (rows.length === 0) return null;
  // The newest minutes know best when the group meets next.
  rows.sort((a, b) => (b.doc_date ?? '').localeCompare(a.doc_date ?? '') || (b.date ?? '').localeCompare(a.date ?? ''));
  let n = rows[0]!;
  if (ctx.date && ctx.date.kind === 'date') {
    const hit = rows.find((r) => dateMatches(r.date, ctx.date!));
    if (!hit) return { found: false, answer: `${NOT_FOUND[ctx.lang]} ${t(ctx.lang, 'Inget möte det datumet nämns.', 'No meeting on that date is mentioned.')}`, citations: [], facts: [] };
    n = hit;
  }
  const { lang } = ctx;
  const when = n.date ? formatDate(n.date, lang) : clip(n.text, 120);
  const extra = [n.time, n.place].filter(Boolean).join(', ');
  const answer = t(lang, `Nästa möte är ${when}${extra ? `, ${extra}` : ''}.`, `The next meeting is on ${when}${extra ? `, ${extra}` : ''}.`);
  const citations = await citeAll(ctx, [{ documentId: n.document_id, page: n.page, quote: clip(n.text, 300) }]);
  return { found: true, answer: `${answer} ${sourcesLine(citations, lang)}`, citations, facts: [`Next meeting: ${n.date ?? ''} ${n.time ?? ''} ${n.place ?? ''} — ${n.text}`] };
}
