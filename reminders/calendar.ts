/**
 * Working days in the reminders' time zone: no weekends and no Swedish public holidays
 * (date-holidays 'SE', public days plus the de-facto days off julafton, midsommarafton and
 * nyårsafton). A reminder falling on a day off moves to the previous working day.
 */
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

const se = new Holidays('SE');
const cache = new Map<number, Set<string>>();

function daysOff(year: number): Set<string> {
  let s = cache.get(year);
  if (!s) {
    s = new Set(
      se
        .getHolidays(year)
        .filter((h) => h.type === 'public' || h.type === 'bank')
        .map((h) => h.date.slice(0, 10)),
    );
    cache.set(year, s);
  }
  return s;
}

/** Name of the Swedish holiday on `day` (YYYY-MM-DD), when it is a day off. */
export function holidayName(day: string): string | null {
  const year = Number(day.slice(0, 4));
  if (!daysOff(year).has(day)) return null;
  return se.getHolidays(year).find((h) => h.date.startsWith(day) && (h.type === 'public' || h.type === 'bank'))?.name ?? null;
}

export function isWorkingDay(day: string, skipHolidays = true): boolean {
  const d = DateTime.fromISO(day, { zone: 'utc' });
  if (d.weekday >= 6) return false;
  return !skipHolidays || !daysOff(d.year).has(day);
}

/** `day` itself when it is a working day, else the closest working day before it. */
export function previousWorkingDay(day: string, skipHolidays = true): string {
  let d = DateTime.fromISO(day, { zone: 'utc' });
  for (let i = 0; i < 30 && !isWorkingDay(d.toISODate()!, skipHolidays); i++) d = d.minus({ days: 1 });
  return d.toISODate()!;
}

export function addDays(day: string, n: number): string {
  return DateTime.fromISO(day, { zone: 'utc' }).plus({ days: n }).toISODate()!;
}

/** ISO weekday of a date (1 = Monday). */
export function weekday(day: string): number {
  return DateTime.fromISO(day, { zone: 'utc' }).weekday;
}

/** The local date of an instant in `zone`. */
export function localDay(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toISODate()!;
}

/** The instant `hour`:00 on `day` in `zone`, as ISO with offset. */
export function atHour(day: string, hour: number, zone: string): string {
  return DateTime.fromISO(day, { zone }).set({ hour, minute: 0, second: 0, millisecond: 0 }).toISO({ suppressMilliseconds: true })!;
}
