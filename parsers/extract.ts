/**
 * The public fact extractor: pages → ExtractResult. Pure (no I/O). Normalises once, computes the
 * document facts first (their date is the meeting's year for dates written without one), then
 * attendees, next meeting (action items due "till nästa möte" take its date), action items,
 * decisions, and the budget and plan-activity extractors.
 */
import type { ExtractResult, PageText } from '../core/facts.js';
import { extractActionItems } from './facts/action-items.js';
import { extractPlanActivities } from './facts/activities.js';
import { extractAttendance } from './facts/attendance/index.js';
import { extractBudgetLines } from './facts/budget.js';
import { extractDecisions } from './facts/decisions.js';
import { extractDocumentFacts } from './facts/document.js';
import { extractNextMeeting } from './facts/next-meeting.js';
import { normalizePages } from './normalize.js';

export interface ExtractOptions {
  format?: 'pdf' | 'docx' | 'txt';
  /** The uploaded file's name: its year dates a meeting written "den 4 april". */
  fileName?: string;
}

export function extractFacts(pages: PageText[], options: ExtractOptions = {}): ExtractResult {
  const doc = normalizePages(pages);
  const attendees = extractAttendance(doc);
  const document = extractDocumentFacts(pages, doc, attendees.length >= 2, options.fileName);
  // Meeting facts belong to meeting-like documents; a plan, letter, decision proposal or slide
  // deck describes work and decisions of others in the same words.
  const meeting = document.kind === 'minutes' || document.kind === 'other' || document.kind === 'report';
  const nextMeeting = meeting ? extractNextMeeting(doc, document.date) : null;
  const actionItems = meeting
    ? extractActionItems(doc, {
        attendees: attendees.map((a) => a.name),
        pages,
        flags: new Map(attendees.map((a) => [a.name, a.flags])),
        nextMeetingDate: nextMeeting?.date ?? null,
        meetingDate: document.date,
      })
    : [];
  const decisions = document.kind === 'minutes' || document.kind === 'decision' || document.kind === 'other' ? extractDecisions(doc) : [];
  return {
    document,
    attendees,
    actionItems,
    decisions,
    nextMeeting,
    budgetLines: extractBudgetLines(pages, { date: document.date, language: document.language }),
    activities: extractPlanActivities(pages),
  };
}
