/**
 * Questions in any conversation: scoped to the groups the asker may see here, answered by the
 * answer engine (and, when configured, phrased by the LLM from the same evidence), rendered with
 * their sources.
 */
import type { Application, TurnState } from '@microsoft/teams-ai';
import { CardFactory, TurnContext, type Activity } from 'botbuilder';
import { answerQuestion, type Answer } from '../answers/index.js';
import { logger } from '../core/logger.js';
import type { BotDeps } from './deps.js';
import { visibleGroupIds } from './logic/access.js';
import { budgetChartCard, chooseBudgetChart, loadChartLines } from './logic/budget-chart.js';
import type { SourceRef } from './logic/citations.js';
import { renderAnswer } from './logic/render-answer.js';
import { plainLlmText } from './llm.js';
import { documentLinks, engineAnswerActivity, llmAnswerActivity } from './teams-answer.js';
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

interface PreparedAnswer {
  req: { question: string; asker: { id: string; name: string | null }; groupIds: string[] };
  engine: Answer;
}

/** The engine's answer for the current asker (fast; runs inside the turn). */
async function prepareAnswer(ctx: TurnContext, deps: BotDeps, question: string): Promise<PreparedAnswer> {
  const info = turnInfo(ctx);
  const groupIds = await scopeOf(ctx, deps);
  const asker = { id: info.user.userId, name: info.user.name };
  return { req: { question, asker, groupIds }, engine: await answerQuestion(deps.db.reader, { question, asker, groupIds }) };
}

/** An answer two ways: plain text with a "Källa:" line (cards, other channels) and the message to send. */
export interface RenderedAnswer {
  plain: string;
  activity: Partial<Activity>;
  /** Cards that go with the answer (a budget chart), sent after it. */
  cards: Array<Record<string, unknown>>;
}

const asMessage = (text: string): RenderedAnswer => ({ plain: text, activity: { type: 'message', text }, cards: [] });

/** For an amount question, a chart of the budget table the answer cites. */
async function budgetCards(deps: BotDeps, engine: Answer): Promise<Array<Record<string, unknown>>> {
  if (!engine.found || !engine.intent.startsWith('budget.') || engine.citations.length === 0) return [];
  const ids = [...new Set(engine.citations.map((c) => c.documentId))];
  const pages = engine.citations.map((c) => c.page).filter((p): p is number => p !== null);
  const chart = chooseBudgetChart(await loadChartLines(deps.db, ids), { focusPages: pages, language: engine.language });
  return chart ? [budgetChartCard(chart, engine.language)] : [];
}

/**
 * The answer for this conversation: the LLM's phrasing of the same evidence when configured and
 * usable, else the engine's; in Teams with numbered citations (teams-answer.ts).
 */
async function finishAnswer(ctx: TurnContext, deps: BotDeps, p: PreparedAnswer, useLlm: boolean): Promise<RenderedAnswer> {
  if (p.req.groupIds.length === 0) return asMessage(NOTHING_VISIBLE[p.engine.language]);
  const text = await answerText(ctx, deps, p, useLlm);
  return { ...text, cards: await budgetCards(deps, p.engine) };
}

async function answerText(ctx: TurnContext, deps: BotDeps, p: PreparedAnswer, useLlm: boolean): Promise<RenderedAnswer> {
  const teams = ctx.activity.channelId === 'msteams';
  const engineRefs: SourceRef[] = p.engine.citations.map((c) => ({ document: c.document, documentId: c.documentId, page: c.page, quote: c.quote }));
  if (useLlm && deps.llm && p.engine.intent !== 'too-long') {
    try {
      const llm = await deps.llm.answer(ctx, p.req, engineRefs);
      if (llm) {
        const plain = plainLlmText(llm);
        if (!teams) return asMessage(plain);
        return { plain, activity: llmAnswerActivity(llm, await documentLinks(deps, [...llm.sources.values()], p.req.groupIds)), cards: [] };
      }
    } catch (err) {
      log.warn({ err: err instanceof Error ? err.message : String(err) }, 'LLM failed; using the engine answer');
    }
  }
  const plain = renderAnswer(p.engine);
  if (!teams || p.engine.citations.length === 0) return asMessage(plain);
  return { plain, activity: engineAnswerActivity(p.engine, await documentLinks(deps, engineRefs, p.req.groupIds)), cards: [] };
}

/** Answers a question from the engine alone (commands: structured, deterministic). */
export async function answerFor(ctx: TurnContext, deps: BotDeps, question: string): Promise<RenderedAnswer> {
  return finishAnswer(ctx, deps, await prepareAnswer(ctx, deps, question), false);
}

/** The answer, then its cards. */
export async function sendAnswer(ctx: TurnContext, a: RenderedAnswer): Promise<void> {
  await ctx.sendActivity(a.activity);
  for (const card of a.cards) await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
}

export function registerAsk(app: Application<TurnState>, deps: BotDeps): void {
  app.activity(
    async (ctx) => ctx.activity.type === 'message' && typeof ctx.activity.text === 'string' && ctx.activity.text.trim() !== '',
    async (ctx) => {
      await ctx.sendActivity({ type: 'typing' });
      const prepared = await prepareAnswer(ctx, deps, ctx.activity.text.trim());
      if (!deps.llm || prepared.req.groupIds.length === 0 || prepared.engine.intent === 'too-long') {
        await sendAnswer(ctx, await finishAnswer(ctx, deps, prepared, false));
        return;
      }
      // The model may take seconds; Teams retries turns that take long. Answer outside the turn.
      const ref = TurnContext.getConversationReference(ctx.activity);
      void deps.adapter
        .continueConversationAsync(deps.appId ?? '', ref, async (later) => {
          await sendAnswer(later, await finishAnswer(later, deps, prepared, true));
        })
        .catch((err: unknown) => log.error({ err: err instanceof Error ? err.message : String(err) }, 'could not send the answer'));
    },
  );
}
