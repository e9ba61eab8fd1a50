/** Word (.docx) → plain text, through mammoth. */
import mammoth from 'mammoth';
import { AppError } from '../core/errors.js';

export async function extractDocxText(bytes: Uint8Array): Promise<string> {
  try {
    const r = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return r.value;
  } catch (err) {
    throw new AppError('corrupt-pdf', 'The Word file is damaged and cannot be read. Save it again from Word and upload the new copy.', { cause: err });
  }
}
