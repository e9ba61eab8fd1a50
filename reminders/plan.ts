/**
 * Reminder planning: which reminders go out on the local day of `now`. Pure apart from reading
 * the store; sends nothing. The same function drives the scheduled job and `reminders plan`.
 *
 * Rules (all days are local dates in settings.timezone; a day off moves to the previous working day):
 * - chair-digest: N days before the next meeting named in the latest minutes; every open item,
 *   grouped by owner, overdue first.
 * - owner-due: on the morning an item falls due (or its snooze ends), to each owner who
 *   resolves to a Teams user; units and unresolved names go to the chair.
 * - weekly-overdue: on settings.weeklyDay, overdue items to the chair.
 * Snoozed items (snooze not over) are left out; done items never appear.
 */
import { DateTime } from 'luxon';
import type { Queryable } from '../store/db.js';
import { groupsWithOpenItems, listUndelivered, type ReminderItemRow } from '../store/reminders.js';
import { addDays, atHour, isWorkingDay, localDay, previousWorkingDay } from './calendar.js';
import { effectiveDue, loadGroupContext, toReminderItem, type GroupContext } from './context.js';
import type { OwnerGroup, PlannedReminder, ReminderItem, ReminderKind, ReminderRecipient, ReminderSettings, UndeliveredNotice } from './types.js';

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  digestDaysBefore: 3,
  hour: 8,
  timezone: 'Europe/Stockholm',
  skipHolidays: true,
  weeklyDay: 1,
};

export interface PlanOptions {
  now: Date;
  /** Only this group; default: every group with open items. */
  groupId?: string;
  settings?: ReminderSettings;
}

export async function planReminders(q: Queryable, opts: PlanOptions): Promise<PlannedReminder[]> {
  const settings = opts.settings ?? DEFAULT_REMINDER_SETTINGS;
  const today = localDay(opts.now, settings.timezone);
  // Every planned day is a working day, so a day off plans nothing.
  if (!isWorkingDay(today, settings.skipHolidays)) return [];
  const groupIds = opts.groupId ? [opts.groupId] : (await groupsWithOpenItems(q)).map((g) => g.id);
  const out: PlannedReminder[] = [];
  for (const id of groupIds) {
    const ctx = await loadGroupContext(q, id);
    if (ctx) out.push(...(await planGroup(q, ctx, today, settings)));
  }
  return out;
}

/** The working day a reminder meant for `day` goes out on. */
export function sendDay(day: string, settings: ReminderSettings): string {
  return previousWorkingDay(day, settings.skipHolidays);
}

/** The day the chair digest for a meeting on `meetingDay` goes out. */
export function digestDay(meetingDay: string, settings: ReminderSettings): string {
  return sendDay(addDays(meetingDay, -settings.digestDaysBefore), settings);
}

/** Is the item snoozed on `today`? A snooze ending on a day off ends on the working day before. */
function isSnoozed(row: ReminderItemRow, today: string, settings: ReminderSettings): boolean {
  return !!row.snoozed_until && sendDay(row.snoozed_until, settings) > today;
}

/** The day the owner hears about the item: when it falls due, or when a later snooze ends. */
function ownerDay(row: ReminderItemRow): string | null {
  const due = effectiveDue(row);
  const snooze = row.snoozed_until;
  if (snooze && (!due || snooze > due)) return snooze;
  return due;
}

async function planGroup(q: Queryable, ctx: GroupContext, today: string, settings: ReminderSettings): Promise<PlannedReminder[]> {
  const active = ctx.items.filter((r) => !isSnoozed(r, today, settings));
  const when = atHour(today, settings.hour, settings.timezone);
  const base = { groupId: ctx.group.id, groupName: ctx.group.name, day: today, when };
  const out: PlannedReminder[] = [];
  let undelivered: UndeliveredNotice[] | undefined;
  const notices = async () =>
    (undelivered ??= (await listUndelivered(q, ctx.group.id)).map((s) => ({
      key: s.key,
      kind: s.kind as ReminderKind,
      day: s.day,
      recipientName: s.recipient_name,
      error: s.error,
    })));

  // Chair digest before the next meeting.
  const nm = ctx.nextMeeting;
  if (nm && nm.date > today && digestDay(nm.date, settings) === today) {
    const items = sortItems(active.map((r) => toReminderItem(r, today)));
    const und = await notices();
    if (items.length || und.length) {
      out.push({
        ...base,
        key: reminderKey('chair-digest', ctx.group.id, ctx.chair, today),
        kind: 'chair-digest',
        recipient: ctx.chair,
        items,
        byOwner: groupByOwner(items, ctx),
        nextMeeting: { date: nm.date, time: nm.time, place: nm.place },
        undelivered: und,
      });
    }
  }

  // Owner reminders on the morning an item falls due.
  const perRecipient = new Map<string, { recipient: ReminderRecipient; items: ReminderItem[] }>();
  for (const row of active) {
    const day = ownerDay(row);
    if (!day || sendDay(day, settings) !== today) continue;
    const item = toReminderItem(row, today);
    for (const recipient of recipientsOf(item.owners, ctx)) {
      const k = recipient.userId ?? 'chair';
      const slot = perRecipient.get(k) ?? { recipient, items: [] };
      if (!slot.items.some((i) => i.id === item.id)) slot.items.push(item);
      perRecipient.set(k, slot);
    }
  }
  // One reminder per item and person a day: the chair's digest already carries the item.
  const digest = out.find((p) => p.kind === 'chair-digest');
  for (const slot of perRecipient.values()) {
    if (digest && digest.recipient.userId === slot.recipient.userId) slot.items = slot.items.filter((i) => !digest.items.some((d) => d.id === i.id));
  }
  for (const { recipient, items } of [...perRecipient.values()].filter((s) => s.items.length > 0)) {
    out.push({ ...base, key: reminderKey('owner-due', ctx.group.id, recipient, today), kind: 'owner-due', recipient, items: sortItems(items) });
  }

  // Weekly overdue digest to the chair. The natural day may be next week's, moved back over a holiday.
  const d = DateTime.fromISO(today, { zone: 'utc' });
  const weekly = [0, 7].map((off) =>
    d
      .set({ weekday: settings.weeklyDay as 1 })
      .plus({ days: off })
      .toISODate()!,
  );
  // A chair digest going out today already lists the overdue items first: one card is enough.
  const digestToday = out.some((p) => p.kind === 'chair-digest');
  if (!digestToday && weekly.some((w) => sendDay(w, settings) === today)) {
    const items = sortItems(active.map((r) => toReminderItem(r, today)).filter((i) => i.overdue));
    const und = await notices();
    if (items.length || und.length) {
      out.push({
        ...base,
        key: reminderKey('weekly-overdue', ctx.group.id, ctx.chair, today),
        kind: 'weekly-overdue',
        recipient: ctx.chair,
        items,
        byOwner: groupByOwner(items, ctx),
        undelivered: und,
      });
    }
  }
  return out;
}

/** Owners who resolve to Teams users get their own reminder; the rest go to the chair. */
function recipientsOf(owners: string[], ctx: GroupContext): ReminderRecipient[] {
  const out: ReminderRecipient[] = [];
  const add = (r: ReminderRecipient) => {
    const same = out.find((o) => (o.userId ?? 'chair') === (r.userId ?? 'chair'));
    if (!same) out.push(r);
    else if (r.role === 'chair') same.role = 'chair';
  };
  for (const owner of owners.length ? owners : ['']) {
    const r = ctx.resolve(owner);
    if (r.kind === 'user') {
      const isChair = r.member.userId === ctx.chair.userId;
      add({ role: isChair ? 'chair' : 'owner', userId: r.member.userId, name: r.member.name });
    } else add({ ...ctx.chair });
  }
  return out;
}

/** Overdue first (oldest due first), then by due date, undated last. */
export function sortItems(items: ReminderItem[]): ReminderItem[] {
  return [...items].sort((a, b) => {
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    if (a.due !== b.due) return a.due === null ? 1 : b.due === null ? -1 : a.due < b.due ? -1 : 1;
    return a.id - b.id;
  });
}

/** Items grouped by their owner label; groups with the oldest overdue item first. */
export function groupByOwner<T extends ReminderItem>(items: T[], ctx: Pick<GroupContext, 'resolve'>): Array<Omit<OwnerGroup, 'items'> & { items: T[] }> {
  type G = Omit<OwnerGroup, 'items'> & { items: T[] };
  const groups = new Map<string, G>();
  for (const item of items) {
    const label = item.owners.length ? item.owners.join(', ') : 'Ingen ansvarig angiven';
    const g: G = groups.get(label) ?? { owner: label, userId: null, items: [] };
    if (item.owners.length === 1) {
      const r = ctx.resolve(item.owners[0]!);
      if (r.kind === 'user') g.userId = r.member.userId;
    }
    g.items.push(item);
    groups.set(label, g);
  }
  const firstDue = (g: G) => g.items.find((i) => i.overdue)?.due ?? null;
  return [...groups.values()].sort((a, b) => {
    const fa = firstDue(a);
    const fb = firstDue(b);
    if (!!fa !== !!fb) return fa ? -1 : 1;
    if (fa && fb && fa !== fb) return fa < fb ? -1 : 1;
    return a.owner.localeCompare(b.owner, 'sv');
  });
}

/** Job-id-safe key: `reminder-<kind>-<group>-<recipient>-<day>`, letters, digits, '-' and '_' only. */
export function reminderKey(kind: ReminderKind, groupId: string, recipient: ReminderRecipient, day: string): string {
  const who = recipient.role === 'chair' && kind !== 'owner-due' ? 'chair' : (recipient.userId ?? 'chair');
  return `reminder-${kind}-${groupId}-${who.replace(/[^A-Za-z0-9_-]/g, '_')}-${day}`;
}
