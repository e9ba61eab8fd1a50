/**
 * Issue 14 #4: an uploaded HTML or SVG file must never run script at the bot's origin. The type
 * stored for an original comes from its bytes (not from the download server or the file name), a
 * markup file is refused with a clear message, and `/documents/:id` serves anything but a PDF as
 * a download, with `nosniff` and a restrictive Content-Security-Policy.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentLinks, loadLinkSecret, type DocumentLinks } from '../../bot/document-links.js';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';

let h: BotHarness;
let links: DocumentLinks;
beforeAll(async () => {
  h = await startBotHarness({ name: 'storedscript' });
  links = createDocumentLinks({ secret: loadLinkSecret(undefined, h.config.dataDir), ttlHours: 1, publicBaseUrl: h.baseUrl });
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

const HTML = '<!DOCTYPE html>\n<html><body><h1>Protokoll</h1><script>fetch("/exports/x").then(r=>r.text()).then(alert)</script></body></html>\n';
const SVG = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"><script>alert(1)</script></svg>\n';

/** Uploads a file served with the given content type; returns the final acknowledgement text. */
async function upload(user: string, name: string, bytes: Uint8Array, contentType: string): Promise<string> {
  const conv = h.personal(user);
  const att = h.fileAttachment(name, bytes) as { content: { downloadUrl: string } };
  att.content.downloadUrl = h.emu.serveFile(name, bytes, contentType);
  const [ack] = await h.exchange(h.message({ conversation: conv, from: h.user(user), attachments: [att] }));
  const final = await h.emu.waitFor((a) => a.conversationId === conv.id && a.id === ack!.id && /^(Klart|Kunde inte)/.test(a.activity.text ?? ''), 60_000);
  return final.activity.text ?? '';
}

async function documentNamed(name: string): Promise<{ id: string; mime_type: string | null }> {
  const r = await h.job.runtime.db.query<{ id: string; mime_type: string | null }>('SELECT id, mime_type FROM documents WHERE file_name = $1', [name]);
  expect(r.rows).toHaveLength(1);
  return r.rows[0]!;
}

describe('stored script through uploads', () => {
  for (const [name, body, type] of [
    ['agenda.html', HTML, 'text/html'],
    ['logo.svg', SVG, 'image/svg+xml'],
    ['protokoll.txt', HTML, 'text/html'],
  ] as const) {
    it(`${name} served as ${type} is refused, stored as bytes, and downloaded without running`, { timeout: 90_000 }, async () => {
      const text = await upload(`29:ss-${name}`, name, Buffer.from(body), type);
      expect(text).toMatch(/^Kunde inte läsa .*\. Filen är inget dokument jag kan läsa/);
      const doc = await documentNamed(name);
      expect(doc.mime_type).not.toMatch(/html|svg|xml/);
      const res = await fetch(links.urlFor(doc.id)!);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).not.toMatch(/html|svg|xml/);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      expect(res.headers.get('content-security-policy')).toMatch(/sandbox/);
      expect(await res.text()).toBe(body);
    });
  }

  it('a PDF is still shown inline as a PDF, under a restrictive policy', { timeout: 90_000 }, async () => {
    const name = 'motesanteckning.pdf';
    const bytes = fs.readFileSync('test/fixtures/2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf');
    // The download server lies about the type; the bytes decide.
    expect(await upload('29:ss-pdf', name, bytes, 'text/html')).toMatch(/^Klart/);
    const doc = await documentNamed(name);
    expect(doc.mime_type).toBe('application/pdf');
    const res = await fetch(links.urlFor(doc.id)!);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('other routes carry nosniff and a restrictive policy too', async () => {
    for (const p of ['/healthz', '/documents/not-a-id?exp=1&sig=x', '/exports/x.csv']) {
      const res = await fetch(`${h.baseUrl}${p}`);
      expect(res.headers.get('x-content-type-options'), p).toBe('nosniff');
      expect(res.headers.get('content-security-policy'), p).toMatch(/default-src 'none'/);
      expect(res.headers.get('referrer-policy'), p).toBe('no-referrer');
    }
  });
});
