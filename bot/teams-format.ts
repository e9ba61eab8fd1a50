/**
 * One place where the bot's outgoing text becomes Teams Markdown (bot/logic/teams-text.ts): a
 * middleware on the adapter, so every message — in a turn, proactive (continueConversation runs
 * the middleware too), sent or updated in place — keeps its line breaks and its angle brackets.
 * Text marked `textFormat: 'plain'` or `'xml'` is left alone.
 */
import type { Activity, Middleware, TurnContext } from 'botbuilder';
import { toTeamsMarkdown } from './logic/teams-text.js';

function format(activity: Partial<Activity>): void {
  if (activity.type !== undefined && activity.type !== 'message') return;
  if (typeof activity.text !== 'string' || activity.text === '') return;
  if (activity.textFormat === 'plain' || activity.textFormat === 'xml') return;
  activity.text = toTeamsMarkdown(activity.text);
  activity.textFormat = 'markdown';
}

export const teamsTextFormat: Middleware = {
  async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
    ctx.onSendActivities(async (_ctx, activities, nextSend) => {
      for (const a of activities) format(a);
      return nextSend();
    });
    ctx.onUpdateActivity(async (_ctx, activity, nextUpdate) => {
      format(activity);
      return nextUpdate();
    });
    await next();
  },
};
