/**
 * Decides what a file is from its bytes, not its name: a PNG saved as `.pdf` is still a PNG.
 */
/** `misnamed`: text under a document's extension (its name says one thing, its bytes another). */
export type DetectedFormat = 'pdf' | 'docx' | 'txt' | { unsupported: string; misnamed?: string };

const SIGNATURES: Array<[string, number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a TIFF image', [0x49, 0x49, 0x2a, 0x00]],
  ['an old Word (.doc) or Excel (.xls) file', [0xd0, 0xcf, 0x11, 0xe0]],
  ['a RTF document', [0x7b, 0x5c, 0x72, 0x74, 0x66]],
];

export function detectFormat(bytes: Uint8Array, fileName: string): DetectedFormat {
  const head = bytes.subarray(0, 1024);
  // PDF readers accept junk before the header; so do we, within the first KiB.
  if (Buffer.from(head).includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return /\.docx$/i.test(fileName) || Buffer.from(bytes.subarray(0, 4096)).includes('word/')
      ? 'docx'
      : { unsupported: 'a ZIP archive (not a Word .docx file)' };
  }
  for (const [what, sig] of SIGNATURES) {
    if (sig.every((b, i) => bytes[i] === b)) return { unsupported: what };
  }
  if (looksLikeText(bytes)) {
    // Markup is text too, but served back it would run script at the bot's origin: never a document.
    const markup = markupKind(bytes);
    if (markup) return { unsupported: markup };
    // Text under a document's name is a broken export or a mix-up, not minutes typed as .txt.
    const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
    if (ext && ['pdf', 'docx', 'doc', 'odt', 'rtf', 'xlsx', 'pptx'].includes(ext))
      return { unsupported: `plain text saved under a .${ext} name`, misnamed: ext };
    return 'txt';
  }
  return { unsupported: 'binary data of an unknown kind' };
}

/** The MIME type an original is stored and served with: decided by its bytes, never by the sender. */
export function mimeTypeOf(format: DetectedFormat): string {
  if (format === 'pdf') return 'application/pdf';
  if (format === 'docx') return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (format === 'txt') return 'text/plain; charset=utf-8';
  return 'application/octet-stream';
}

/** HTML, SVG or other XML at the start of a text file (after a BOM, blanks and comments). */
function markupKind(bytes: Uint8Array): string | null {
  const head = new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 4096))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (!head.startsWith('<')) return null;
  if (/<svg[\s>]/.test(head)) return 'an SVG image';
  if (/^<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<script[\s>]|<iframe[\s>]/.test(head)) return 'an HTML page';
  if (head.startsWith('<?xml') || head.startsWith('<!doctype')) return 'an XML file';
  return null;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.length < bytes.length ? trimPartial(sample) : sample);
  } catch {
    return false;
  }
  let control = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) control++;
  return control / Math.max(sample.length, 1) < 0.01;
}

/** A sample cut mid-character must not count as invalid UTF-8. */
function trimPartial(sample: Uint8Array): Uint8Array {
  let end = sample.length;
  while (end > 0 && end > sample.length - 4 && (sample[end - 1]! & 0xc0) === 0x80) end--;
  if (end > 0 && sample[end - 1]! >= 0xc0) end--;
  return sample.subarray(0, end);
}
