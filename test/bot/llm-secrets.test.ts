/**
 * Issue 14 #8 (secrets): a model server that echoes the API key in a 401 must not put the key in
 * the bot's output. Runs the real main job as a child process (as users run it, logging at debug)
 * with a loopback OpenAI-compatible server that answers every request with the key it was sent,
 * and reads everything the process wrote to stdout and stderr.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChannelEmulator, type ChannelEmulator } from '../helpers/channel-emulator.js';
import { spawnCli, waitFor, type CliProcess } from '../helpers/processes.js';
import { testEnv } from '../helpers/services.js';

const KEY = `sk-proj-${randomBytes(18).toString('hex')}`;
let calls = 0;
const echo = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    calls++;
    const sent = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    res.writeHead(401, { 'content-type': 'application/json', 'x-echo-key': sent });
    res.end(
      JSON.stringify({ error: { message: `Incorrect API key provided: ${sent}.`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }),
    );
  });
});

let emu: ChannelEmulator;
let bot: CliProcess | undefined;
let base = '';
beforeAll(async () => {
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
  emu = await startChannelEmulator();
  const env = testEnv({
    LOG_LEVEL: 'debug',
    OPENAI_API_KEY: KEY,
    OPENAI_BASE_URL: `http://127.0.0.1:${(echo.address() as AddressInfo).port}/v1`,
    OPENAI_MODEL: 'echo-model',
  });
  bot = spawnCli(['start'], env);
  await waitFor('the main job', async () => /running on http/.test(bot!.output()), 60_000);
  base = `http://127.0.0.1:${/localhost:(\d+)/.exec(bot.output())![1]}`;
}, 90_000);
afterAll(async () => {
  bot?.kill('SIGTERM');
  await bot?.exited;
  await emu?.close();
  await new Promise<void>((r) => echo.close(() => r()));
});

let seq = 0;
function activity(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message',
    id: `act-${++seq}`,
    channelId: 'msteams',
    serviceUrl: emu.url,
    from: { id: '29:leak', name: 'Lena', aadObjectId: 'aad-leak' },
    recipient: { id: '28:bot', name: 'minutes-bot' },
    conversation: { id: 'a:leak', conversationType: 'personal', tenantId: 't1' },
    channelData: { tenant: { id: 't1' } },
    ...extra,
  };
}
const post = (a: Record<string, unknown>) =>
  fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(a) });

describe('an API key echoed by the model server', () => {
  it('never reaches the process output; the user still gets the engine answer', { timeout: 120_000 }, async () => {
    const text = 'Protokoll styrelsemöte 2026-03-02\n\nNärvarande: Lena Ek, Per Holm\n\n§ 1 Budget\nBeslut: budgeten för 2026 fastställs till 120 000 kr.\n';
    const url = emu.serveFile('protokoll.txt', Buffer.from(text), 'text/plain');
    const att = { contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'protokoll.txt', content: { downloadUrl: url, fileType: 'txt' } };
    expect((await post(activity({ attachments: [att] }))).status).toBe(200);
    await emu.waitFor((a) => a.conversationId === 'a:leak' && /^Klart/.test(a.activity.text ?? ''), 60_000);
    const before = emu.sent.length;
    expect((await post(activity({ text: 'Vad beslutades om budgeten?' }))).status).toBe(200);
    // The model fails; the engine's answer goes out instead.
    await emu.waitFor(
      (a) => emu.sent.indexOf(a) >= before && a.conversationId === 'a:leak' && a.activity.type === 'message' && Boolean(a.activity.text),
      30_000,
    );
    expect(calls).toBeGreaterThan(0);
    // Let the process flush what it writes about the failure.
    await new Promise((r) => setTimeout(r, 500));
    const out = bot!.output();
    expect(out).not.toContain(KEY);
    expect(out).not.toContain(KEY.slice(8, 28));
    // The failure is still reported, once, in the log.
    expect(out).toMatch(/401/);
  });
});
