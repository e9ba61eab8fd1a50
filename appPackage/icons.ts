/**
 * Draws the app icons: color.png (192×192, full colour) and outline.png (32×32, white on
 * transparent), as Teams requires. Run: `npx tsx appPackage/icons.ts` (build.ts does if missing).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { png } from './zip.js';

const DIR = path.dirname(fileURLToPath(import.meta.url));

/** A page with a folded corner and three text lines, in a unit square scaled to `size`. */
function inPage(x: number, y: number, size: number): 'edge' | 'line' | 'paper' | null {
  const u = x / size;
  const v = y / size;
  const [l, r, t, b] = [0.25, 0.75, 0.15, 0.85];
  if (u < l || u > r || v < t || v > b) return null;
  if (u - (r - 0.15) > v - t) return null; // folded corner
  const edge = 0.05;
  if (u < l + edge || u > r - edge || v < t + edge || v > b - edge || Math.abs(u - (r - 0.15) - (v - t)) < edge * 0.7) return 'edge';
  for (const lineY of [0.4, 0.52, 0.64]) if (Math.abs(v - lineY) < 0.025 && u > l + 0.1 && u < r - 0.1) return 'line';
  return 'paper';
}

export function writeIcons(dir = DIR): void {
  const color = png(192, 192, (x, y) => {
    const p = inPage(x, y, 192);
    if (p === 'paper' || p === 'edge') return [255, 255, 255, 255];
    if (p === 'line') return [75, 83, 188, 255];
    return [75, 83, 188, 255]; // Teams purple background
  });
  const outline = png(32, 32, (x, y) => {
    const p = inPage(x + 0.5, y + 0.5, 32);
    return p === 'edge' || p === 'line' ? [255, 255, 255, 255] : [0, 0, 0, 0];
  });
  fs.writeFileSync(path.join(dir, 'color.png'), color);
  fs.writeFileSync(path.join(dir, 'outline.png'), outline);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) writeIcons();
