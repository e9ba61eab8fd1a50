/**
 * `LlmClient` over any OpenAI-compatible server (OpenAI, Azure-style proxies, vLLM, Ollama,
 * llama.cpp) through the `openai` SDK. HTTP 429 → `rate_limited`; timeouts and network errors →
 * `error`; an empty answer → `invalid_response`. Secrets never reach an error or a log line.
 */
import type OpenAI from 'openai';
import type { LlmConfig } from '../core/config.js';
import type { LlmClient, LlmRequest, LlmResult } from './client.js';

/** Options of `createLlmClient`. */
export interface LlmClientOptions {
  /**
   * Per-request timeout.
   * @defaultValue 60000
   */
  timeoutMs?: number;
  /**
   * SDK-level retries. Kept at 0: retrying is the job queue's business (it backs off).
   * @defaultValue 0
   */
  maxRetries?: number;
}

/**
 * The SDK (≈ 60 modules, ~20 MB resident) is imported when a client is made, i.e. only with
 * config.llm: importing this module (for `redact`, or beside the ingest worker) costs nothing.
 */
export function createLlmClient(cfg: LlmConfig, opts: LlmClientOptions = {}): LlmClient {
  const loaded = import('openai').then(({ default: SDK }) => ({
    SDK,
    sdk: new SDK({
      apiKey: cfg.apiKey,
      baseURL: cfg.baseUrl,
      timeout: opts.timeoutMs ?? 60_000,
      maxRetries: opts.maxRetries ?? 0,
    }),
  }));
  loaded.catch(() => undefined);
  return {
    async complete(req: LlmRequest): Promise<LlmResult> {
      const { SDK, sdk } = await loaded;
      try {
        const res = await sdk.chat.completions.create({
          model: cfg.model,
          messages: [
            { role: 'system', content: req.system },
            { role: 'user', content: req.user },
          ],
          ...(req.jsonMode ? { response_format: { type: 'json_object' as const } } : {}),
          ...(req.maxTokens !== undefined ? { max_tokens: req.maxTokens } : {}),
          ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
        });
        const choice = res.choices?.[0];
        const content = typeof choice?.message?.content === 'string' ? choice.message.content : '';
        if (choice?.finish_reason === 'length') return { status: 'too_long', content, error: new Error('The completion was cut at max_tokens.') };
        if (!content.trim()) return { status: 'invalid_response', error: new Error('The model returned no content.') };
        return { status: 'success', content };
      } catch (err) {
        return mapError(SDK, err, cfg.apiKey);
      }
    },
  };
}

function mapError(SDK: typeof OpenAI, err: unknown, apiKey: string): LlmResult {
  const error = new Error(redact(err instanceof Error ? err.message : String(err), apiKey));
  if (err instanceof SDK.APIConnectionTimeoutError) return { status: 'error', error: new Error(`LLM request timed out: ${error.message}`) };
  if (err instanceof SDK.APIError) {
    if (err.status === 429) return { status: 'rate_limited', error };
    if (err.status === 400 && /context_length|maximum context|too long|too many tokens/i.test(`${err.code ?? ''} ${error.message}`)) {
      return { status: 'too_long', error };
    }
  }
  return { status: 'error', error };
}

/** SDK messages can echo a bad key ("Incorrect API key provided: sk-…"). */
export function redact(message: string, apiKey: string): string {
  let m = apiKey.length >= 6 ? message.split(apiKey).join('[redacted]') : message;
  m = m.replace(/\b(sk-[A-Za-z0-9_-]{4})[A-Za-z0-9_*-]+/g, '$1…[redacted]');
  return m;
}
