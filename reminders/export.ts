/**
 * Open action items of a group as CSV (RFC 4180) and as an iCalendar file (RFC 5545): one
 * all-day VEVENT per item with a due date (calendar clients import events; many ignore VTODO),
 * one VEVENT for the next meeting. UIDs are stable per item, so a re-import updates, not doubles.
 */
import { DateTime } from 'luxon';
import { AppError } from '../core/errors.js';
import type { Queryable } from '../store/db.js';
import { getGroup } from '../store/groups.js';
import { addDays, localDay } from './calendar.js';
import { loadGroupContext, toReminderItem } from './context.js';
import { DEFAULT_REMINDER_SETTINGS, sortItems } from './plan.js';
import type { ReminderItem } from './types.js';

export interface ExportData {
  groupId: string;
  groupName: string;
  items: ReminderItem[];
  nextMeeting: { date: string; time: string | null; place: string | null; documentId: string } | null;
}

export async function loadExport(q: Queryable, groupId: string, now: Date, timezone = DEFAULT_REMINDER_SETTINGS.timezone): Promise<ExportData> {
  if (!(await getGroup(q, groupId))) throw new AppError('not-found', `No group with id ${groupId}.`);
  const ctx = (await loadGroupContext(q, groupId))!;
  const today = localDay(now, timezone);
  const nm = ctx.nextMeeting;
  return {
    groupId,
    groupName: ctx.group.name,
    items: sortItems(ctx.items.map((r) => toReminderItem(r, today))),
    nextMeeting: nm ? { date: nm.date, time: nm.time, place: nm.place, documentId: nm.document_id } : null,
  };
}

// ---- CSV ----

const CSV_COLUMNS = [
  'id',
  'uppgift',
  'ansvariga',
  'klart_senast',
  'tidsangivelse',
  'försenad',
  'uppskjuten_till',
  'dokument',
  'sida',
  'avsnitt',
  'citat',
] as const;

/**
 * `excel` (default): what Excel with Swedish settings opens by double-click: `;` between fields
 * (the comma is the decimal sign there) and a UTF-8 BOM (else å, ä, ö are read as Windows-1252).
 * `comma`: plain RFC 4180 for tools, no BOM. Dates are ISO (YYYY-MM-DD) in both.
 */
export type CsvDialect = 'excel' | 'comma';

function csvField(v: string | number | null | boolean, sep: string): string {
  const s = v === null ? '' : String(v);
  return s.includes(sep) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(d: ExportData, dialect: CsvDialect = 'excel'): string {
  const sep = dialect === 'excel' ? ';' : ',';
  const rows = d.items.map((i) => [
    i.id,
    i.task,
    // Owners in one field, joined by what is not the field separator.
    i.owners.join(dialect === 'excel' ? ', ' : '; '),
    i.due,
    i.dueText,
    i.overdue ? 'ja' : 'nej',
    i.snoozedUntil,
    i.source.document,
    i.source.page,
    i.source.section,
    i.source.quote,
  ]);
  const text = [CSV_COLUMNS as readonly string[], ...rows].map((r) => r.map((v) => csvField(v, sep)).join(sep)).join('\r\n') + '\r\n';
  return dialect === 'excel' ? `\uFEFF${text}` : text;
}

// ---- ICS ----

/** RFC 5545 3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values. */
export function icsEscape(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** RFC 5545 3.1: lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (bytes + n > limit) {
      out.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

const basicDate = (day: string) => day.replace(/-/g, '');
const utcStamp = (d: Date) => DateTime.fromJSDate(d, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'");

/** "14.00", "14:00-16:00", "kl 9.30" → start (and end) minutes of the day. */
function parseTimes(t: string | null): { start: [number, number]; end: [number, number] | null } | null {
  if (!t) return null;
  const m = /(\d{1,2})[.:](\d{2})(?:\s*[-–]\s*(\d{1,2})[.:](\d{2}))?/.exec(t);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return { start: [h, min], end: m[3] ? [Number(m[3]), Number(m[4])] : null };
}

export interface IcsOptions {
  now: Date;
  timezone?: string;
  /** Domain part of UIDs. */
  uidDomain?: string;
}

export function toIcs(d: ExportData, opts: IcsOptions): string {
  const zone = opts.timezone ?? DEFAULT_REMINDER_SETTINGS.timezone;
  const domain = opts.uidDomain ?? 'minutes-bot';
  const stamp = utcStamp(opts.now);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//minutes-bot//reminders//SV',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsEscape(`Uppgifter – ${d.groupName}`)}`,
  ];
  for (const i of d.items) {
    if (!i.due) continue;
    const src = `${i.source.document}${i.source.page ? `, s. ${i.source.page}` : ''}`;
    lines.push(
      'BEGIN:VEVENT',
      `UID:action-item-${i.id}@${domain}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basicDate(i.due)}`,
      `DTEND;VALUE=DATE:${basicDate(addDays(i.due, 1))}`,
      `SUMMARY:${icsEscape(`${i.task}${i.owners.length ? ` (${i.owners.join(', ')})` : ''}`)}`,
      `DESCRIPTION:${icsEscape(`Ansvarig: ${i.owners.join(', ') || '–'}\nKälla: ${src}\n”${i.source.quote}”`)}`,
      'TRANSP:TRANSPARENT',
      'STATUS:CONFIRMED',
      'END:VEVENT',
    );
  }
  const nm = d.nextMeeting;
  if (nm) {
    const t = parseTimes(nm.time);
    lines.push('BEGIN:VEVENT', `UID:next-meeting-${nm.documentId}@${domain}`, `DTSTAMP:${stamp}`);
    if (t) {
      const start = DateTime.fromISO(nm.date, { zone }).set({ hour: t.start[0], minute: t.start[1] });
      const end = t.end ? DateTime.fromISO(nm.date, { zone }).set({ hour: t.end[0], minute: t.end[1] }) : start.plus({ hours: 2 });
      lines.push(`DTSTART:${utcStamp(start.toJSDate())}`, `DTEND:${utcStamp(end.toJSDate())}`);
    } else {
      lines.push(`DTSTART;VALUE=DATE:${basicDate(nm.date)}`, `DTEND;VALUE=DATE:${basicDate(addDays(nm.date, 1))}`);
    }
    lines.push(`SUMMARY:${icsEscape(`Möte: ${d.groupName}`)}`);
    if (nm.place) lines.push(`LOCATION:${icsEscape(nm.place)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
