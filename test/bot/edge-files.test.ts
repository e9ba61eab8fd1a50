/** Every hostile file in test/fixtures/edge reaches the uploader as a plain sentence saying what to do. */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({ name: 'edge' });
});
afterAll(async () => {
  await h?.stop();
});

/** File → the final text of its acknowledgement message. */
const EXPECTED: Record<string, RegExp> = {
  'empty-zero-bytes.pdf': /^Kunde inte läsa empty-zero-bytes\.pdf\. Filen är tom \(0 byte\)/,
  'encrypted-user-password-corpus.pdf': /^Kunde inte läsa .*\. Filen är lösenordsskyddad\. Ta bort lösenordet/,
  'image-only-no-text-layer.pdf': /^Kunde inte läsa .*\. Filen saknar textlager .* Exportera dokumentet som PDF från Word eller ladda upp Word-filen/,
  'not-a-pdf-actually-png.pdf': /^Kunde inte läsa .*\. Filen är inget dokument jag kan läsa/,
  'not-a-pdf-actually-text.pdf': /^Kunde inte läsa .*\. Filen är inget dokument jag kan läsa/,
  'truncated-first-half-of-motesanteckning.pdf': /^Kunde inte läsa .*\. PDF-filen är skadad eller ofullständig/,
  // Restrictions without a user password do not stop reading.
  'encrypted-owner-password-only.pdf': /^Klart: encrypted-owner-password-only\.pdf är inläst/,
};

describe('hostile uploads', () => {
  const files = fs.readdirSync('test/fixtures/edge').filter((f) => f.endsWith('.pdf') && !f.startsWith('large-400'));

  it('covers every edge file', () => {
    for (const f of files) expect(Object.keys(EXPECTED)).toContain(f);
  });

  for (const file of files) {
    it(`${file} → a clear message`, { timeout: 90_000 }, async () => {
      const conv = h.personal(`u-${file}`);
      const [ack] = await h.exchange(
        h.message({ conversation: conv, from: h.user(`u-${file}`), attachments: [h.fileAttachment(file, fs.readFileSync(`test/fixtures/edge/${file}`))] }),
      );
      expect(ack!.activity.text).toBe(`Tar emot ${file} …`);
      const final = await h.emu.waitFor((a) => a.conversationId === conv.id && a.id === ack!.id && /^(Klart|Kunde inte)/.test(a.activity.text ?? ''), 80_000);
      expect(final.activity.text).toMatch(EXPECTED[file]!);
      // Nothing overwrites the final message afterwards (no late progress update).
      await new Promise((r) => setTimeout(r, 300));
      expect(h.emu.latestText(conv.id, ack!.id)).toBe(final.activity.text);
    });
  }
});
