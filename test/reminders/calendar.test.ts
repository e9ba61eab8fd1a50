import { describe, expect, it } from 'vitest';
import { atHour, holidayName, isWorkingDay, localDay, previousWorkingDay } from '../../reminders/calendar.js';
import { DEFAULT_REMINDER_SETTINGS, digestDay, sendDay } from '../../reminders/plan.js';
import { normalizeName, resolveOwner, isUnit } from '../../reminders/names.js';

describe('Swedish working days', () => {
  it.each([
    ['2026-06-19', 'midsommarafton', '2026-06-18'],
    ['2026-12-25', 'juldagen', '2026-12-23'], // julafton 24th is a day off too
    ['2026-05-14', 'Kristi himmelsfärdsdag', '2026-05-13'],
    ['2026-04-06', 'annandag påsk', '2026-04-02'], // långfredag 3rd, then the weekend
    ['2026-01-01', 'nyårsdagen', '2025-12-30'], // nyårsafton 31st
  ])('%s (%s) moves to %s', (day, name, expected) => {
    expect(holidayName(day)?.toLowerCase()).toContain(name.toLowerCase().split(' ')[0]);
    expect(isWorkingDay(day)).toBe(false);
    expect(previousWorkingDay(day)).toBe(expected);
  });

  it('weekends move to Friday; ordinary weekdays stay; holidays can be switched off', () => {
    expect(previousWorkingDay('2026-04-18')).toBe('2026-04-17');
    expect(previousWorkingDay('2026-04-19')).toBe('2026-04-17');
    expect(previousWorkingDay('2026-04-14')).toBe('2026-04-14');
    expect(previousWorkingDay('2026-05-14', false)).toBe('2026-05-14');
    expect(isWorkingDay('2026-05-25')).toBe(true); // annandag pingst is no longer a holiday
  });

  it('local days and send times follow Stockholm time across daylight saving', () => {
    expect(atHour('2026-04-14', 8, 'Europe/Stockholm')).toBe('2026-04-14T08:00:00+02:00');
    expect(atHour('2026-12-01', 8, 'Europe/Stockholm')).toBe('2026-12-01T08:00:00+01:00');
    // 23:30 UTC on 13 April is already 14 April in Stockholm.
    expect(localDay(new Date('2026-04-13T23:30:00Z'), 'Europe/Stockholm')).toBe('2026-04-14');
  });

  it('a digest N days before a meeting lands on the previous working day', () => {
    const s = DEFAULT_REMINDER_SETTINGS;
    expect(digestDay('2026-04-17', s)).toBe('2026-04-14');
    // Meeting Monday 22 June: three days before is midsommarafton → Thursday 18 June.
    expect(digestDay('2026-06-22', s)).toBe('2026-06-18');
    // Meeting Sunday 17 May: Thursday 14 May is Kristi himmelsfärd → Wednesday 13 May.
    expect(digestDay('2026-05-17', s)).toBe('2026-05-13');
    expect(sendDay('2026-12-26', s)).toBe('2026-12-23');
  });
});

describe('who is who', () => {
  const roster = [
    { userId: 'u1', name: 'Charlotte Bliesener Falkenström', aadObjectId: null, email: null },
    { userId: 'u2', name: 'GLEMFELT, Maria', aadObjectId: null, email: null },
    { userId: 'u3', name: 'Maria Juhlin', aadObjectId: null, email: null },
    { userId: 'u4', name: 'Simon Elfgren (Ulricehamn)', aadObjectId: null, email: null },
  ];
  it('matches full names accent- and case-insensitively, then unique first names or surnames', () => {
    expect(normalizeName('Simon Elfgrén')).toBe('simon elfgren');
    const who = (n: string) => {
      const r = resolveOwner(n, roster);
      return r.kind === 'user' ? r.member.userId : r.kind;
    };
    expect(who('simon elfgrén')).toBe('u4');
    expect(who('Maria Glemfelt')).toBe('u2');
    expect(who('Charlotte Falkenström')).toBe('u1');
    expect(who('Charlotte')).toBe('u1');
    expect(who('Juhlin')).toBe('u3');
    expect(who('Maria')).toBe('unresolved'); // two Marias
    expect(who('Maria Sjöblom Hyllstam')).toBe('unresolved'); // not in the roster: never another Maria
    expect(who('Närvårdskontoret')).toBe('unit');
    expect(who('alla')).toBe('unit');
    expect(who('Uppdragsgruppen')).toBe('unit');
    expect(isUnit('Ellen Lageholm')).toBe(false);
  });
});
