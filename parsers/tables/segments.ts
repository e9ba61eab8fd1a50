/**
 * Splits a visual line into segments: runs of items separated by a column-sized gap, or
 * starting exactly at a known column edge (cells can sit closer than a gap when text fills them).
 */
import type { PageLine, TextItem } from '../../core/facts.js';
import type { Segment } from './types.js';

/** Typical height of a line's visible text. */
export function lineHeight(line: PageLine): number {
  let h = 0;
  for (const it of line.items) if (it.text.trim() !== '' && it.height > h) h = it.height;
  return h || (line.items[0]?.height ?? 10);
}

function gapThreshold(h: number): number {
  return Math.max(h * 0.8, 5);
}

/** Segments of one line; with `anchors`, an item starting on a column edge always starts a segment. */
export function lineSegments(line: PageLine, anchors?: readonly number[]): Segment[] {
  const out: Segment[] = [];
  let cur: { parts: string[]; x0: number; x1: number; h: number } | null = null;
  for (const it of line.items) {
    if (it.text.trim() === '') continue;
    const x1 = it.x + it.width;
    if (
      cur &&
      (it.x - cur.x1 > gapThreshold(Math.max(cur.h, it.height)) ||
        (anchors && onAnchor(it, anchors) && cur.x1 < it.x + 0.5 && !isSign(cur, it)) ||
        nextFigure(cur, it))
    ) {
      out.push(finish(cur, line.y));
      cur = null;
    }
    if (!cur) cur = { parts: [it.text], x0: it.x, x1, h: it.height };
    else {
      const gap = it.x - cur.x1;
      const last = cur.parts[cur.parts.length - 1] ?? '';
      if (gap > Math.max(it.height * 0.15, 0.8) && !/\s$/.test(last) && !/^\s/.test(it.text)) cur.parts.push(' ');
      cur.parts.push(it.text);
      cur.x1 = Math.max(cur.x1, x1);
      cur.h = Math.max(cur.h, it.height);
    }
  }
  if (cur) out.push(finish(cur, line.y));
  return out;
}

/** A minus sign (or opening parenthesis) right before a figure belongs to it, even across a column edge. */
function isSign(cur: { parts: string[]; x1: number }, it: TextItem): boolean {
  return /^[-–−(]$/.test(cur.parts.join('').trim()) && it.x - cur.x1 < 3 && /^\d/.test(it.text.trim());
}

/**
 * A figure that ends in decimals ("20,068", "1 234,50") is complete: a figure after a space is the
 * next column's, however close the columns sit ("20,068 15,127"). Only a space wider than a
 * thin space separates them (thin spaces group thousands).
 */
function nextFigure(cur: { parts: string[]; x1: number; h: number }, it: TextItem): boolean {
  return it.x - cur.x1 > 0.4 * Math.max(cur.h, it.height) && /^[-–−]?\s?\d/.test(it.text.trim()) && COMPLETE_FIGURE.test(cur.parts.join('').trim());
}

const COMPLETE_FIGURE = /^[-–−]?\s?\d{1,3}(?:[ \u00a0\u202f,.]\d{3})*[.,]\d{1,3}$/;

function onAnchor(it: TextItem, anchors: readonly number[]): boolean {
  for (const a of anchors) if (Math.abs(it.x - a) <= 1.5) return true;
  return false;
}

function finish(cur: { parts: string[]; x0: number; x1: number; h: number }, y: number): Segment {
  return { text: cur.parts.join('').replace(/\s+/g, ' ').trim(), x0: cur.x0, x1: cur.x1, y, height: cur.h };
}
