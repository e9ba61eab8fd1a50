/**
 * Teams AI's OpenAIModel prints every failed request with `console.log(err)`: the SDK error
 * carries the server's response body and headers, and a server that echoes a wrong API key
 * ("Incorrect API key provided: sk-…") would put the key on stdout. The SDK client inside the
 * model is wrapped so a failure is logged here once, redacted, and what reaches Teams AI (and its
 * console.log) is a bare error with the status and nothing the server said.
 */
import { inspect } from 'node:util';
import type { OpenAIModel } from '@microsoft/teams-ai';
import OpenAI from 'openai';
import { logger } from '../core/logger.js';
import { redact } from '../llm/openai-compatible.js';

const log = logger('llm');

/** What Teams AI sees of a failed request: the status (429 still means rate limited), nothing else. */
class ModelRequestError extends OpenAI.APIError {
  constructor(status: number | undefined) {
    super(status, undefined, 'model request failed', undefined);
    this.name = 'ModelRequestError';
    // No stack: Teams AI prints the error as it is; the line in our log says what happened.
    this.stack = '';
  }
  [inspect.custom](): string {
    return `minutes-bot: model request failed${this.status ? ` (HTTP ${this.status})` : ''}; details in the log`;
  }
}

type Create = (...args: unknown[]) => Promise<unknown>;

export function quietModelErrors(model: OpenAIModel, apiKey: string): OpenAIModel {
  const completions = (model as unknown as { _client?: { chat?: { completions?: { create?: Create } } } })._client?.chat?.completions;
  const create = completions?.create?.bind(completions);
  // A Teams AI that no longer has this shape fails loudly in the tests, not quietly in production.
  if (!completions || !create) throw new Error('Teams AI OpenAIModel has no _client.chat.completions.create to wrap');
  completions.create = async (...args: unknown[]) => {
    try {
      return await create(...args);
    } catch (err) {
      const status = err instanceof OpenAI.APIError ? err.status : undefined;
      const code = err instanceof OpenAI.APIError ? err.code : undefined;
      log.warn({ status, code, err: redact(err instanceof Error ? err.message : String(err), apiKey) }, 'model request failed');
      throw new ModelRequestError(status);
    }
  };
  return model;
}
