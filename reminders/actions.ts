/**
 * What the card buttons do: Klar (done), Skjut upp en vecka (snooze 7 days), Inte min (reassign
 * to the chair). Only an owner of the item, the chair or a secretary may change it, and only from
 * where the item's group is visible (`groupIds`): anything else is answered exactly as an item
 * that does not exist, so card data carrying another group's item id or reminder key reveals
 * nothing of it. Returns the card rebuilt from the stored state, for the bot to put in place of
 * the old one.
 */
import type { Db, Queryable } from '../store/db.js';
import { getItem, getItems, getSend, logItemEvent, reassignItem, setItemDone, snoozeItem, type ReminderItemRow } from '../store/reminders.js';
import { addDays, localDay } from './calendar.js';
import { buildReminderCard, REMINDER_VERBS, type CardItem, type ReminderVerb } from './cards.js';
import { chairLabel, isChairOrSecretary, loadGroupContext, mayChangeItem, toReminderItem, type GroupContext } from './context.js';
import { DEFAULT_REMINDER_SETTINGS, groupByOwner, sortItems } from './plan.js';
import type { ReminderKind, ReminderSettings } from './types.js';

export interface ReminderActor {
  /** Teams user id (`from.id`). */
  userId: string;
  aadObjectId?: string | null;
  name?: string | null;
}

export interface ReminderActionInput {
  verb: string;
  itemId: number;
  /** Sent-log key of the card the button was on. */
  key?: string | null;
  actor: ReminderActor;
  /**
   * The groups the actor may see from where the button was pressed (the bot decides this by Teams
   * identity: the conversation's group in a team or group chat, the groups whose roster holds the
   * actor in personal chat). Items and reminders of other groups are treated as missing.
   */
  groupIds: readonly string[];
  now: Date;
  settings?: ReminderSettings;
}

export interface ReminderActionResult {
  status: 'done' | 'snoozed' | 'reassigned' | 'forbidden' | 'not-found' | 'already-done' | 'bad-verb';
  message: string;
  /** The card to show instead of the pressed one. */
  card: Record<string, unknown>;
}

export function isReminderVerb(v: unknown): v is ReminderVerb {
  return typeof v === 'string' && (Object.values(REMINDER_VERBS) as string[]).includes(v);
}

export async function applyReminderAction(db: Db, input: ReminderActionInput): Promise<ReminderActionResult> {
  const settings = input.settings ?? DEFAULT_REMINDER_SETTINGS;
  const today = localDay(input.now, settings.timezone);
  const found = Number.isSafeInteger(input.itemId) ? await getItem(db, input.itemId) : null;
  const row = found && input.groupIds.includes(found.group_id) ? found : null;
  const ctx = row ? await loadGroupContext(db, row.group_id) : null;
  if (!row || !ctx) {
    const message = 'Uppgiften finns inte längre.';
    return { status: 'not-found', message, card: singleItemCard(null, null, today, message) };
  }
  // The key only rebuilds a reminder of the item's own group.
  const key = input.key && (await getSend(db, input.key))?.group_id === row.group_id ? input.key : null;
  const finish = async (status: ReminderActionResult['status'], message: string): Promise<ReminderActionResult> => ({
    status,
    message,
    card: (await renderStoredReminder(db, key, input.now, settings, message)) ?? singleItemCard(row, ctx, today, message),
  });
  if (!isReminderVerb(input.verb)) return finish('bad-verb', 'Okänd knapp.');
  if (!mayChangeItem(ctx, row, input.actor)) return finish('forbidden', 'Bara den ansvariga, ordföranden eller sekreteraren kan ändra uppgiften.');
  if (row.status === 'done') return finish('already-done', `Uppgiften är redan klar.`);
  const who = input.actor.name ?? input.actor.userId;
  let status: ReminderActionResult['status'];
  let message: string;
  await db.transaction(async (q) => {
    switch (input.verb) {
      case REMINDER_VERBS.done:
        await setItemDone(q, row.id, input.actor.userId);
        status = 'done';
        message = `Markerad som klar av ${who}.`;
        break;
      case REMINDER_VERBS.snooze: {
        const until = addDays(today, 7);
        await snoozeItem(q, row.id, until, input.actor.userId);
        status = 'snoozed';
        message = `Uppskjuten till ${until} av ${who}.`;
        break;
      }
      default: {
        const label = chairLabel(ctx);
        await reassignItem(q, row.id, [label], input.actor.userId);
        status = 'reassigned';
        message = `Flyttad till ordföranden (${label}) av ${who}.`;
      }
    }
    await logItemEvent(q, row.id, input.verb, input.actor.userId, input.actor.name ?? null, { day: today, key });
  });
  return finish(status!, message!);
}

/** How an item stands now, for the card. */
function cardItem(row: ReminderItemRow, ctx: GroupContext, today: string, settings: ReminderSettings): CardItem {
  const item = toReminderItem(row, today);
  if (row.status === 'done') {
    const by = ctx.roster.find((m) => m.userId === row.done_by)?.name ?? row.done_by;
    return { ...item, state: 'done', note: `Klar${by ? ` – markerad av ${by}` : ''}` };
  }
  if (row.snoozed_until && row.snoozed_until > today) return { ...item, state: 'snoozed', note: `Uppskjuten till ${row.snoozed_until}` };
  if (row.corrected_by && row.corrected_owners?.length === 1 && row.corrected_owners[0] === chairLabel(ctx)) {
    return { ...item, state: 'reassigned', note: `Flyttad till ordföranden (${chairLabel(ctx)})` };
  }
  void settings;
  return { ...item, state: 'open' };
}

/** Rebuilds a sent reminder's card from the sent-log and the items' current state. */
export async function renderStoredReminder(
  q: Queryable,
  key: string | null,
  now: Date,
  settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS,
  banner?: string,
): Promise<Record<string, unknown> | null> {
  if (!key) return null;
  const send = await getSend(q, key);
  if (!send) return null;
  const ctx = await loadGroupContext(q, send.group_id);
  if (!ctx) return null;
  const today = localDay(now, settings.timezone);
  const items = sortItems((await getItems(q, send.item_ids)).map((r) => cardItem(r, ctx, today, settings)));
  const kind = send.kind as ReminderKind;
  return buildReminderCard({
    key,
    kind,
    groupName: ctx.group.name,
    day: send.day,
    items,
    byOwner: kind === 'owner-due' ? undefined : groupByOwner(items, ctx),
    nextMeeting: kind === 'chair-digest' && ctx.nextMeeting ? { date: ctx.nextMeeting.date, time: ctx.nextMeeting.time, place: ctx.nextMeeting.place } : null,
    banner,
  });
}

function singleItemCard(row: ReminderItemRow | null, ctx: GroupContext | null, today: string, banner: string): Record<string, unknown> {
  if (!row || !ctx) return buildReminderCard({ key: '', kind: 'owner-due', groupName: '', day: today, items: [], banner });
  return buildReminderCard({
    key: '',
    kind: 'owner-due',
    groupName: ctx.group.name,
    day: today,
    items: [cardItem(row, ctx, today, DEFAULT_REMINDER_SETTINGS)],
    banner,
  });
}

export interface SetChairResult {
  status: 'set' | 'forbidden' | 'not-member';
  message: string;
}

/**
 * The group's chair command: sets `groups.chair_user_id`, which wins over the minutes. Only a
 * secretary or a chair (as the latest minutes or an earlier command name them) may change it, or
 * an owner of the group when the caller vouches for that (`actorIsGroupOwner`: group ownership is
 * the bot's knowledge, not the minutes'), and the new chair must be in the group's roster.
 * `chairUserId` null goes back to the minutes.
 */
export async function setGroupChair(
  db: Db,
  input: { groupId: string; chairUserId: string | null; actor: ReminderActor; actorIsGroupOwner?: boolean },
): Promise<SetChairResult> {
  const ctx = await loadGroupContext(db, input.groupId);
  if (!ctx) return { status: 'not-member', message: 'Gruppen finns inte.' };
  if (!input.actorIsGroupOwner && !isChairOrSecretary(ctx, input.actor)) {
    return { status: 'forbidden', message: 'Bara sekreteraren, ordföranden eller gruppens ägare kan byta ordförande.' };
  }
  const member = input.chairUserId ? ctx.roster.find((m) => m.userId === input.chairUserId) : null;
  if (input.chairUserId && !member) return { status: 'not-member', message: 'Den personen finns inte i gruppen.' };
  await db.query('UPDATE groups SET chair_user_id = $2 WHERE id = $1', [input.groupId, input.chairUserId]);
  return { status: 'set', message: member ? `${member.name} är nu ordförande för påminnelserna.` : 'Ordföranden tas från senaste mötesanteckningarna igen.' };
}
