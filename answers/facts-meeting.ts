/** Decisions of a meeting, and the next meeting. */
import { chunksOf, decisionsOf, nextMeetings } from '../store/answer-queries.js';
import { citeAll, type HandlerContext, type HandlerResult } from './context.js';
import { dateMatches, formatDate } from './dates.js';
import { clip, NOT_FOUND, sourcesLine, t } from './format.js';
import { chooseMeeting } from './meetings.js';
import { coverage } from './match.js';
import { sentencesOf } from './passages.js';
import { contentTerms, fold } from './text.js';

/** Words that only say "decision" (folded); what remains of a question is what the decision is about. */
const DECISION_WORDS = /^(beslut\w*|beslot|fatta\w*|klubba\w*|decid\w*|decisions?|resolved|made|taken|agreed)$/;

/**
 * Sentences of minutes that state a decision when the minutes have no "Beslut:" lines:
 * "Dagordningen … godkänns", "… läggs till handlingarna", "Mötet beslutar att …".
 */
const DECIDED =
  /\b(godkann(s|es|des)|godkandes|godkand[ae]?s?|beslut(ar|ade|ades|as|s)|beslot|faststall(s|es|des)|antogs|antas|klubbades|bifalls|biful?lades|tillstyrk(s|tes)|enades|(laggs|lades) till handlingarna|approved|adopted|was decided|were decided|agreed)\b/;

export async function answerDecisions(ctx: HandlerContext): Promise<HandlerResult | null> {
  let docIds: string[] | null = null;
  let label = '';
  // "på mötet" / "at the meeting" means one meeting: the named or the latest one.
  if (ctx.date || /\b(mote|motet|meeting)\b/.test(fold(ctx.question))) {
    const choice = await chooseMeeting(ctx);
    if ('missing' in choice) {
      if (choice.missing === 'no-such-date')
        return {
          found: false,
          answer: `${NOT_FOUND[ctx.lang]} ${t(ctx.lang, 'Inget möte med det datumet finns bland gruppens mötesanteckningar.', 'No meeting on that date is among the group’s minutes.')}`,
          citations: [],
          facts: [],
        };
    } else {
      docIds = [choice.meeting.id];
      label = choice.meeting.doc_date
        ? t(ctx.lang, ` vid mötet ${formatDate(choice.meeting.doc_date, 'sv')}`, ` at the meeting on ${formatDate(choice.meeting.doc_date, 'en')}`)
        : '';
    }
  }
  // "Vilka beslut fattades om parkering?" asks about one subject: the decision must name it.
  const about = contentTerms(ctx.question).filter((x) => !DECISION_WORDS.test(x.folded));
  const covers = (text: string) => about.length === 0 || coverage(about, text).coverage >= (about.length <= 2 ? 0.99 : 0.66);
  const rows = (await decisionsOf(ctx.db, ctx.groupIds, docIds)).filter((d) => covers(`${d.text} ${d.section ?? ''}`));
  const items: Array<{ documentId: string; page: number | null; text: string; quote: string }> = rows.map((d) => ({
    documentId: d.document_id,
    page: d.page,
    text: d.text,
    quote: d.quote ?? d.text,
  }));
  if (items.length === 0 && docIds) {
    // Minutes without "Beslut:" lines: the sentences that say what was approved or decided.
    for (const c of await chunksOf(ctx.db, ctx.groupIds, docIds)) {
      for (const s of sentencesOf(c.text)) {
        if (s.length > 400 || !DECIDED.test(fold(s)) || !covers(s)) continue;
        if (!items.some((i) => i.text === s)) items.push({ documentId: c.document_id, page: c.page_no, text: s, quote: s });
      }
    }
  }
  if (items.length === 0) {
    if (!docIds) return null;
    return {
      found: false,
      answer: `${NOT_FOUND[ctx.lang]} ${t(ctx.lang, `Inget beslut${about.length ? ' om det' : ''} finns antecknat${label}.`, `No decision${about.length ? ' on that' : ''} is recorded${label}.`)}`,
      citations: [],
      facts: [],
    };
  }
  const shown = items.slice(0, 10);
  const citations = await citeAll(
    ctx,
    shown.map((d) => ({ documentId: d.documentId, page: d.page, quote: clip(d.quote, 300) })),
  );
  const body = shown.map((d) => `• ${clip(d.text, 250)}`).join('\n');
  return {
    found: true,
    answer: `${t(ctx.lang, `Beslut${label}`, `Decisions${label}`)}:\n${body}\n${sourcesLine(citations, ctx.lang)}`,
    citations,
    facts: items.map((d) => `Decision: ${d.text} (p. ${d.page ?? '?'})`),
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
    if (!hit)
      return {
        found: false,
        answer: `${NOT_FOUND[ctx.lang]} ${t(ctx.lang, 'Inget möte det datumet nämns.', 'No meeting on that date is mentioned.')}`,
        citations: [],
        facts: [],
      };
    n = hit;
  }
  const { lang } = ctx;
  const when = n.date ? formatDate(n.date, lang) : clip(n.text, 120);
  const extra = [n.time, n.place].filter(Boolean).join(', ');
  const answer = t(lang, `Nästa möte är ${when}${extra ? `, ${extra}` : ''}.`, `The next meeting is on ${when}${extra ? `, ${extra}` : ''}.`);
  const citations = await citeAll(ctx, [{ documentId: n.document_id, page: n.page, quote: clip(n.text, 300) }]);
  return {
    found: true,
    answer: `${answer} ${sourcesLine(citations, lang)}`,
    citations,
    facts: [`Next meeting: ${n.date ?? ''} ${n.time ?? ''} ${n.place ?? ''} — ${n.text}`],
  };
}
