/**
 * Installation and membership events: a new team or group chat gets its group (recordTurn does
 * that on any activity), the installer becomes an owner of it, rosters follow members joining and
 * leaving, and a short welcome says what the bot does.
 */
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { logger } from '../core/logger.js';
import { markConversationDead, removeMember, upsertMember } from '../store/conversations.js';
import type { BotDeps } from './deps.js';
import { welcomeText } from './logic/welcome.js';
import { refreshRosterInTurn } from './rosters.js';
import { turnInfo } from './turn-info.js';

const log = logger('membership');

async function installed(ctx: TurnContext, deps: BotDeps): Promise<void> {
  const info = turnInfo(ctx);
  if (info.group) {
    // The roster API does not say who owns a team; whoever added the bot manages it.
    if (ctx.activity.from?.id && ctx.activity.from.id !== ctx.activity.recipient?.id) {
      await upsertMember(deps.db, info.group.id, {
        userId: ctx.activity.from.id,
        aadObjectId: ctx.activity.from.aadObjectId,
        name: ctx.activity.from.name,
        role: 'owner',
      });
    }
    await refreshRosterInTurn(ctx, deps.db, info.group).catch((err: unknown) => log.warn({ err: String(err) }, 'roster refresh failed'));
    await ctx.sendActivity(welcomeText(info.kind === 'channel' ? 'channel' : 'groupChat', Boolean(deps.graphFiles)));
  } else {
    await ctx.sendActivity(welcomeText('personal', Boolean(deps.graphFiles)));
  }
}

export function registerMembership(app: Application<TurnState>, deps: BotDeps): void {
  let welcomed = new Set<string>();
  const welcomeOnce = async (ctx: TurnContext) => {
    const key = turnInfo(ctx).refId;
    if (welcomed.has(key)) return;
    if (welcomed.size > 10_000) welcomed = new Set();
    welcomed.add(key);
    await installed(ctx, deps);
  };

  app.activity('installationUpdate', async (ctx) => {
    const action = (ctx.activity as { action?: string }).action ?? '';
    if (action.startsWith('remove')) {
      await markConversationDead(deps.db, turnInfo(ctx).refId, 'bot uninstalled');
      return;
    }
    await welcomeOnce(ctx);
  });

  app.conversationUpdate('membersAdded', async (ctx) => {
    const info = turnInfo(ctx);
    const botId = ctx.activity.recipient?.id;
    const added = ctx.activity.membersAdded ?? [];
    if (added.some((m) => m.id === botId)) {
      await welcomeOnce(ctx);
      return;
    }
    if (info.group) for (const m of added) await upsertMember(deps.db, info.group.id, { userId: m.id, aadObjectId: m.aadObjectId, name: m.name });
  });

  app.conversationUpdate('membersRemoved', async (ctx) => {
    const info = turnInfo(ctx);
    const botId = ctx.activity.recipient?.id;
    const removed = ctx.activity.membersRemoved ?? [];
    if (removed.some((m) => m.id === botId)) {
      await markConversationDead(deps.db, info.refId, 'bot removed');
      return;
    }
    if (info.group) for (const m of removed) await removeMember(deps.db, info.group.id, m.id);
  });
}
