/** Which meeting a question is about: the one it names by date, else the latest. */
import { listMeetings, type MeetingRow } from '../store/answer-queries.js';
import type { HandlerContext, HandlerResult } from './context.js';
import { NOT_FOUND, t } from './format.js';
import { dateMatches } from './dates.js';

export type MeetingChoice = { meeting: MeetingRow } | { missing: 'no-meetings' | 'no-such-date' };

export async function chooseMeeting(ctx: HandlerContext): Promise<MeetingChoice> {
  const meetings = await listMeetings(ctx.db, ctx.groupIds);
  if (meetings.length === 0) return { missing: 'no-meetings' };
  if (ctx.date && ctx.date.kind === 'date') {
    const hit = meetings.find((m) => dateMatches(m.doc_date, ctx.date!));
    return hit ? { meeting: hit } : { missing: 'no-such-date' };
  }
  return { meeting: meetings[0]! };
}

/**
 * The meeting a question is about; otherwise what to answer: null when the group has no minutes
 * (the caller falls back), or a plain "no meeting on that date" when a date was named.
 */
export async function meetingOrAnswer(ctx: HandlerContext): Promise<{ meeting: MeetingRow } | { answer: HandlerResult | null }> {
  const choice = await chooseMeeting(ctx);
  if ('meeting' in choice) return choice;
  if (choice.missing === 'no-meetings') return { answer: null };
  const { lang } = ctx;
  return {
    answer: {
      found: false,
      answer: `${NOT_FOUND[lang]} ${t(lang, 'Inget möte med det datumet finns bland gruppens mötesanteckningar.', 'No meeting on that date is among the group’s minutes.')}`,
      citations: [],
      facts: [],
    },
  };
}
