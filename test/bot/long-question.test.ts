/**
 * Issue 14 #2 through the real HTTP endpoint on the embedded database: two questions of 1 000
 * characters (which used to build megabytes of SQL and hang PGlite, and with it the whole process)
 * are answered politely, the health endpoint keeps answering, and an ordinary question after
 * them is still answered from the documents.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';

const MINUTES = 'test/fixtures/2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf';

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({ name: 'longq', database: 'pglite' });
  const conv = h.personal('sec');
  await h.post(h.message({ conversation: conv, from: h.user('sec'), attachments: [h.fileAttachment('motesanteckning.pdf', fs.readFileSync(MINUTES))] }));
  await h.emu.waitFor((a) => a.conversationId === conv.id && /^Klart/.test(a.activity.text ?? ''), 60_000);
}, 90_000);
afterAll(async () => {
  await h?.stop();
});

function longQuestion(seed: number): string {
  const words = ['barn', 'unga', 'skola', 'hälsa', 'samverkan', 'region', 'kommun', 'möte', 'beslut', 'plan', 'budget', 'elev'];
  const out: string[] = [];
  for (let i = 0; out.join(' ').length < 1000; i++) out.push(`${words[(i + seed) % words.length]}${i}`);
  return `Vad sägs om ${out.join(' ')}`.slice(0, 1000);
}

describe('long questions on the embedded database', () => {
  it('two 1 000-character questions get a polite reply; health answers; the next question is answered', { timeout: 30_000 }, async () => {
    const conv = h.personal('member');
    const from = h.user('sec');
    const [a, b] = await Promise.all([h.ask(conv, from, longQuestion(0)), h.ask(conv, from, longQuestion(5))]);
    for (const text of [a, b]) expect(text).toMatch(/för lång.*högst 500 tecken/);
    const health = await fetch(`${h.baseUrl}/healthz`, { signal: AbortSignal.timeout(5000) });
    expect(health.status).toBe(200);
    expect(await h.ask(conv, from, 'Vem var frånvarande?')).toContain('Else Thordstein');
  });
});
