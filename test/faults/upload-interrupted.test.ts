/**
 * Issue 14 #5a: the bot is killed (SIGKILL) while it downloads an attachment. The user's message
 * used to stay "Tar emot …" forever, the upload silently lost. The bot records the upload before
 * downloading; the next start finds the record and tells the user, in that same message, to send
 * the file again.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startChannelEmulator, type ChannelEmulator } from '../helpers/channel-emulator.js';
import { spawnCli, waitFor, type CliProcess } from '../helpers/processes.js';
import { testEnv } from '../helpers/services.js';

let emu: ChannelEmulator | undefined;
let bot: CliProcess | undefined;
let fileRequested = false;
// A file host that sends headers and a first chunk, then never finishes.
const slow = http.createServer((_req, res) => {
  fileRequested = true;
  res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': '100000' });
  res.write(Buffer.alloc(1000, 0x25));
});

afterAll(async () => {
  bot?.kill('SIGKILL');
  await bot?.exited;
  await emu?.close();
  slow.closeAllConnections();
  await new Promise<void>((r) => slow.close(() => r()));
});

async function startBot(env: Record<string, string | undefined>): Promise<string> {
  bot = spawnCli(['start'], env);
  await waitFor('the main job', async () => /running on http/.test(bot!.output()), 60_000);
  return `http://127.0.0.1:${/localhost:(\d+)/.exec(bot.output())![1]}`;
}

describe('killed while downloading an upload', () => {
  it('the next start tells the uploader, in the acknowledgement, to send the file again', { timeout: 150_000 }, async () => {
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    emu = await startChannelEmulator();
    const env = testEnv({ LOG_LEVEL: 'warn', DOWNLOAD_TIMEOUT_MS: '120000' });
    const base = await startBot(env);
    const activity = {
      type: 'message',
      id: 'act-kill-1',
      channelId: 'msteams',
      serviceUrl: emu.url,
      from: { id: '29:kill', name: 'Karin', aadObjectId: 'aad-kill' },
      recipient: { id: '28:bot', name: 'minutes-bot' },
      conversation: { id: 'a:kill', conversationType: 'personal', tenantId: 't1' },
      channelData: { tenant: { id: 't1' } },
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'protokoll.pdf',
          content: { downloadUrl: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/protokoll.pdf`, fileType: 'pdf' },
        },
      ],
    };
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(res.status).toBe(200);
    const ack = await emu.waitFor((a) => a.conversationId === 'a:kill' && a.activity.text === 'Tar emot protokoll.pdf …', 10_000);
    await waitFor('the download to start', async () => fileRequested, 10_000, 50);
    bot!.kill('SIGKILL');
    await bot!.exited;

    await startBot(env);
    await emu.waitFor((a) => a.conversationId === 'a:kill' && a.id === ack.id && a.op === 'update', 30_000);
    expect(emu.latestText('a:kill', ack.id)).toMatch(/^Kunde inte ta emot protokoll\.pdf: .*Skicka filen igen/);
  });
});
