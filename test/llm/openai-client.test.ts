import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmClient } from '../../llm/openai-compatible.js';
import { startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai.js';

const KEY = 'sk-test-0123456789abcdefSECRET';

describe('createLlmClient against an OpenAI-compatible server on loopback', () => {
  let server: FakeOpenAi;
  beforeAll(async () => {
    server = await startFakeOpenAi();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });
  const client = () => createLlmClient({ apiKey: KEY, baseUrl: server.baseUrl, model: 'test-model' }, { timeoutMs: 1500 });

  it('sends system and user messages, JSON mode and max_tokens; returns the content', async () => {
    server.reply({ content: '{"actionItems": []}' });
    const r = await client().complete({ system: 'S', user: 'U', jsonMode: true, maxTokens: 123, temperature: 0 });
    expect(r).toEqual({ status: 'success', content: '{"actionItems": []}' });
    const req = server.requests[0]!;
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(req.body).toMatchObject({ model: 'test-model', max_tokens: 123, temperature: 0, response_format: { type: 'json_object' } });
    expect(req.body.messages).toEqual([
      { role: 'system', content: 'S' },
      { role: 'user', content: 'U' },
    ]);
  });

  it('omits response_format without jsonMode', async () => {
    server.reply({ content: 'hej' });
    await client().complete({ system: 'S', user: 'U' });
    expect(server.requests[0]!.body).not.toHaveProperty('response_format');
    expect(server.requests[0]!.body).not.toHaveProperty('max_tokens');
  });

  it('maps HTTP 429 to rate_limited without throwing, once (no SDK retries)', async () => {
    server.reply({ status: 429, error: { message: 'Rate limit reached for requests' } });
    const r = await client().complete({ system: 'S', user: 'U' });
    expect(r.status).toBe('rate_limited');
    expect(r.error?.message).toMatch(/Rate limit reached/);
    expect(server.requests).toHaveLength(1);
  });

  it('maps a timeout to error', async () => {
    server.reply({ content: 'late', delayMs: 3000 });
    const r = await client().complete({ system: 'S', user: 'U' });
    expect(r.status).toBe('error');
    expect(r.error?.message).toMatch(/timed out/i);
  });

  it('maps a server error and an unreachable server to error', async () => {
    server.reply({ status: 500, error: { message: 'boom' } });
    expect((await client().complete({ system: 'S', user: 'U' })).status).toBe('error');
    const down = createLlmClient({ apiKey: KEY, baseUrl: 'http://127.0.0.1:9/v1', model: 'm' }, { timeoutMs: 1500 });
    expect((await down.complete({ system: 'S', user: 'U' })).status).toBe('error');
  });

  it('maps an empty answer to invalid_response, a cut answer and a context overflow to too_long', async () => {
    server.reply(
      { content: '   ' },
      { content: '{"actionItems": [', finishReason: 'length' },
      { status: 400, error: { message: "This model's maximum context length is 8192 tokens", code: 'context_length_exceeded' } },
    );
    expect((await client().complete({ system: 'S', user: 'U' })).status).toBe('invalid_response');
    expect(await client().complete({ system: 'S', user: 'U' })).toMatchObject({ status: 'too_long', content: '{"actionItems": [' });
    expect((await client().complete({ system: 'S', user: 'U' })).status).toBe('too_long');
  });

  it('never puts the API key in an error', async () => {
    server.reply({ status: 401, error: { message: `Incorrect API key provided: ${KEY}. You can find your API key at …` } });
    const r = await client().complete({ system: 'S', user: 'U' });
    expect(r.status).toBe('error');
    expect(r.error?.message).toMatch(/Incorrect API key provided/);
    expect(r.error?.message).not.toContain(KEY);
    expect(r.error?.message).not.toContain('0123456789abcdef');
  });
});
