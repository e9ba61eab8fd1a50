/**
 * Headings of a document from font size alone: a line in a larger font than the body text is a
 * heading. Gives the section (heading, joined with a directly preceding parent heading) and the
 * area (the latest top-level heading, the level that recurs on several pages) for any position.
 */
import type { PageText } from '../../core/facts.js';
import { lineHeight, lineSegments } from '../tables/segments.js';

export interface Heading {
  page: number;
  y: number;
  height: number;
  text: string;
  /** Parent heading text when this heading directly follows a larger one ("Ekonomi 2016" → "Gemensamt"). */
  parent: string | null;
}

export interface Outline {
  headings: Heading[];
  topLevel: number;
  /** Section heading in force at a position. */
  sectionAt(page: number, y: number): string | null;
  /** Latest top-level heading at a position (a plan's programme area). */
  areaAt(page: number, y: number): string | null;
}

export function buildOutline(pages: PageText[]): Outline {
  const counts = new Map<number, number>();
  for (const p of pages)
    for (const l of p.lines) {
      const h = Math.round(lineHeight(l) * 2) / 2;
      counts.set(h, (counts.get(h) ?? 0) + l.text.length);
    }
  let body = 10;
  let best = -1;
  for (const [h, n] of counts) if (n > best) [body, best] = [h, n];

  const headings: Heading[] = [];
  let prevWasHeading = false;
  for (const p of pages) {
    for (const l of p.lines) {
      const text = l.text.trim();
      if (!text) continue;
      const h = lineHeight(l);
      const isHeading = h >= body + 0.4 && text.length <= 160 && /\p{L}/u.test(text) && lineSegments(l).length === 1;
      if (isHeading) {
        const last = headings[headings.length - 1];
        const parent = prevWasHeading && last && last.page === p.pageNo && last.height > h + 0.4 ? last.text : null;
        headings.push({ page: p.pageNo, y: l.y, height: h, text, parent });
      }
      prevWasHeading = isHeading;
    }
  }
  // Top level: the largest heading size used on at least two pages (a title page's title is used once).
  const pagesBySize = new Map<number, Set<number>>();
  for (const h of headings) {
    const k = Math.round(h.height);
    if (!pagesBySize.has(k)) pagesBySize.set(k, new Set());
    pagesBySize.get(k)!.add(h.page);
  }
  const sizes = [...pagesBySize.entries()]
    .filter(([, s]) => s.size >= 2)
    .map(([k]) => k)
    .sort((a, b) => b - a);
  const topLevel = sizes[0] ?? Infinity;

  const before = (page: number, y: number): number => {
    // Index of the last heading at or before the position (binary search on (page, y)).
    let lo = 0;
    let hi = headings.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = headings[mid]!;
      if (m.page < page || (m.page === page && m.y <= y)) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  };
  return {
    headings,
    topLevel,
    sectionAt(page, y) {
      const k = before(page, y);
      if (k < 0) return null;
      const h = headings[k]!;
      return h.parent ? `${h.parent} – ${h.text}` : h.text;
    },
    areaAt(page, y) {
      for (let k = before(page, y); k >= 0; k--) if (Math.round(headings[k]!.height) >= topLevel) return headings[k]!.text;
      return null;
    },
  };
}
