/**
 * Issue 14 #6: requests that fail before authentication get a short answer and cost little. With an
 * app id, unsigned (`alg: none`) and HS256 tokens get 401; malformed and empty bodies get 400; all
 * with a short JSON body and no stack trace or file path; one address that keeps failing is
 * slowed down with 429, while health checks still answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';
let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({ name: 'preauth', env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', FAILED_REQUESTS_PER_MINUTE: '20' } });
});
afterAll(async () => {
  await h?.stop();
});

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
function token(alg: 'none' | 'HS256'): string {
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ alg, typ: 'JWT', kid: 'x' });
  const body = b64({ iss: 'https://api.botframework.com', aud: APP_ID, nbf: now - 60, exp: now + 3600, serviceurl: h.emu.url });
  const sig = alg === 'none' ? '' : createHmac('sha256', 'not-a-real-secret').update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

async function raw(body: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(`${h.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

function expectShortJson(r: { type: string; text: string }): void {
  expect(r.type).toMatch(/^application\/json/);
  expect(r.text.length).toBeLessThan(200);
  expect(() => JSON.parse(r.text)).not.toThrow();
  expect(r.text).not.toMatch(/\bat \S+ \(|\/work\/|node_modules|<html|<pre/i);
}

describe('before authentication', () => {
  it('an alg:none or HS256 token gets 401 with a short JSON body', async () => {
    const activity = JSON.stringify(h.message({ conversation: h.personal('u1'), from: h.user('u1'), text: 'hjälp' }));
    for (const alg of ['none', 'HS256'] as const) {
      const r = await raw(activity, { authorization: `Bearer ${token(alg)}` });
      expect(r.status, alg).toBe(401);
      expectShortJson(r);
    }
    expect(h.emu.sent).toHaveLength(0);
  });

  it('an RS256-shaped token with a forged signature is refused (401), or 503 when the signing keys cannot be fetched; never 500', async () => {
    const now = Math.floor(Date.now() / 1000);
    const forged = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'x' })}.${b64({ iss: 'https://api.botframework.com', aud: APP_ID, exp: now + 3600 })}.${'A'.repeat(342)}`;
    const activity = JSON.stringify(h.message({ conversation: h.personal('u3'), from: h.user('u3'), text: 'hjälp' }));
    const r = await raw(activity, { authorization: `Bearer ${forged}` });
    expect([401, 503]).toContain(r.status);
    expectShortJson(r);
  });

  it('malformed, empty and non-activity bodies get 400 with a short JSON body', async () => {
    for (const body of ['{"type": "message", "text": ', '', 'null', '[]', '"x"']) {
      const r = await raw(body, { authorization: `Bearer ${token('none')}` });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expectShortJson(r);
    }
  });

  it('an address that keeps failing gets 429, and health checks still answer', async () => {
    const activity = JSON.stringify(h.message({ conversation: h.personal('u2'), from: h.user('u2'), text: 'hjälp' }));
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await raw(activity)).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    const limited = await raw(activity);
    expect(limited.status).toBe(429);
    expectShortJson(limited);
    expect((await fetch(`${h.baseUrl}/healthz`)).status).toBe(200);
  });
});
