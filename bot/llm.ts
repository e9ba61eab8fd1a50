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
import { quietModelErrors } from './llm-errors.js';
import { FactsDataSource, type NumberedSource } from './facts-data-source.js';
import { markersIn, type SourceRef } from './logic/citations.js';
import { sourcesLine } from './logic/render-answer.js';

export const PROMPTS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'prompts');
const PROMPT = 'answer-question';

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

export function createLlmAnswerer(cfg: LlmConfig, db: Queryable, opts: { promptsFolder?: string; timeoutMs?: number } = {}): LlmAnswerer {
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
