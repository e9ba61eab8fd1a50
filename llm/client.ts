/**
 * The optional LLM behind one small interface. A completion resolves to a status instead of
 * throwing (after teams-ai's PromptResponse): each caller decides what a status means for it
 * (a worker throws on `rate_limited` so its job is retried; the bot falls back to the engine).
 */

/** How a completion ended. */
export type LlmStatus = 'success' | 'error' | 'rate_limited' | 'invalid_response' | 'too_long';

/** One chat completion request: a fixed system message and one user message. */
export interface LlmRequest {
  /** Instructions. Never put document text here: it goes in `user`, fenced as data. */
  system: string;
  user: string;
  /** Ask the server for a JSON object (`response_format: json_object`). */
  jsonMode?: boolean;
  /** Upper bound on the completion's tokens. */
  maxTokens?: number;
  /** Sampling temperature; servers default to their own. */
  temperature?: number;
}

/** The outcome of a completion. `content` is set on `success` (and on `too_long`, truncated). */
export interface LlmResult {
  status: LlmStatus;
  content?: string;
  /** Why it failed, without secrets. */
  error?: Error;
}

/** An OpenAI-compatible chat model. `complete` never rejects. */
export interface LlmClient {
  complete(req: LlmRequest): Promise<LlmResult>;
}
