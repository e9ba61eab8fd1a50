import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { parseDocument } from '../../parsers/parse-document.js';
import { CORPUS_PAGES, CORPUS_PDFS, EDGE_EXPECTATIONS, FIXTURES } from '../helpers/services.js';

const limits = { maxBytes: 50 * 1024 * 1024, maxPages: 2000 };

async function failureOf(bytes: Uint8Array, name: string, l = limits): Promise<AppError> {
  try {
    await parseDocument(bytes, name, l);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error(`${name} parsed, but it should have failed`);
}

describe('parseDocument on the corpus', () => {
  it.each(CORPUS_PDFS)('reads every page of %s', async (file) => {
    const parsed = await parseDocument(fs.readFileSync(file), path.basename(file), limits);
    expect(parsed.format).toBe('pdf');
    expect(parsed.pages).toHaveLength(CORPUS_PAGES[path.basename(file)]!);
    expect(parsed.pages.map((p) => p.pageNo)).toEqual(parsed.pages.map((_, i) => i + 1));
  });

  it('keeps positioned lines: names and roles of the minutes sit on one line, left to right', async () => {
    const file = CORPUS_PDFS.find((f) => f.includes('motesanteckning'))!;
    const { pages } = await parseDocument(fs.readFileSync(file), 'm.pdf', limits);
    const line = pages[0]!.lines.find((l) => l.text.startsWith('Nina Brag'))!;
    expect(line.items.length).toBeGreaterThan(1);
    expect(line.items[0]!.text).toContain('Nina Brag');
    const role = line.items.find((i) => i.text.includes('Vårdenhetschef'))!;
    expect(role.x).toBeGreaterThan(line.items[0]!.x + 50);
    expect(pages[0]!.text).toContain('Frånvarande');
  });

  it('reads the slide deck at its own page size (16:9)', async () => {
    const file = CORPUS_PDFS.find((f) => f.includes('bildspel'))!;
    const { pages } = await parseDocument(fs.readFileSync(file), 'b.pdf', limits);
    expect(pages[0]!.width / pages[0]!.height).toBeCloseTo(16 / 9, 1);
  });

  it('opens a PDF that has only an owner password (restrictions, no password to open)', async () => {
    const parsed = await parseDocument(fs.readFileSync(path.join(FIXTURES, 'edge', 'encrypted-owner-password-only.pdf')), 'x.pdf', limits);
    expect(parsed.pages.length).toBe(6);
    expect(parsed.pages[0]!.text).toContain('Närvarande');
  });
});

describe('parseDocument rejects bad input with a stable code and a message a person can act on', () => {
  it.each(Object.entries(EDGE_EXPECTATIONS))('%s → %s', async (name, code) => {
    const err = await failureOf(fs.readFileSync(path.join(FIXTURES, 'edge', name)), name);
    expect(err.code).toBe(code);
    expect(err.permanent).toBe(true);
    expect(err.message.length).toBeGreaterThan(20);
  });

  it('says what to do for a scanned PDF and for a password', async () => {
    const scan = await failureOf(fs.readFileSync(path.join(FIXTURES, 'edge', 'image-only-no-text-layer.pdf')), 'scan.pdf');
    expect(scan.message).toMatch(/no text layer/);
    expect(scan.message).toMatch(/Word/);
    const locked = await failureOf(fs.readFileSync(path.join(FIXTURES, 'edge', 'encrypted-user-password-corpus.pdf')), 'locked.pdf');
    expect(locked.message).toMatch(/Remove the password/);
  });

  it('names what a non-PDF really is', async () => {
    const png = await failureOf(fs.readFileSync(path.join(FIXTURES, 'edge', 'not-a-pdf-actually-png.pdf')), 'p.pdf');
    expect(png.message).toMatch(/PNG image/);
    // Text is readable: the message blames the name, not the content.
    const text = await failureOf(fs.readFileSync(path.join(FIXTURES, 'edge', 'not-a-pdf-actually-text.pdf')), 't.pdf');
    expect(text.code).toBe('not-a-document');
    expect(text.message).not.toMatch(/not a PDF, Word \(\.docx\) or text file/);
    expect(text.message).toMatch(/t\.pdf is named as a \.pdf file but contains only plain text.*\.txt name/);
  });

  it('enforces the size and page limits', async () => {
    const bytes = fs.readFileSync(CORPUS_PDFS[0]!);
    expect((await failureOf(bytes, 'big.pdf', { maxBytes: 1000, maxPages: 2000 })).code).toBe('too-large');
    expect((await failureOf(bytes, 'long.pdf', { maxBytes: limits.maxBytes, maxPages: 10 })).code).toBe('too-many-pages');
  });
});

describe('parseDocument on Word and text files', () => {
  it('reads a .docx through mammoth', async () => {
    const doc = new Document({
      sections: [
        {
          children: ['Protokoll Styrgruppen 2026-05-04', 'Närvarande', 'Anna Andersson\tOrdförande', 'Frånvarande', 'Per Persson'].map((t) => new Paragraph(t)),
        },
      ],
    });
    const bytes = await Packer.toBuffer(doc);
    const parsed = await parseDocument(bytes, 'protokoll.docx', limits);
    expect(parsed.format).toBe('docx');
    expect(parsed.pages[0]!.text).toContain('Anna Andersson');
    expect(parsed.pages[0]!.text).toContain('Frånvarande');
  });

  it('reads UTF-8 text, with form feeds as page breaks', async () => {
    const parsed = await parseDocument(Buffer.from('Minutes of the board\nPresent: Ann Smith\fPage two: Action: Bob to write'), 'minutes.txt', limits);
    expect(parsed.format).toBe('txt');
    expect(parsed.pages).toHaveLength(2);
    expect(parsed.pages[1]!.text).toContain('Action: Bob');
  });

  it('rejects a damaged .docx and an old binary .doc with clear messages', async () => {
    const zipOnly = Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Buffer.from('word/garbage')]);
    expect((await failureOf(zipOnly, 'broken.docx')).code).toBe('corrupt-pdf');
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect((await failureOf(ole, 'old.doc')).message).toMatch(/old Word/);
  });
});
