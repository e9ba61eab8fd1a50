/** Which meeting a question is about: the one it names by date, else the latest. */
import { newestMeeting, type MeetingRow } from '../store/answer-queries.js';
import type { HandlerContext, HandlerResult } from './context.js';
import { NOT_FOUND, t } from './format.js';

export type MeetingChoice = { meeting: MeetingRow } | { missing: 'no-meetings' | 'no-such-date' };

export async function chooseMeeting(ctx: HandlerContext): Promise<MeetingChoice> {
  const date = ctx.date && ctx.date.kind === 'date' ? ctx.date : null;
  const hit = await newestMeeting(ctx.db, ctx.groupIds, date);
  if (hit) return { meeting: hit };
  if (!date) return { missing: 'no-meetings' };
  return (await newestMeeting(ctx.db, ctx.groupIds, null)) ? { missing: 'no-such-date' } : { missing: 'no-meetings' };
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
