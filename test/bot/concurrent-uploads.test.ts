/**
 * Issue 14 #5c: ten identical uploads at once. The blob store's temporary file names once collided
 * within a millisecond and seven of ten uploads got "Kunde inte ta emot … just nu"; now one is read
 * and the other nine are told it is already there.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitDocument } from '../../queue/submit.js';
import { ensureGroup } from '../../store/groups.js';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';

const MINUTES = 'test/fixtures/2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf';
let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({ name: 'concurrent' });
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

describe('ten identical uploads at once', () => {
  it('one is read, nine are duplicates, none fails', { timeout: 120_000 }, async () => {
    const conv = h.personal('29:ten');
    const user = h.user('29:ten');
    const bytes = fs.readFileSync(MINUTES);
    const activities = Array.from({ length: 10 }, () =>
      h.message({ conversation: conv, from: user, attachments: [h.fileAttachment('motesanteckning.pdf', bytes)] }),
    );
    const acks = await Promise.all(activities.map((a) => h.exchange(a).then((r) => r[0]!)));
    const finals = await Promise.all(
      acks.map((ack) =>
        h.emu.waitFor(
          (a) => a.conversationId === conv.id && a.id === ack.id && /^(Klart|Kunde inte|Det här dokumentet finns redan)/.test(a.activity.text ?? ''),
          90_000,
        ),
      ),
    );
    const texts = finals.map((f) => f.activity.text ?? '');
    expect(texts.filter((t) => t.startsWith('Kunde inte'))).toEqual([]);
    expect(texts.filter((t) => t.startsWith('Klart'))).toHaveLength(1);
    expect(texts.filter((t) => t.startsWith('Det här dokumentet finns redan'))).toHaveLength(9);
    const docs = await h.job.runtime.db.query('SELECT id FROM documents');
    expect(docs.rows).toHaveLength(1);
  });

  it('ten submissions of the same new bytes in the same instant all get an answer', { timeout: 60_000 }, async () => {
    const rt = h.job.runtime;
    const group = await ensureGroup(rt.db, 'samtidigt');
    // New bytes (not yet in the blob store), so every submission writes the blob at once.
    const bytes = Buffer.concat([fs.readFileSync(MINUTES), Buffer.from(`\n% ${Date.now()}\n`)]);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        submitDocument(
          { db: rt.db, blobs: rt.blobs, queues: rt.queues, parseLimits: h.config.parse },
          { groupId: group.id, fileName: 'samma.pdf', bytes, uploader: { id: 'u', name: 'U' } },
        ),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);
    const statuses = outcomes.map((o) => (o as PromiseFulfilledResult<{ status: string }>).value.status).sort();
    expect(statuses).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'queued']);
  });
});
