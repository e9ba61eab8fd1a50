/** Which meeting a question is about: the one it names by date, else the latest. */
import { listMeetings, type MeetingRow } from '../store/answer-queries.js';
import type { HandlerContext } from './context.js';
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
