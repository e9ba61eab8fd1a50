/**
 * Issue 14 #3: the base URL of signed links is never taken from an unauthenticated request's Host
 * header. In local mode nothing is authenticated, so links use the server's own listen address: a
 * flood of requests claiming `Host: evil.example` while a document is being read leaves the link
 * in its summary card (sent later, outside any turn) and the export card pointing at the bot.
 */
import fs from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, startBotHarness, type BotHarness } from '../helpers/bot-harness.js';
import { seedMinutes } from '../reminders/helpers.js';

let h: BotHarness;
let teamId: string;
beforeAll(async () => {
  h = await startBotHarness({ name: 'baseurl' });
  const { groupId } = await seedMinutes(h.job.runtime.db);
  teamId = `19:${groupId}@thread.tacv2`;
  h.emu.setRoster(teamId, [{ id: '29:nina', name: 'Nina Brag', aadObjectId: 'aad-nina' }]);
}, 90_000);
afterAll(async () => {
  await h?.stop();
});

/** POSTs an activity with a forged Host header (fetch does not let a caller set Host). */
function postWithHost(activity: Record<string, unknown>, host: string): Promise<number> {
  const url = new URL(`${h.baseUrl}/api/messages`);
  const body = JSON.stringify(activity);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const MINUTES = 'test/fixtures/2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf';

describe('signed links and the Host header', () => {
  it('a flood while a document is read does not move the link in its summary card', async () => {
    const conv = h.personal('29:sec');
    const before = h.emu.sent.length;
    await h.post(h.message({ conversation: conv, from: h.user('29:sec'), attachments: [h.fileAttachment('motesanteckning.pdf', fs.readFileSync(MINUTES))] }));
    for (let i = 0; i < 20; i++) {
      const status = await postWithHost(h.message({ conversation: h.personal(`29:y${i}`), from: h.user(`29:y${i}`), text: 'hjälp' }), 'evil.example');
      expect(status).toBeLessThan(500);
    }
    const summary = await h.emu.waitFor((a) => h.emu.sent.indexOf(a) >= before && a.conversationId === conv.id && cardOf(a) !== null, 60_000);
    const text = JSON.stringify(cardOf(summary));
    expect(text).toContain('/documents/');
    expect(text).not.toContain('evil.example');
    for (const m of text.matchAll(/"url":"([^"]+)"/g)) expect(m[1]!.startsWith(`${h.baseUrl}/`)).toBe(true);
  });

  it('a flood with Host: evil.example does not move the links; the export card links to the bot', async () => {
    const team = h.team(teamId, 'Barn och unga');
    for (let i = 0; i < 20; i++) {
      const status = await postWithHost(h.message({ conversation: h.personal(`29:x${i}`), from: h.user(`29:x${i}`), text: 'hjälp' }), 'evil.example');
      expect(status).toBeLessThan(500);
    }
    const replies = await h.exchange(h.message({ conversation: team, from: h.user('29:nina', 'Nina Brag'), text: 'exportera', mentionBot: true }));
    const card = replies.map(cardOf).find((c) => c !== null);
    const text = JSON.stringify(card);
    expect(text).toContain('/exports/');
    expect(text).not.toContain('evil.example');
    const urls = [...text.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u.startsWith(`${h.baseUrl}/exports/`)).toBe(true);
  });
});
