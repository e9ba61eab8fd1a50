/**
 * Who and where a turn is: records the conversation reference, creates the group of a new team
 * or group chat, and hands the rest of the bot a plain `TurnInfo` (kept on `ctx.turnState`).
 */
import { TurnContext, type ConversationReference } from 'botbuilder';
import type { ConversationKind } from '../store/conversations.js';
import { ensureTeamsGroup, saveConversationRef, type BotGroupRow } from '../store/conversations.js';
import type { Queryable } from '../store/db.js';

export interface TurnInfo {
  kind: ConversationKind;
  /** `conversation_refs.id`: where proactive messages for this conversation go. */
  refId: string;
  /** The team's or group chat's group; null in personal chat. */
  group: BotGroupRow | null;
  user: { userId: string; aadObjectId: string | null; name: string | null };
  tenantId: string | null;
}

const KEY = Symbol('minutes-bot.turn-info');

/** Channel thread ids carry `;messageid=…`; proactive posts go to the channel itself. */
export function rootConversationId(id: string): string {
  return id.split(';messageid=')[0]!;
}

export function conversationKind(ctx: TurnContext): ConversationKind {
  const t = ctx.activity.conversation?.conversationType;
  if (t === 'channel' || t === 'groupChat' || t === 'personal') return t;
  // Emulators without conversationType: a team id means a channel, isGroup a group chat.
  if ((ctx.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id) return 'channel';
  return ctx.activity.conversation?.isGroup ? 'groupChat' : 'personal';
}

export async function recordTurn(ctx: TurnContext, db: Queryable): Promise<TurnInfo> {
  const a = ctx.activity;
  const kind = conversationKind(ctx);
  const channelData = (a.channelData ?? {}) as { team?: { id?: string; name?: string }; channel?: { id?: string }; tenant?: { id?: string } };
  const tenantId = channelData.tenant?.id ?? a.conversation?.tenantId ?? null;
  const refId = rootConversationId(a.conversation.id);
  let group: BotGroupRow | null = null;
  if (kind === 'channel') {
    const teamId = channelData.team?.id ?? refId;
    group = await ensureTeamsGroup(db, { kind: 'team', teamId, conversationId: teamId, name: channelData.team?.name ?? null, tenantId });
  } else if (kind === 'groupChat') {
    group = await ensureTeamsGroup(db, { kind: 'groupChat', conversationId: refId, name: a.conversation.name ?? null, tenantId });
  }
  // Membership events come from the system, not a user; the user is whoever `from` is otherwise.
  const user = { userId: a.from?.id ?? 'unknown', aadObjectId: a.from?.aadObjectId ?? null, name: a.from?.name ?? null };
  const reference = TurnContext.getConversationReference(a) as ConversationReference;
  reference.conversation = { ...reference.conversation, id: refId };
  delete (reference as { activityId?: string }).activityId;
  await saveConversationRef(db, {
    id: refId,
    kind,
    userId: kind === 'personal' ? user.userId : null,
    aadObjectId: kind === 'personal' ? user.aadObjectId : null,
    teamId: channelData.team?.id ?? null,
    channelId: channelData.channel?.id ?? null,
    tenantId,
    groupId: group?.id ?? null,
    serviceUrl: a.serviceUrl,
    reference: reference as unknown as Record<string, unknown>,
  });
  const info: TurnInfo = { kind, refId, group, user, tenantId };
  ctx.turnState.set(KEY, info);
  return info;
}

export function turnInfo(ctx: TurnContext): TurnInfo {
  const info = ctx.turnState.get(KEY) as TurnInfo | undefined;
  if (!info) throw new Error('turn info missing: recordTurn runs in beforeTurn');
  return info;
}
