/**
 * PDF → per-page text and positioned lines. The only file that imports pdf-parse.
 * We load through pdf-parse (its loader maps pdf.js failures to typed exceptions) and read
 * each page's text content once, building both the page text and the positioned lines that
 * table reconstruction needs, so no page is read twice.
 */
// Must stay above pdf-parse: it captures the built-ins before pdf.js's polyfills replace them.
import { restoreNativeBuiltins } from './native-builtins.js';
import { PDFParse, VerbosityLevel } from 'pdf-parse';
import { AppError } from '../core/errors.js';
import type { PageLine, PageText, TextItem } from '../core/facts.js';

restoreNativeBuiltins();

export interface PdfTextOptions {
  maxPages: number;
  /** Called after each page, for progress reports: pages read so far and the document's page count. */
  onPage?: (pagesDone: number, total: number) => void;
  password?: string;
}

/** Reads a PDF's pages; `extractPdfText` on one thread, or a page-parallel reader (workers/) with the same contract. */
export type PdfPageReader = (bytes: Uint8Array, options: PdfTextOptions) => Promise<PageText[]>;

/** Minimal view of the pdf.js objects we use (pdf-parse keeps them private). */
interface PdfJsTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}
interface PdfJsPage {
  getViewport(o: { scale: number }): { width: number; height: number; convertToViewportPoint(x: number, y: number): number[] };
  getTextContent(o?: object): Promise<{ items: Array<PdfJsTextItem | { type: string }> }>;
  cleanup(): void;
}
interface PdfJsDoc {
  numPages: number;
  getPage(n: number): Promise<PdfJsPage>;
}

/** An open PDF whose pages can be read in any order and in ranges (page-parallel parsing opens one per thread). */
export interface OpenPdf {
  numPages: number;
  /** Pages `first`..`last` (1-based, inclusive), in order. */
  readPages(first: number, last: number, onPage?: () => void): Promise<PageText[]>;
  close(): Promise<void>;
}

/** Opens a PDF; throws the same coded errors as `extractPdfText` (too-many-pages, password-protected, corrupt-pdf …). */
export async function openPdf(bytes: Uint8Array, options: Pick<PdfTextOptions, 'maxPages' | 'password'>): Promise<OpenPdf> {
  // pdf.js transfers the buffer it is given; pass a copy so the caller's bytes stay usable.
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: VerbosityLevel.ERRORS, password: options.password, isEvalSupported: false });
  const close = () => parser.destroy().catch(() => undefined);
  let doc: PdfJsDoc;
  try {
    doc = await loadDocument(parser);
    // pdf.js evaluates its worker code (and its polyfills) during the first load.
    restoreNativeBuiltins();
    if (doc.numPages > options.maxPages) {
      throw new AppError('too-many-pages', `The file has ${doc.numPages} pages; the limit is ${options.maxPages}. Split it into smaller files.`);
    }
  } catch (err) {
    await close();
    throw mapPdfError(err);
  }
  return {
    numPages: doc.numPages,
    async readPages(first, last, onPage) {
      const pages: PageText[] = [];
      try {
        for (let n = first; n <= last; n++) {
          const page = await doc.getPage(n);
          pages.push(await readPage(page, n));
          page.cleanup();
          onPage?.();
          // pdf.js's in-thread worker answers through promises only, so a range would otherwise be read
          // without giving the event loop a turn: page-parallel helpers' replies (and their next ranges)
          // would wait until this thread had read every range itself.
          await yieldToEventLoop();
        }
      } catch (err) {
        throw mapPdfError(err);
      }
      return pages;
    },
    close,
  };
}

/** pdf.js's worker code, which pdf.js loads (in this thread, Node having no web workers) at its first document. */
const PDFJS_WORKER = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/**
 * Loads and compiles pdf.js's worker code now rather than at the first document: a page-parallel helper
 * does it while it waits for its first job. The same module instance pdf.js imports later.
 */
export async function preloadPdfJs(): Promise<void> {
  await import(PDFJS_WORKER);
  restoreNativeBuiltins();
}

export async function extractPdfText(bytes: Uint8Array, options: PdfTextOptions): Promise<PageText[]> {
  const pdf = await openPdf(bytes, options);
  try {
    let done = 0;
    return await pdf.readPages(1, pdf.numPages, () => options.onPage?.(++done, pdf.numPages));
  } finally {
    await pdf.close();
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function loadDocument(parser: PDFParse): Promise<PdfJsDoc> {
  // `load` is private in pdf-parse's typings but is the same loader getText() uses.
  const loader = (parser as unknown as { load(): Promise<PdfJsDoc> }).load;
  if (typeof loader !== 'function') throw new Error('pdf-parse changed: PDFParse.load is missing');
  return loader.call(parser);
}

async function readPage(page: PdfJsPage, pageNo: number): Promise<PageText> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items: TextItem[] = [];
  for (const raw of content.items) {
    if (!('str' in raw) || raw.str === '') continue;
    const [x, y] = viewport.convertToViewportPoint(raw.transform[4] ?? 0, raw.transform[5] ?? 0);
    const fontHeight = Math.hypot(raw.transform[2] ?? 0, raw.transform[3] ?? 0) || raw.height;
    items.push({ text: raw.str, x: round(x ?? 0), y: round(y ?? 0), width: round(raw.width), height: round(fontHeight) });
  }
  const lines = groupLines(items);
  return { pageNo, width: round(viewport.width), height: round(viewport.height), text: lines.map((l) => l.text).join('\n'), lines };
}

/** Groups items into visual lines by baseline, left to right; a wide gap becomes a TAB. */
export function groupLines(items: TextItem[]): PageLine[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: TextItem[][] = [];
  for (const item of sorted) {
    const last = lines[lines.length - 1];
    const ref = last?.[0];
    if (ref && Math.abs(ref.y - item.y) <= Math.max(2, Math.min(ref.height, item.height) * 0.5)) last.push(item);
    else lines.push([item]);
  }
  return lines.map((group) => {
    group.sort((a, b) => a.x - b.x);
    let text = '';
    let end: number | null = null;
    for (const it of group) {
      if (end !== null) {
        const gap = it.x - end;
        const space = Math.max(it.height * 0.25, 1);
        if (gap > Math.max(it.height * 1.5, 12)) text = text.replace(/[ \t]+$/, '') + '\t';
        else if (gap > space * 0.6 && !text.endsWith(' ') && !it.text.startsWith(' ')) text += ' ';
      }
      text += it.text;
      end = it.x + it.width;
    }
    const first = group[0]!;
    return { y: first.y, x: first.x, text: text.replace(/ +/g, ' ').trim(), items: group };
  });
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** pdf-parse exception names → our stable codes and human messages. */
function mapPdfError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException' || /password/i.test(message)) {
    return new AppError('password-protected', 'The PDF is password-protected. Remove the password (save an unprotected copy) and upload it again.', {
      cause: err,
    });
  }
  if (/empty/i.test(message) && /pdf/i.test(message)) {
    return new AppError('empty-file', 'The file is empty (0 bytes). Upload the file again.', { cause: err });
  }
  // Structural faults (a page tree that loops, a broken cross-reference table …) are the file's:
  // permanent, never retried, never reported as our own failure.
  if (
    name === 'InvalidPDFException' ||
    name === 'FormatError' ||
    /Invalid PDF|xref|structure|circular reference|pages? tree|Bad (?:XRef|encoding)|Invalid (?:page|object)|Missing (?:page|object)/i.test(message)
  ) {
    return new AppError('corrupt-pdf', 'The PDF is damaged or incomplete and cannot be read. Export or download it again and upload the new copy.', {
      cause: err,
    });
  }
  return err;
}
