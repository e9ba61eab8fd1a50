/**
 * Due dates of action items: "till nästa möte" (the next meeting's date when the minutes give it),
 * "senast 15 maj", "före 12/6", a dated event the task prepares for ("inför SK-möte i Malmö 17/5"),
 * and a date the task sentence itself names ("En mindre grupp ska ha möte … 13 april"). A date
 * without a year takes the meeting's year, or the next year when it would fall before the meeting.
 */
import { findDates, monthOf } from '../swedish-dates.js';

export interface DueContext {
  nextMeetingDate: string | null;
  meetingDate: string | null;
}

export interface Due {
  due: string | null;
  text: string | null;
}

const NONE: Due = { due: null, text: null };
const DATE_DUE_RE =
  /\b(?:senast(?:\s+till)?|till|före|innan|by|before|deadline:?|klart|due)\s+(?:(?:mötet|sammanträdet|träffen|the meeting)\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+|(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?\s+)?(?:den\s+|on\s+|the\s+)?/giu;
/** "by the end of April", "senast i slutet av mars 2019", "at end of March": the month's last day. */
const MONTH_END_RE =
  /\b(?:senast(?:\s+i)?|till|före|innan|i|vid|by|before|at|until|to|in)\s+(?:the\s+)?(?:end\s+of|slutet\s+av|utgången\s+av)\s+(?:the\s+month\s+of\s+)?(\p{L}+)\.?(?:\s+(\d{4}))?(?![\p{L}\d])/iu;
export const NEXT_DUE_RE =
  /\b(?:till|inför|före|innan|senast(?:\s+till)?|by|before|på|vid|at)\s+(?:den\s+|the\s+)?(?:nästa|kommande|next)\s+(?:\p{L}*möte|sammanträde|träff|meeting)/iu;
/** "Inför SK-möte i Malmö 17/5", "in time for the AGM on 26 April": a dated event the task prepares for. */
const EVENT_DUE_RE = /\b(?:inför|in time for|ahead of)\s+/giu;
/** Dates in a sentence that are no deadline: a past reference ("sedan", "since"), a span's start. */
const NOT_DUE_BEFORE_RE = /\b(?:sedan|sen|since|från|from|efter|after|den\s+\d+\s+\p{L}+\s+och)\s+(?:den\s+|the\s+)?$/iu;

function rollYear(iso: string, hasYear: boolean, ctx: DueContext): string {
  if (!hasYear && ctx.meetingDate && iso < ctx.meetingDate) return `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`;
  return iso;
}

const yearOf = (ctx: DueContext): number | null => (ctx.meetingDate ? Number(ctx.meetingDate.slice(0, 4)) : null);

/** The due date a task sentence gives; `bare` also takes a date the sentence names without a marker. */
export function dueOf(s: string, ctx: DueContext, bare = false): Due {
  const next = NEXT_DUE_RE.exec(s);
  if (next) return { due: ctx.nextMeetingDate, text: next[0] };
  const year = yearOf(ctx);
  for (const m of s.matchAll(DATE_DUE_RE)) {
    const after = s.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 40);
    const d = findDates(after, { year })[0];
    if (d && d.index === 0 && d.iso) return { due: rollYear(d.iso, d.hasYear, ctx), text: (m[0] + d.text).trim() };
  }
  const end = monthEnd(s, ctx);
  if (end.due) return end;
  const event = eventDue(s, ctx);
  if (event.due || !bare) return event;
  return bareDue(s, ctx);
}

function monthEnd(s: string, ctx: DueContext): Due {
  const m = MONTH_END_RE.exec(s);
  const month = m ? monthOf(m[1]!) : null;
  const written = m?.[2] ? Number(m[2]) : null;
  if (!m || !month || (written ?? yearOf(ctx)) === null) return NONE;
  const endOf = (y: number): string => `${y}-${String(month).padStart(2, '0')}-${String(new Date(Date.UTC(y, month, 0)).getUTCDate()).padStart(2, '0')}`;
  let iso = endOf(written ?? yearOf(ctx)!);
  // A month already past at the meeting is next year's (its own last day: February).
  if (written === null && ctx.meetingDate && iso < ctx.meetingDate) iso = endOf(Number(iso.slice(0, 4)) + 1);
  return { due: iso, text: m[0].trim() };
}

/** One date with day and month in the task sentence, after the meeting and within a year of it. */
function bareDue(s: string, ctx: DueContext): Due {
  if (!ctx.meetingDate) return NONE;
  const found = findDates(s, { year: yearOf(ctx) }).filter((d) => d.iso && /\p{L}|\d[/.]\d/u.test(d.text));
  if (found.length !== 1) return NONE;
  const d = found[0]!;
  if (NOT_DUE_BEFORE_RE.test(s.slice(0, d.index))) return NONE;
  const iso = rollYear(d.iso!, d.hasYear, ctx);
  const limit = `${Number(ctx.meetingDate.slice(0, 4)) + 1}${ctx.meetingDate.slice(4)}`;
  if (iso <= ctx.meetingDate || iso > limit) return NONE;
  return { due: iso, text: d.text.trim() };
}

export function eventDue(s: string, ctx: DueContext): Due {
  const year = yearOf(ctx);
  for (const m of s.matchAll(EVENT_DUE_RE)) {
    const from = (m.index ?? 0) + m[0].length;
    const after = s.slice(from, from + 70);
    const d = findDates(after, { year })[0];
    // At most six words name the event ("röjardagen som i år är den 28/5"), with no sentence or clause break before its date.
    if (!d?.iso || /[.;:!?]/u.test(after.slice(0, d.index)) || after.slice(0, d.index).trim().split(/\s+/).filter(Boolean).length > 6) continue;
    return { due: rollYear(d.iso, d.hasYear, ctx), text: s.slice(m.index ?? 0, from + d.index + d.text.length).trim() };
  }
  return NONE;
}

/** The due date in an action table's "Klart till"/"Deadline" cell. */
export function cellDue(text: string, ctx: DueContext): string | null {
  if (NEXT_DUE_RE.test(`till ${text}`)) return ctx.nextMeetingDate;
  const d = findDates(text, { year: yearOf(ctx) })[0];
  return d?.iso ? rollYear(d.iso, d.hasYear, ctx) : null;
}
