/**
 * Questions in any conversation: scoped to the groups the asker may see here, answered by the
 * answer engine (and, when configured, phrased by the LLM from the same evidence), rendered with
 * their sources.
 */
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { answerQuestion } from '../answers/index.js';
import { logger } from '../core/logger.js';
import type { BotDeps } from './deps.js';
import { visibleGroupIds } from './logic/access.js';
import { renderAnswer } from './logic/render-answer.js';
import { turnInfo } from './turn-info.js';

const log = logger('ask');

/** Groups the current asker may see in this conversation (rosters refreshed first in personal chat). */
export async function scopeOf(ctx: TurnContext, deps: BotDeps): Promise<string[]> {
  const info = turnInfo(ctx);
  if (info.kind === 'personal') await deps.rosters.refreshStale();
  return visibleGroupIds(deps.db, { kind: info.kind, groupId: info.group?.id ?? null }, info.user);
}

export const NOTHING_VISIBLE = {
  sv: 'Jag har inga dokument som du kan se härifrån ännu. Skicka ett dokument till mig i en personlig chatt, eller lägg till mig i ert team.',
  en: 'I have no documents you can see from here yet. Send me a document in a personal chat, or add me to your team.',
};

/** Answers a question for the current asker and returns the message text. */
export async function answerText(ctx: TurnContext, deps: BotDeps, question: string): Promise<string> {
  const info = turnInfo(ctx);
  const groupIds = await scopeOf(ctx, deps);
  const asker = { id: info.user.userId, name: info.user.name };
  const engine = await answerQuestion(deps.db, { question, asker, groupIds });
  if (groupIds.length === 0) return NOTHING_VISIBLE[engine.language];
  if (deps.llm) {
    try {
      const llm = await deps.llm.answer(ctx, { question, asker, groupIds }, engine.citations);
      if (llm) return llm;
    } catch (err) {
      log.warn({ err: err instanceof Error ? err.message : String(err) }, 'LLM failed; using the engine answer');
    }
  }
  return renderAnswer(engine);
}

export function registerAsk(app: Application<TurnState>, deps: BotDeps): void {
  app.activity(
    async (ctx) => ctx.activity.type === 'message' && typeof ctx.activity.text === 'string' && ctx.activity.text.trim() !== '',
    async (ctx) => {
      await ctx.sendActivity({ type: 'typing' });
      await ctx.sendActivity({ text: await answerText(ctx, deps, ctx.activity.text.trim()), textFormat: 'markdown' });
    },
  );
}
