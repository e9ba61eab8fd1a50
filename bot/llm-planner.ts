/**
 * The LLM answerer itself: Teams AI's ActionPlanner with an OpenAI-compatible model and the
 * `answer-question` prompt, grounded by the `facts` data source. Loaded by `createLlmAnswerer`
 * (llm.ts) only with config.llm: the planner, the prompt manager (gpt-tokenizer) and the openai SDK
 * are ~20 MB a bot without an LLM never needs.
 */
import { ActionPlanner, OpenAIModel, PromptManager, type Memory } from '@microsoft/teams-ai';
import { detectLanguage } from '../answers/index.js';
import type { LlmConfig } from '../core/config.js';
import { logger } from '../core/logger.js';
import type { Queryable } from '../store/db.js';
import { quietModelErrors } from './llm-errors.js';
import { FactsDataSource, type NumberedSource } from './facts-data-source.js';
import type { SourceRef } from './logic/citations.js';
import type { LlmAnswerer, LlmAnswererOptions } from './llm.js';

const PROMPT = 'answer-question';

/** The engine citation a fact line rests on: same page (and document, when the line names it), else the first. */
function creditFact(fact: NumberedSource, engine: SourceRef[]): SourceRef | undefined {
  const page = /\bp\. (\d+)\b/.exec(fact.quote)?.[1];
  const samePage = page ? engine.filter((c) => c.page === Number(page)) : [];
  const named = samePage.find((c) => fact.quote.includes(c.document));
  const base = named ?? samePage[0] ?? engine[0];
  return base ? { ...base, quote: base.quote || fact.quote } : undefined;
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

export function createPlannerAnswerer(cfg: LlmConfig, db: Queryable, opts: LlmAnswererOptions & { promptsFolder: string }): LlmAnswerer {
  const model = quietModelErrors(
    new OpenAIModel({
      apiKey: cfg.apiKey,
      defaultModel: cfg.model,
      endpoint: cfg.baseUrl,
      // Without this, Teams AI sends the whole prompt as a user message.
      useSystemMessages: true,
      retryPolicy: [],
      maxRetries: 0,
      clientOptions: { timeout: opts.timeoutMs ?? 30_000, maxRetries: 0 },
    }),
    cfg.apiKey,
  );
  const prompts = new PromptManager({ promptsFolder: opts.promptsFolder });
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
      const numbered = memory.getValue<NumberedSource[]>('temp.sources') ?? [];
      const sources = new Map<number, SourceRef>();
      for (const s of numbered) {
        const ref = s.document !== null ? { document: s.document, documentId: null, page: s.page, quote: s.quote } : creditFact(s, engineCitations);
        if (ref) sources.set(s.n, ref);
      }
      return { text, sources, language: detectLanguage(req.question) };
    },
  };
}
