/**
 * Types shared by reminder planning, cards, card actions and export. Plain data: a plan can be
 * printed as JSON by the CLI and carried in a BullMQ job.
 */

/** The three reminder kinds. */
export type ReminderKind = 'chair-digest' | 'owner-due' | 'weekly-overdue';

/** A member of the group's Teams roster (cached by the bot in `group_members`). */
export interface RosterMember {
  userId: string;
  name: string;
  aadObjectId: string | null;
  email: string | null;
}

/** Who a reminder goes to. `chair` is used for digests and for items nobody else can take. */
export interface ReminderRecipient {
  role: 'owner' | 'chair';
  /** Teams user id; null when the chair is known only by name (then the group's conversation). */
  userId: string | null;
  name: string | null;
}

/** Where an item comes from: the document, the page and the words that name it. */
export interface ItemSource {
  documentId: string;
  document: string;
  fileName: string;
  page: number | null;
  section: string | null;
  quote: string;
}

/** An open action item as reminders see it: corrections applied. */
export interface ReminderItem {
  id: number;
  task: string;
  /** Effective owners (corrected_owners when set, else the extracted ones). */
  owners: string[];
  /** Effective due date (corrected_due when set), YYYY-MM-DD. */
  due: string | null;
  dueText: string | null;
  overdue: boolean;
  snoozedUntil: string | null;
  source: ItemSource;
}

/** Items of one owner label inside a digest. */
export interface OwnerGroup {
  owner: string;
  /** Teams user the owner label resolved to, when any. */
  userId: string | null;
  items: ReminderItem[];
}

/** A reminder that would go out: to whom, what kind, which items and when. */
export interface PlannedReminder {
  /** Idempotency key and BullMQ job id: `reminder-<kind>-<group>-<recipient>-<day>` (no ':'). */
  key: string;
  groupId: string;
  groupName: string;
  kind: ReminderKind;
  recipient: ReminderRecipient;
  /** Local date (timezone of the config) and the moment it is meant to go out (ISO with offset). */
  day: string;
  when: string;
  items: ReminderItem[];
  /** Digests: the items grouped by owner, groups with overdue items first. */
  byOwner?: OwnerGroup[];
  /** Digests: the next meeting the digest prepares for. */
  nextMeeting?: { date: string; time: string | null; place: string | null } | null;
  /** Digests: reminders that could not be delivered since the last digest. */
  undelivered?: UndeliveredNotice[];
}

export interface UndeliveredNotice {
  key: string;
  kind: ReminderKind;
  day: string;
  recipientName: string | null;
  error: string | null;
}

/** Reminder settings (config.reminders). */
export interface ReminderSettings {
  digestDaysBefore: number;
  hour: number;
  timezone: string;
  skipHolidays: boolean;
  /** ISO weekday of the weekly overdue digest (1 = Monday). */
  weeklyDay: number;
}
