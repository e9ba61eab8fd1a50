/**
 * Splits page text into passages for full-text search: a few lines each, never across pages,
 * carrying the nearest heading as their section, so an answer can cite document and page.
 */
import type { Chunk, PageText } from '../core/facts.js';

export type { Chunk };

const TARGET = 500;
const MAX = 900;
const HEADING = /^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+\p{Lu}|§\s*\d+|\p{Lu}[\p{L} ,–-]{2,60}$)/u;

export function chunkPages(pages: PageText[]): Chunk[] {
  const chunks: Chunk[] = [];
  let section: string | null = null;
  for (const page of pages) {
    let buf: string[] = [];
    let size = 0;
    const flush = () => {
      const text = buf.join('\n').trim();
      if (text) chunks.push({ pageNo: page.pageNo, ord: chunks.length, section, text });
      buf = [];
      size = 0;
    };
    for (const raw of page.text.split('\n')) {
      const line = raw.replace(/\t/g, ' ').trim().slice(0, MAX);
      if (!line) continue;
      const isHeading = line.length <= 80 && HEADING.test(line) && !/[.:;,]$/.test(line);
      if (isHeading && size > 0) flush();
      if (isHeading) section = line;
      if (size + line.length > MAX) flush();
      buf.push(line);
      size += line.length + 1;
      if (size >= TARGET && /[.!?:]$/.test(line)) flush();
    }
    flush();
  }
  return chunks;
}
