/**
 * Due dates of action items as minutes write them (issue 11): the next meeting, a day with or
 * without a weekday, d/m with the meeting's year, the end of a month (next year's when the month
 * is past at the meeting), and no date where the sentence names none.
 */
import { describe, expect, it } from 'vitest';
import { dueOf } from '../../parsers/facts/action-due.js';

const ctx = { meetingDate: '2024-03-10', nextMeetingDate: '2024-04-14' };
const due = (s: string): string | null => dueOf(s, ctx).due;

describe('action due dates', () => {
  it('reads the next meeting, a dated deadline and d/m with the meeting year', () => {
    expect(due('Anna skickar ut kallelsen till nästa styrelsemöte')).toBe('2024-04-14');
    expect(due('John to circulate the draft before the next meeting')).toBe('2024-04-14');
    expect(due('Anna skickar ut kallelsen senast 15 maj')).toBe('2024-05-15');
    expect(due('John to send the report by 12/6')).toBe('2024-06-12');
    expect(due('John to send the report by Friday 12th June 2024')).toBe('2024-06-12');
    expect(due('Maria sammanställer synpunkterna senast fredagen den 5 april')).toBe('2024-04-05');
  });

  it("reads the end of a month as its last day, a month past at the meeting as next year's", () => {
    expect(due('John to update the website by the end of April')).toBe('2024-04-30');
    expect(due('Alan suggested we review rent at end of March 2025')).toBe('2025-03-31');
    expect(due('Kassören sammanställer utfallet senast i slutet av februari')).toBe('2025-02-28');
    expect(due('Anna kontaktar kommunen i april')).toBeNull();
    expect(due('The item was discussed at the end of the meeting')).toBeNull();
  });
});
