/**
 * A bot turn through the real HTTP endpoint (/api/messages) of an in-process main job, replies
 * recorded at the local channel emulator: message → first reply, and file upload → summary card.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cardOf, cardText, startBotHarness } from '../test/helpers/bot-harness.js';
import { FIXTURES } from '../test/helpers/services.js';
import { percentile, round, type Row } from './stats.js';

const MINUTES = path.join(FIXTURES, '2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf');

export async function benchBotTurn(messages: number, uploads: number): Promise<Row[]> {
  const h = await startBotHarness({ name: 'bench' });
  const rows: Row[] = [];
  try {
    const user = h.user('bench-user', 'Bänk Användare');
    const conv = h.personal('bench-user');
    // One upload so questions have a document to answer from; it also warms the sandbox.
    const uploadMs: number[] = [];
    for (let i = 0; i < uploads + 1; i++) {
      const bytes = Buffer.concat([fs.readFileSync(MINUTES), Buffer.from(`\n% upload ${i}\n`)]);
      const before = h.emu.sent.length;
      const t = Date.now();
      await h.post(h.message({ conversation: conv, from: user, attachments: [h.fileAttachment(`protokoll-${i}.pdf`, bytes)] }));
      const card = await h.emu.waitFor(
        (a) =>
          h.emu.sent.indexOf(a) >= before &&
          a.conversationId === conv.id &&
          a.op !== 'update' &&
          cardOf(a) !== null &&
          cardText(cardOf(a)).includes('Närvarande'),
        120_000,
      );
      if (i > 0) uploadMs.push(card.at - t);
    }
    const questions = ['Vilka var närvarande på mötet 2 mars?', 'Vem är ordförande?', 'När är nästa möte?', 'Vad ska Maria Glemfelt göra?', 'Who was absent?'];
    const firstReply: number[] = [];
    for (let i = 0; i < messages; i++) {
      const activity = h.message({ conversation: conv, from: user, text: questions[i % questions.length]! });
      const t = Date.now();
      const pending = h.post(activity);
      const reply = await h.emu.waitFor((a) => a.replyToId === activity.id, 30_000);
      await pending;
      firstReply.push(reply.at - t);
    }
    rows.push({
      section: 'bot',
      name: `message → first reply (${messages})`,
      p50Ms: round(percentile(firstReply, 50)),
      p95Ms: round(percentile(firstReply, 95)),
      maxMs: round(Math.max(...firstReply)),
    });
    rows.push({
      section: 'bot',
      name: `upload → summary card (${uploads}, 6-page minutes)`,
      p50Ms: round(percentile(uploadMs, 50)),
      p95Ms: round(percentile(uploadMs, 95)),
      maxMs: round(Math.max(...uploadMs)),
    });
  } finally {
    await h.stop();
  }
  return rows;
}
