/**
 * Reminder card buttons in Teams: Klar, Skjut upp en vecka, Inte min. Action.Execute (invoke)
 * returns the rebuilt card, which Teams puts in place of the pressed one; in a channel or group
 * chat the message is also updated for everyone. Action.Submit (older clients) updates the
 * message the card was in. The rules (who may change what) live in reminders/actions.ts.
 *
 * `startBotReminders(deps, redisUrl)` starts the daily schedule and the reminder workers with the
 * bot's proactive sender; the bot's mount calls it and awaits the returned stop function on shutdown.
 */
import type { Application, TurnState } from '@microsoft/teams-ai';
import { CardFactory, type TurnContext } from 'botbuilder';
import { logger } from '../core/logger.js';
import { workerConnection } from '../queue/redis.js';
import { applyReminderAction, type ReminderActionResult } from '../reminders/actions.js';
import { REMINDER_VERBS } from '../reminders/cards.js';
import { openRemindersQueue, startReminderWorkers, upsertReminderSchedule } from '../queue/reminders.js';
import { scopeOf } from './ask.js';
import type { BotDeps } from './deps.js';

const log = logger('reminders');

interface ActionData {
  verb?: string;
  itemId?: number | string;
  key?: string;
}

async function apply(ctx: TurnContext, deps: BotDeps, verb: string, data: ActionData): Promise<ReminderActionResult> {
  const from = ctx.activity.from;
  return applyReminderAction(deps.db, {
    verb,
    itemId: Number(data.itemId),
    key: typeof data.key === 'string' ? data.key : null,
    actor: { userId: from.id, aadObjectId: from.aadObjectId ?? null, name: from.name ?? null },
    // Card data is the presser's to forge: the item must belong to a group visible from here.
    groupIds: await scopeOf(ctx, deps),
    now: new Date(),
    settings: deps.config.reminders,
  });
}

export function registerReminderActions(app: Application<TurnState>, deps: BotDeps): void {
  const verbs = Object.values(REMINDER_VERBS);
  for (const verb of verbs) {
    app.adaptiveCards.actionExecute<ActionData>(verb, async (ctx, _state, data) => {
      const r = await apply(ctx, deps, verb, data);
      log.info({ verb, itemId: data.itemId, status: r.status }, 'reminder card action');
      // Personal chats have one viewer; elsewhere everyone should see the new state.
      if (r.status !== 'forbidden' && r.status !== 'not-found' && ctx.activity.conversation.conversationType !== 'personal' && ctx.activity.replyToId) {
        await ctx
          .updateActivity({ type: 'message', id: ctx.activity.replyToId, attachments: [CardFactory.adaptiveCard(r.card)] })
          .catch((err: unknown) => log.warn({ err: String(err) }, 'could not update the reminder card for everyone'));
      }
      return r.card as never;
    });
    app.adaptiveCards.actionSubmit<ActionData>(verb, async (ctx, _state, data) => {
      const r = await apply(ctx, deps, verb, data);
      if (ctx.activity.replyToId && r.status !== 'forbidden' && r.status !== 'not-found') {
        await ctx.updateActivity({ type: 'message', id: ctx.activity.replyToId, attachments: [CardFactory.adaptiveCard(r.card)] });
      } else {
        await ctx.sendActivity(r.message);
      }
    });
  }
}

/** Starts the daily reminder schedule and workers in the bot process (which owns the sender). */
export async function startBotReminders(deps: BotDeps, redisUrl: string): Promise<() => Promise<void>> {
  const conn = workerConnection(redisUrl);
  conn.on('error', () => undefined);
  const queue = openRemindersQueue(conn, deps.queues.prefix);
  await upsertReminderSchedule(queue, deps.config.reminders);
  const workers = startReminderWorkers({ db: deps.db, redisUrl, prefix: deps.queues.prefix, sender: deps.sender, settings: deps.config.reminders });
  return async () => {
    await workers.close();
    await queue.close().catch(() => undefined);
    conn.disconnect();
  };
}
