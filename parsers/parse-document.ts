/**
 * Bytes of an uploaded file → per-page text, for PDF, Word (.docx) and plain text.
 * Every bad input ends in an AppError with a stable code and a message a person can act on.
 */
import { AppError } from '../core/errors.js';
import type { ParsedText } from '../core/facts.js';
import { detectFormat } from './detect-format.js';
import { extractPdfText, type PdfPageReader } from './pdf-text.js';
import { textToPages } from './text-pages.js';

export interface ParseLimits {
  maxBytes: number;
  maxPages: number;
  /** Text (.txt bytes, .docx text) above this is refused. Default 10 MB. */
  maxTextBytes?: number;
}

const DEFAULT_MAX_TEXT_BYTES = 10 * 1024 * 1024;

export async function parseDocument(
  bytes: Uint8Array,
  fileName: string,
  limits: ParseLimits,
  onPage?: (page: number, total: number) => void,
  /** How PDF pages are read: one thread by default; the workers pass a page-parallel reader. */
  readPdf: PdfPageReader = extractPdfText,
): Promise<ParsedText> {
  if (bytes.length === 0) throw new AppError('empty-file', `${fileName} is empty (0 bytes). Upload the file again.`);
  if (bytes.length > limits.maxBytes) {
    throw new AppError('too-large', `${fileName} is ${mb(bytes.length)} MB; the limit is ${mb(limits.maxBytes)} MB. Split it or compress its images.`);
  }
  const format = detectFormat(bytes, fileName);
  if (typeof format === 'object' && format.misnamed) {
    // Text is a format we read: the problem is the name, which promises a .${format.misnamed} file.
    throw new AppError(
      'not-a-document',
      `${fileName} is named as a .${format.misnamed} file but contains only plain text (a broken export or a mix-up). Export it again as PDF or Word, or save it with a .txt name if the text is the document.`,
    );
  }
  if (typeof format === 'object') {
    throw new AppError(
      'not-a-document',
      `${fileName} is not a PDF, Word (.docx) or text file: it is ${format.unsupported}. Upload the minutes as PDF or Word.`,
    );
  }
  if (format === 'pdf') {
    const pages = await readPdf(bytes, { maxPages: limits.maxPages, onPage });
    const chars = pages.reduce((n, p) => n + p.text.replace(/\s/g, '').length, 0);
    if (chars < 10) {
      throw new AppError(
        'no-text-layer',
        `${fileName} has no text layer (it is a scan or pictures of pages), so it cannot be read. Export it from Word as PDF, or upload the Word file.`,
      );
    }
    return { format, pages };
  }
  const maxText = limits.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES;
  const tooMuchText = (size: number) =>
    new AppError('too-large', `${fileName} holds ${mb(size)} MB of text; the limit is ${mb(maxText)} MB. Upload the minutes on their own, or split the file.`);
  // Checked before decoding: a 50 MB text would otherwise be decoded, split and searched whole.
  if (format === 'txt' && bytes.length > maxText) throw tooMuchText(bytes.length);
  // mammoth loads only for Word files.
  const text = format === 'docx' ? await (await import('./docx-text.js')).extractDocxText(bytes) : new TextDecoder('utf-8').decode(bytes);
  if (format === 'docx' && text.length > maxText) throw tooMuchText(text.length);
  if (text.trim() === '') throw new AppError('empty-file', `${fileName} contains no text.`);
  const pages = textToPages(text);
  if (pages.length > limits.maxPages) {
    throw new AppError('too-many-pages', `${fileName} has ${pages.length} pages; the limit is ${limits.maxPages}. Split it into smaller files.`);
  }
  pages.forEach((p) => onPage?.(p.pageNo, pages.length));
  return { format, pages };
}

function mb(n: number): string {
  return (n / 1024 / 1024).toFixed(1);
}
