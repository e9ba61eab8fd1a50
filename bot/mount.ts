/**
 * Wires the Teams bot into the main job's HTTP server. Placeholder until the bot lands: it serves
 * nothing at /api/messages yet.
 */
import type { Express } from 'express';
import type { Runtime } from '../runtime/runtime.js';

export async function mountTeamsBot(_app: Express, _rt: Runtime): Promise<() => Promise<void>> {
  return async () => {};
}
