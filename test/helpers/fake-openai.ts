/**
 * A small OpenAI-compatible server on loopback for tests: `POST /v1/chat/completions` answers
 * from a script (content, HTTP errors such as 429, delays), and every request is recorded so a
 * test can read exactly what the client sent. Point the code under test at `baseUrl`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One recorded request. `body` is the parsed JSON body. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: ChatBody;
}

/** The part of a chat completion request tests look at. */
export interface ChatBody {
  model?: string;
  messages?: Array<{ role: string; content: string }>;
  response_format?: { type: string };
  max_tokens?: number;
  temperature?: number;
  [key: string]: unknown;
}

/** One scripted answer: a completion (`content`), or an HTTP error (`status` ≥ 400). */
export interface ScriptedReply {
  content?: string;
  /** @defaultValue 200 */
  status?: number;
  /** Error body for `status` ≥ 400; defaults to an OpenAI-style error object. */
  error?: { message: string; type?: string; code?: string | null };
  finishReason?: 'stop' | 'length' | 'content_filter';
  /** Wait this long before answering (timeouts). */
  delayMs?: number;
}

export type Reply = ScriptedReply | ((req: RecordedRequest) => ScriptedReply);

export interface FakeOpenAi {
  /** Base URL for the SDK (`…/v1`). */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Appends answers, used in order; when none is left, `fallback` answers. */
  reply(...replies: Reply[]): void;
  /** Replaces the answer given when no scripted one is left. */
  setFallback(reply: Reply): void;
  /** Forgets recorded requests and unused scripted answers. */
  reset(): void;
  /** The chat messages of request `i` by role. */
  messages(i: number): { system: string; user: string };
  close(): Promise<void>;
}

export async function startFakeOpenAi(opts: { fallback?: Reply } = {}): Promise<FakeOpenAi> {
  const queue: Reply[] = [];
  const requests: RecordedRequest[] = [];
  let fallback: Reply = opts.fallback ?? { status: 500, error: { message: 'fake-openai: no scripted reply left' } };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      let body: ChatBody = {};
      try {
        body = raw ? (JSON.parse(raw) as ChatBody) : {};
      } catch {
        body = { invalidJson: raw };
      }
      const rec: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      if (rec.method !== 'POST' || !rec.path.endsWith('/chat/completions')) {
        send(res, 404, { error: { message: `fake-openai: no route ${rec.method} ${rec.path}`, type: 'invalid_request_error' } });
        return;
      }
      requests.push(rec);
      const next = queue.shift() ?? fallback;
      const r = typeof next === 'function' ? next(rec) : next;
      const answer = () => {
        if (res.destroyed) return;
        const status = r.status ?? 200;
        if (status >= 400) {
          send(res, status, {
            error: {
              type: status === 429 ? 'rate_limit_exceeded' : 'server_error',
              code: null,
              ...r.error,
              message: r.error?.message ?? `fake-openai: HTTP ${status}`,
            },
          });
          return;
        }
        send(res, 200, {
          id: `chatcmpl-fake-${requests.length}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: body.model ?? 'fake',
          choices: [{ index: 0, message: { role: 'assistant', content: r.content ?? '' }, finish_reason: r.finishReason ?? 'stop', logprobs: null }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        });
      };
      if (r.delayMs) setTimeout(answer, r.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    reply: (...r) => void queue.push(...r),
    setFallback: (r) => void (fallback = r),
    reset() {
      requests.length = 0;
      queue.length = 0;
    },
    messages(i) {
      const m = requests[i]?.body.messages ?? [];
      return {
        system: m.find((x) => x.role === 'system')?.content ?? '',
        user: m
          .filter((x) => x.role === 'user')
          .map((x) => x.content)
          .join('\n'),
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
