/**
 * Issue 14 #9: the data dir holds originals, the embedded database and secrets (link secret, the
 * local API token): only the bot's own user may read them. A data dir left 0755 with 0644 files by
 * an older version (or a copy) is fixed at start-up, and everything written afterwards (PGlite
 * files, stored originals, tokens) is 0600 in 0700 directories.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';

const MINUTES = 'test/fixtures/2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf';
const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'minutes-modes-')), 'data');
let h: BotHarness;
let prevUmask = 0o022;

beforeAll(async () => {
  // What an older version left: world-readable directories and files, an existing token file.
  fs.mkdirSync(path.join(dataDir, 'blobs', 'ab'), { recursive: true, mode: 0o755 });
  fs.chmodSync(dataDir, 0o755);
  fs.writeFileSync(path.join(dataDir, 'rpc-token'), 'old-token', { mode: 0o644 });
  fs.writeFileSync(path.join(dataDir, 'document-link.secret'), 'a'.repeat(64), { mode: 0o644 });
  fs.writeFileSync(path.join(dataDir, 'blobs', 'ab', `${'ab'.repeat(32)}.bin`), 'old original', { mode: 0o644 });
  // The usual umask: without the fix, everything written is 0644 in 0755 directories.
  prevUmask = process.umask(0o022);
  h = await startBotHarness({ name: 'modes', database: 'pglite', env: { MINUTES_DATA_DIR: dataDir } });
}, 90_000);
afterAll(async () => {
  await h?.stop();
  process.umask(prevUmask);
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

/** Every path under the data dir whose mode lets group or others in. */
function exposed(root: string): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return;
    if ((st.mode & 0o077) !== 0) out.push(`${path.relative(root, p) || '.'} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
  };
  walk(root);
  return out;
}

describe('data at rest', () => {
  it('start-up fixes the modes of what is there, and what the bot writes is private', { timeout: 90_000 }, async () => {
    const conv = h.personal('29:modes');
    await h.post(h.message({ conversation: conv, from: h.user('29:modes'), attachments: [h.fileAttachment('motesanteckning.pdf', fs.readFileSync(MINUTES))] }));
    await h.emu.waitFor((a) => a.conversationId === conv.id && /^Klart/.test(a.activity.text ?? ''), 60_000);
    expect(fs.readdirSync(path.join(dataDir, 'blobs')).length).toBeGreaterThan(1);
    expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(true);
    expect(exposed(dataDir)).toEqual([]);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
  });
});
