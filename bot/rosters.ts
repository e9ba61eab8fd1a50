/**
 * Roster cache: who is in which team or group chat, from Teams (`TeamsInfo`), kept in
 * `group_members`. Refreshed on membership events, when the bot is installed, and when older than
 * ROSTER_TTL_MINUTES (in the group's own turns, or proactively before a personal-chat question).
 */
import { TeamsInfo, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import { logger } from '../core/logger.js';
import type { Queryable } from '../store/db.js';
import { listConversationRefs, replaceRoster, staleRosterGroups, type BotGroupRow, type RosterMember } from '../store/conversations.js';
import type { ProactiveSender } from './proactive.js';

const log = logger('rosters');

function toMember(m: TeamsChannelAccount): RosterMember {
  const role = (m as { userRole?: string }).userRole === 'guest' ? 'guest' : 'member';
  return { userId: m.id, aadObjectId: m.aadObjectId ?? null, name: m.name ?? null, email: m.email ?? m.userPrincipalName ?? null, role };
}

/** Fetches the full roster through the current turn's connector and stores it. */
export async function refreshRosterInTurn(ctx: TurnContext, db: Queryable, group: BotGroupRow): Promise<number> {
  const members: RosterMember[] = [];
  let token: string | undefined;
  do {
    const page =
      group.kind === 'team' && group.teams_team_id
        ? await TeamsInfo.getPagedTeamMembers(ctx, group.teams_team_id, 500, token)
        : await TeamsInfo.getPagedMembers(ctx, 500, token);
    members.push(...(page.members ?? []).map(toMember));
    token = page.continuationToken || undefined;
  } while (token);
  await replaceRoster(db, group.id, members);
  return members.length;
}

export interface Rosters {
  /** Refreshes stale rosters of every team/group chat (personal-chat questions need them). */
  refreshStale(): Promise<void>;
}

export function createRosters(deps: { db: Queryable; sender: ProactiveSender; ttlMinutes: number }): Rosters {
  let running: Promise<void> | null = null;
  const refreshOne = async (group: BotGroupRow) => {
    const ref = (await listConversationRefs(deps.db, { groupId: group.id }))[0];
    if (!ref) return;
    await deps.sender.continue(ref.id, (ctx) => refreshRosterInTurn(ctx, deps.db, group));
  };
  return {
    refreshStale() {
      // One refresh at a time; concurrent askers share it.
      running ??= (async () => {
        try {
          const stale = await staleRosterGroups(deps.db, deps.ttlMinutes);
          await Promise.all(stale.map((g) => refreshOne(g).catch((err: unknown) => log.warn({ err: String(err), groupId: g.id }, 'roster refresh failed'))));
        } finally {
          running = null;
        }
      })();
      return running;
    },
  };
}
