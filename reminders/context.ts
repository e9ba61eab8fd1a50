/**
 * Everything planning and card actions need to know about one group: its open items (with
 * corrections applied), its roster, its chair and secretaries, its next meeting.
 */
import type { Queryable } from '../store/db.js';
import { getGroup, type GroupRow } from '../store/groups.js';
import {
  latestAttendees,
  latestNextMeeting,
  listOpenItems,
  listRoster,
  type AttendeeRow,
  type NextMeetingRow,
  type ReminderItemRow,
} from '../store/reminders.js';
import { normalizeName, resolveOwner, type Resolution } from './names.js';
import type { ReminderItem, ReminderRecipient, RosterMember } from './types.js';

export interface GroupContext {
  group: GroupRow;
  roster: RosterMember[];
  attendees: AttendeeRow[];
  chair: ReminderRecipient;
  /** Everyone who may act as chair: the chosen chair and every attendee flagged `chair`. */
  chairs: Array<{ userId: string | null; name: string }>;
  secretaries: Array<{ userId: string | null; name: string }>;
  nextMeeting: NextMeetingRow | null;
  items: ReminderItemRow[];
  resolve(owner: string): Resolution;
}

export async function loadGroupContext(q: Queryable, groupId: string): Promise<GroupContext | null> {
  const group = await getGroup(q, groupId);
  if (!group) return null;
  const [rosterRows, attendees, nextMeeting, items] = await Promise.all([
    listRoster(q, groupId),
    latestAttendees(q, groupId),
    latestNextMeeting(q, groupId),
    listOpenItems(q, groupId),
  ]);
  const roster: RosterMember[] = rosterRows
    .filter((r) => r.name)
    .map((r) => ({ userId: r.user_id, name: r.name!, aadObjectId: r.aad_object_id, email: r.email }));
  const resolve = (owner: string) => resolveOwner(owner, roster);
  const who = (a: AttendeeRow) => {
    const r = resolve(a.name);
    return { userId: r.kind === 'user' ? r.member.userId : null, name: r.kind === 'user' ? r.member.name : a.name };
  };
  const flagged = (flag: string) =>
    attendees
      .filter((a) => a.flags.includes(flag))
      .sort((a, b) => Number(b.present) - Number(a.present))
      .map(who);
  const chairs = flagged('chair');
  const secretaries = flagged('secretary');
  let chair: ReminderRecipient;
  if (group.chair_user_id) {
    // Set with the bot's chair command: wins over the minutes.
    const m = roster.find((r) => r.userId === group.chair_user_id);
    chair = { role: 'chair', userId: group.chair_user_id, name: m?.name ?? null };
    chairs.unshift({ userId: group.chair_user_id, name: m?.name ?? group.chair_user_id });
  } else {
    const pick = chairs.find((c) => c.userId) ?? chairs[0];
    chair = { role: 'chair', userId: pick?.userId ?? null, name: pick?.name ?? null };
  }
  return { group, roster, attendees, chair, chairs, secretaries, nextMeeting, items, resolve };
}

/** Corrections win over extraction. */
export function effectiveOwners(row: ReminderItemRow): string[] {
  return row.corrected_owners && row.corrected_owners.length ? row.corrected_owners : row.owners;
}

export function effectiveDue(row: ReminderItemRow): string | null {
  return row.corrected_due ?? row.due;
}

export function toReminderItem(row: ReminderItemRow, today: string): ReminderItem {
  const due = effectiveDue(row);
  return {
    id: row.id,
    task: row.task,
    owners: effectiveOwners(row),
    due,
    dueText: row.due_text,
    overdue: !!due && due < today,
    snoozedUntil: row.snoozed_until,
    source: {
      documentId: row.document_id,
      document: row.doc_title ?? row.file_name,
      fileName: row.file_name,
      page: row.page,
      section: row.section,
      quote: row.quote,
    },
  };
}

/** The label that names the chair in corrected owners after "Inte min". */
export function chairLabel(ctx: GroupContext): string {
  return ctx.chair.name ?? 'Ordförande';
}

type Actor = { userId: string; aadObjectId?: string | null; name?: string | null };

/**
 * The actor as the group's roster knows them, found by Teams identity (user id or AAD object id).
 * Their name is the roster's, never the display name an activity carries: two people can share a
 * display name, and a name alone must not let anyone act on a group's items.
 */
function actorMember(ctx: GroupContext, actor: Actor) {
  const member = ctx.roster.find((m) => m.userId === actor.userId || (!!actor.aadObjectId && m.aadObjectId === actor.aadObjectId));
  return { member, actorName: member ? normalizeName(member.name) : '' };
}

/** A chair (chosen, or flagged in the latest minutes) or a secretary of the latest minutes. */
export function isChairOrSecretary(ctx: GroupContext, actor: Actor): boolean {
  const { member, actorName } = actorMember(ctx, actor);
  const matches = (p: { userId: string | null; name: string }) =>
    (p.userId !== null && (p.userId === actor.userId || p.userId === member?.userId)) || (!!actorName && normalizeName(p.name) === actorName);
  if (ctx.chairs.some(matches) || ctx.secretaries.some(matches)) return true;
  return !!ctx.chair.userId && ctx.chair.userId === actor.userId;
}

/** Is `actor` the chair, a secretary or an owner of the item? */
export function mayChangeItem(ctx: GroupContext, row: ReminderItemRow, actor: Actor): boolean {
  if (isChairOrSecretary(ctx, actor)) return true;
  const { member, actorName } = actorMember(ctx, actor);
  for (const owner of effectiveOwners(row)) {
    const r = ctx.resolve(owner);
    if (r.kind === 'user' && (r.member.userId === actor.userId || r.member.userId === member?.userId)) return true;
    if (actorName && normalizeName(owner) === actorName) return true;
  }
  return false;
}
