/**
 * Floors for the test split (eval/floors.json): `min` figures must not drop below, `max` counts must
 * not rise above. Keys are paths into `{ extraction, qa: { primary, crowded } }` of the test split and
 * `seedsQa: { main, holdout }` (the seeds' own question sets).
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './corpus.js';

export const FLOORS_FILE = path.join(REPO_ROOT, 'eval', 'floors.json');

export interface Floors {
  split: 'test';
  min: Record<string, number>;
  max: Record<string, number>;
}

export interface FloorCheck {
  key: string;
  bound: 'min' | 'max';
  limit: number;
  value: number | null;
  ok: boolean;
  /** Not measured in this run (e.g. `--only extraction`). */
  skipped: boolean;
}

export function readFloors(file = FLOORS_FILE): Floors {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Floors;
}

export function lookup(figures: unknown, key: string): number | null | undefined {
  let cur: unknown = figures;
  for (const part of key.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return typeof cur === 'number' || cur === null ? cur : undefined;
}

/** A missing figure (section not run) is skipped; a null ratio (nothing to count) fails a `min`. */
export function checkFloors(floors: Floors, figures: unknown): FloorCheck[] {
  const out: FloorCheck[] = [];
  for (const [bound, entries] of [
    ['min', floors.min],
    ['max', floors.max],
  ] as const) {
    for (const [key, limit] of Object.entries(entries)) {
      const value = lookup(figures, key);
      if (value === undefined) {
        out.push({ key, bound, limit, value: null, ok: true, skipped: true });
        continue;
      }
      const ok = value !== null && (bound === 'min' ? value >= limit - 1e-9 : value <= limit + 1e-9);
      out.push({ key, bound, limit, value, ok, skipped: false });
    }
  }
  return out;
}
