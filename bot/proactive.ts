/**
 * Proactive messages: post into (or update a message in) any conversation the bot has a stored
 * reference for, outside of a turn. Used for upload progress, summary cards and reminders.
 *
 * ```ts
 * const sender = createProactiveSender(adapter, appId, db);
 * const { id } = await sender.send(refId, { type: 'message', text: 'Hej' });
 * await sender.update(refId, id, { type: 'message', text: 'Hej igen' });
 * ```
 * `refId` is a `conversation_refs.id` (store/conversations.ts). A 403/404 from the channel (the
 * bot was removed, the chat is gone) marks the reference dead and throws `ConversationGoneError`.
 */
import type { Activity, BotAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { logger } from '../core/logger.js';
import type { Queryable } from '../store/db.js';
import { getConversationRef, markConversationDead } from '../store/conversations.js';

export class ConversationGoneError extends Error {
  constructor(
    readonly refId: string,
    reason: string,
  ) {
    super(`conversation ${refId} is gone: ${reason}`);
    this.name = 'ConversationGoneError';
  }
}

export interface ProactiveSender {
  /** Posts a new message; returns the channel's id for it (use it with `update`). */
  send(refId: string, activity: Partial<Activity>): Promise<{ id: string }>;
  /** Replaces a message the bot sent earlier. */
  update(refId: string, activityId: string, activity: Partial<Activity>): Promise<void>;
  /** Runs arbitrary logic in the conversation (roster calls, several messages). */
  continue<T>(refId: string, logic: (ctx: TurnContext) => Promise<T>): Promise<T>;
}

/** The adapter: any botbuilder adapter (TeamsAdapter is a CloudAdapter). */
export type ContinuingAdapter = Pick<BotAdapter, 'continueConversationAsync'>;

const log = logger('proactive');

export function createProactiveSender(adapter: ContinuingAdapter, appId: string | undefined, db: Queryable): ProactiveSender {
  async function run<T>(refId: string, logic: (ctx: TurnContext) => Promise<T>): Promise<T> {
    const ref = await getConversationRef(db, refId);
    if (!ref) throw new ConversationGoneError(refId, 'no stored reference');
    if (ref.dead_at) throw new ConversationGoneError(refId, ref.dead_reason ?? 'marked dead');
    let result: T | undefined;
    try {
      // An empty app id works in local mode (no credentials, no token on replies).
      await adapter.continueConversationAsync(appId ?? '', ref.reference as Partial<ConversationReference>, async (ctx) => {
        result = await logic(ctx);
      });
    } catch (err) {
      const status = (err as { statusCode?: number }).statusCode;
      if (status === 403 || status === 404) {
        await markConversationDead(db, refId, `channel answered ${status}`);
        log.warn({ refId, status }, 'conversation gone; marked dead');
        throw new ConversationGoneError(refId, `channel answered ${status}`);
      }
      throw err;
    }
    return result as T;
  }
  return {
    continue: run,
    async send(refId, activity) {
      return run(refId, async (ctx) => {
        const r = await ctx.sendActivity({ type: 'message', ...activity });
        return { id: r?.id ?? '' };
      });
    },
    async update(refId, activityId, activity) {
      await run(refId, async (ctx) => {
        await ctx.updateActivity({ type: 'message', ...activity, id: activityId });
      });
    },
  };
}
