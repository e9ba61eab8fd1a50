/**
 * Tasks in notes written as who-said-what ("Jonathan: We don't have bandwidth. I can write up a
 * response."): a commitment in the first person ("I can …", "I'll …", "Would like to …", "Jag
 * kan …") is the speaker's task when the speaker is a listed attendee; "Let's …" proposes a task
 * for the group, ownerless. Opinions and states ("I think", "I can see", "Let's be clear") are not.
 */
import type { ActionItem } from '../../core/facts.js';
import type { Para } from '../normalize.js';
import { dueOf } from './action-due.js';
import { SUBJ, attendeeOwned, ownersOf, type ActionContext } from './action-owners.js';
import { FIRST_PERSON_NOT_TASK } from './action-verbs.js';

const SPEAKER_RE = new RegExp(`^${SUBJ}:\\s+(?=\\p{Lu})`, 'u');
const FIRST_PERSON_RE =
  /^(?:I\s+(?:can|will|shall|am going to|plan to|intend to|would like to|offer to|volunteer to)|I['’]ll|I['’]m going to|(?:I['’]d|[Ww]ould)\s+like\s+to|[Hh]appy\s+to|Jag\s+(?:kan|ska|skall|tänker))\s+(\p{Ll}[\p{Ll}-]+)(?![\p{L}])(.*)$/u;
const LETS_RE = /^Let['’]s\s+(\p{Ll}[\p{Ll}-]+)(?![\p{L}])(.*)$/u;

/** The speaker of a paragraph ("Eric Holk: …") when a listed attendee, with the prefix's length. */
export function speakerOf(text: string, ctx: ActionContext): { owners: string[]; length: number } | null {
  const m = attendeeOwned(SPEAKER_RE.exec(text), ctx);
  const owners = m ? ownersOf(m[1]!, ctx, false) : null;
  return m && owners?.length && owners.every((o) => ctx.attendees.includes(o)) ? { owners, length: m[0].length } : null;
}

/** A first-person commitment of the speaker, or a "Let's …" proposal, as an item; null otherwise. */
export function speakerItem(sentence: string, speaker: string[] | null, p: Para, ctx: ActionContext): ActionItem | null {
  const s = sentence.trim().replace(/[.!]+$/u, '');
  if (/\?\s*$/u.test(sentence)) return null;
  const mine = speaker ? FIRST_PERSON_RE.exec(s) : null;
  const m = mine ?? LETS_RE.exec(s);
  if (!m || FIRST_PERSON_NOT_TASK.has(m[1]!)) return null;
  const task = `${m[1]}${m[2]}`.replace(/\s+/gu, ' ').trim();
  if (task.split(' ').length < 3) return null;
  const due = dueOf(s, ctx);
  return { owners: mine ? speaker! : [], task, due: due.due, dueText: due.text, page: p.page, section: p.section ?? p.subsection, quote: sentence.trim() };
}
