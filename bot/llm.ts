/**
 * The optional LLM path (only built with config.llm): Teams AI's ActionPlanner with an
 * OpenAI-compatible model and the `answer-question` prompt, grounded by the `facts` data source
 * on the asker's groups. It returns null when the model fails or says nothing, so the caller
 * falls back to the answer engine: the LLM can only make an answer better worded, never absent.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ActionPlanner, OpenAIModel, PromptManager, type Memory } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { detectLanguage } from '../answers/index.js';
import type { LlmConfig } from '../core/config.js';
import { logger } from '../core/logger.js';
import type { Queryable } from '../store/db.js';
import { FactsDataSource, type NumberedSource } from './facts-data-source.js';
import { sourcesLine } from './logic/render-answer.js';

export const PROMPTS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'prompts');
const PROMPT = 'answer-question';

export interface LlmAnswerer {
  /** The model's answer with a sources line, or null (fall back to the engine). */
  answer(
    ctx: TurnContext,
    req: { question: string; asker: { id: string; name: string | null }; groupIds: string[] },
    /** The engine's citations: fact lines carry no document of their own, so cited facts are credited to these. */
    engineCitations?: Array<{ document: string; page: number | null }>,
  ): Promise<string | null>;
}

const log = logger('llm');

/** A plain in-memory `Memory` (scope.key paths) for one completion; no turn state is persisted. */
class PlainMemory implements Memory {
  private readonly values = new Map<string, unknown>();
  deleteValue(p: string): void {
    this.values.delete(p);
  }
  hasValue(p: string): boolean {
    return this.values.has(p);
  }
  getValue<T = unknown>(p: string): T {
    return this.values.get(p) as T;
  }
  setValue(p: string, value: unknown): void {
    this.values.set(p, value);
  }
}

export function createLlmAnswerer(cfg: LlmConfig, db: Queryable, opts: { promptsFolder?: string; timeoutMs?: number } = {}): LlmAnswerer {
  const model = new OpenAIModel({
    apiKey: cfg.apiKey,
    defaultModel: cfg.model,
    endpoint: cfg.baseUrl,
    // Without this, Teams AI sends the whole prompt as a user message.
    useSystemMessages: true,
    retryPolicy: [],
    maxRetries: 0,
    clientOptions: { timeout: opts.timeoutMs ?? 30_000, maxRetries: 0 },
  });
  const prompts = new PromptManager({ promptsFolder: opts.promptsFolder ?? PROMPTS_FOLDER });
  prompts.addDataSource(new FactsDataSource(db));
  const planner = new ActionPlanner({ model, prompts, defaultPrompt: PROMPT });
  return {
    async answer(ctx, req, engineCitations = []) {
      const memory = new PlainMemory();
      memory.setValue('temp.input', req.question);
      memory.setValue('temp.groupIds', req.groupIds);
      memory.setValue('temp.asker', req.asker);
      const res = await planner.completePrompt<string>(ctx, memory, PROMPT);
      const text = res.status === 'success' && typeof res.message?.content === 'string' ? res.message.content.trim() : '';
      if (!text) {
        log.warn({ status: res.status, err: res.error?.message }, 'no usable completion');
        return null;
      }
      const sources = memory.getValue<NumberedSource[]>('temp.sources') ?? [];
      const cited = new Set([...text.matchAll(/\[(\d{1,3})\]/g)].map((m) => Number(m[1])));
      const citedSources = sources.filter((s) => cited.has(s.n));
      const used = citedSources.filter((s) => s.document !== null).map((s) => ({ document: s.document!, page: s.page }));
      if (citedSources.some((s) => s.document === null)) used.unshift(...engineCitations);
      const lang = detectLanguage(req.question);
      const line = sourcesLine(used, lang);
      return line ? `${text}\n\n${line}` : text;
    },
  };
}
