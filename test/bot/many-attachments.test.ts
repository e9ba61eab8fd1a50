/**
 * Issue 14 #7 (attachments): one message carrying many files. Forty attachments used to start
 * forty downloads at once (+740 MB); now a message gives at most UPLOAD_MAX_FILES_PER_MESSAGE files
 * (the rest are named in a reply) and a process downloads DOWNLOAD_CONCURRENCY files at a time.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';

let inFlight = 0;
let peak = 0;
const requested: string[] = [];
// Holds each response briefly so that downloads started together overlap.
const files = http.createServer((req, res) => {
  requested.push(req.url ?? '');
  inFlight++;
  peak = Math.max(peak, inFlight);
  setTimeout(() => {
    inFlight--;
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`Protokoll ${req.url}\n\nNärvarande: Anna Berg, Bo Ek\n\n§ 1 Beslut: budgeten fastställs.\n`);
  }, 150);
});

let h: BotHarness;
beforeAll(async () => {
  await new Promise<void>((r) => files.listen(0, '127.0.0.1', r));
  h = await startBotHarness({ name: 'manyfiles' });
}, 60_000);
afterAll(async () => {
  await h?.stop();
  await new Promise<void>((r) => files.close(() => r()));
});

describe('a message with fifteen attachments', () => {
  it('takes ten, names the other five, and downloads three at a time', { timeout: 120_000 }, async () => {
    const port = (files.address() as AddressInfo).port;
    const conv = h.personal('29:many');
    const attachments = Array.from({ length: 15 }, (_, i) => ({
      contentType: 'application/vnd.microsoft.teams.file.download.info',
      name: `protokoll-${i + 1}.txt`,
      content: { downloadUrl: `http://127.0.0.1:${port}/f${i + 1}.txt`, fileType: 'txt' },
    }));
    const replies = await h.exchange(h.message({ conversation: conv, from: h.user('29:many'), attachments }));
    const texts = replies.map((r) => r.activity.text ?? '');
    expect(texts[0]).toMatch(/^Jag tar emot högst 10 filer per meddelande\. .*protokoll-11\.txt/);
    expect(texts.filter((t) => t.startsWith('Tar emot'))).toHaveLength(10);
    const acks = replies.filter((r) => (r.activity.text ?? '').startsWith('Tar emot'));
    await Promise.all(
      acks.map((ack) => h.emu.waitFor((a) => a.conversationId === conv.id && a.id === ack.id && /^(Klart|Kunde inte)/.test(a.activity.text ?? ''), 90_000)),
    );
    expect(requested).toHaveLength(10);
    expect(peak).toBeLessThanOrEqual(3);
  });
});
