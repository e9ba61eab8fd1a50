/**
 * The optional LLM path (only built with config.llm): Teams AI's ActionPlanner with an
 * OpenAI-compatible model and the `answer-question` prompt, grounded by the `facts` data source
 * on the asker's groups. It returns null when the model fails or says nothing, so the caller
 * falls back to the answer engine: the LLM can only make an answer better worded, never absent.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TurnContext } from 'botbuilder';
import type { LlmConfig } from '../core/config.js';
import { logger } from '../core/logger.js';
import type { Queryable } from '../store/db.js';
import { markersIn, type SourceRef } from './logic/citations.js';
import { sourcesLine } from './logic/render-answer.js';

export const PROMPTS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'prompts');

/** The model's text and what each of its "[n]" markers points at. */
export interface LlmAnswer {
  text: string;
  /** Marker number → the source it cites (fact lines are credited to the engine's citation of their page). */
  sources: Map<number, SourceRef>;
  language: 'sv' | 'en';
}

export interface LlmAnswerer {
  /** The model's answer, or null (fall back to the engine). */
  answer(
    ctx: TurnContext,
    req: { question: string; asker: { id: string; name: string | null }; groupIds: string[] },
    /** The engine's citations: fact lines carry no document of their own, so cited facts are credited to these. */
    engineCitations?: SourceRef[],
  ): Promise<LlmAnswer | null>;
}

/** The model's text with a plain sources line (for clients without citation support). */
export function plainLlmText(a: LlmAnswer): string {
  const cited = [...markersIn(a.text)].map((n) => a.sources.get(n)).filter((r): r is SourceRef => r !== undefined);
  const line = sourcesLine(cited, a.language);
  return line ? `${a.text}\n\n${line}` : a.text;
}

const log = logger('llm');

export interface LlmAnswererOptions {
  promptsFolder?: string;
  timeoutMs?: number;
}

/**
 * The answerer; its implementation (llm-planner.ts: Teams AI's planner, gpt-tokenizer, the openai
 * SDK) is imported here, so a bot without config.llm never loads it. The import starts at once: a
 * bot with an LLM holds it from start-up, as before.
 */
export function createLlmAnswerer(cfg: LlmConfig, db: Queryable, opts: LlmAnswererOptions = {}): LlmAnswerer {
  const real = import('./llm-planner.js').then((m) => m.createPlannerAnswerer(cfg, db, { ...opts, promptsFolder: opts.promptsFolder ?? PROMPTS_FOLDER }));
  // A Teams AI that cannot be built is said at start-up; each question then falls back to the engine.
  real.catch((err: unknown) => log.error({ err: err instanceof Error ? err.message : String(err) }, 'the LLM answerer could not be built'));
  return {
    async answer(ctx, req, engineCitations) {
      return (await real).answer(ctx, req, engineCitations);
    },
  };
}
