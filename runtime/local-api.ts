/**
 * The loopback API through which CLI commands reach a running main job that owns the embedded
 * database (PGlite is single-process). Only loopback peers holding the token in the data dir
 * (mode 0600, same user) may call it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, errorCode } from '../core/errors.js';
import { readLiveLock, recordLockPort } from '../store/db.js';
import { OPERATIONS, type OperationName } from './operations.js';
import type { Runtime } from './runtime.js';

export const LOCAL_API_PATH = '/internal/rpc';

function tokenPath(dataDir: string): string {
  return path.join(dataDir, 'rpc-token');
}

/** Creates the token and records our port in the lock file; returns the token. */
export function publishLocalApi(rt: Runtime, port: number): string {
  const token = randomBytes(24).toString('hex');
  fs.writeFileSync(tokenPath(rt.config.dataDir), token, { mode: 0o600 });
  // writeFileSync's mode applies only to a new file: an existing token file keeps its old mode.
  fs.chmodSync(tokenPath(rt.config.dataDir), 0o600);
  if (rt.db.kind === 'pglite') recordLockPort(rt.config.dataDir, port);
  return token;
}

export interface LocalApiRequest {
  remoteAddress: string | undefined;
  authorization: string | undefined;
  body: unknown;
}

/** Handles one call; returns HTTP status and JSON body. */
export async function handleLocalApi(rt: Runtime, token: string, req: LocalApiRequest): Promise<{ status: number; body: unknown }> {
  const addr = req.remoteAddress ?? '';
  if (!(addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1')) return { status: 403, body: { error: 'loopback only' } };
  const given = Buffer.from((req.authorization ?? '').replace(/^Bearer /, ''));
  const want = Buffer.from(token);
  if (given.length !== want.length || !timingSafeEqual(given, want)) return { status: 401, body: { error: 'bad token' } };
  const { op, params } = (req.body ?? {}) as { op?: string; params?: unknown };
  if (!op || !Object.hasOwn(OPERATIONS, op)) return { status: 404, body: { error: `unknown operation ${String(op)}` } };
  try {
    const fn = OPERATIONS[op as OperationName] as (rt: Runtime, p: unknown) => Promise<unknown>;
    return { status: 200, body: { result: await fn(rt, params ?? {}) } };
  } catch (err) {
    return { status: 500, body: { error: { code: errorCode(err) ?? 'internal', message: err instanceof Error ? err.message : String(err) } } };
  }
}

/** When another live process owns the embedded database: how to reach it. */
export function findLocalApi(dataDir: string): { port: number; token: string } | null {
  const lock = readLiveLock(dataDir);
  if (!lock) return null;
  if (!lock.port) {
    throw new AppError(
      'database-busy',
      `The embedded database in ${dataDir} is in use by process ${lock.pid}, which serves no API. Wait for it to finish, or set DATABASE_URL.`,
    );
  }
  return { port: lock.port, token: fs.readFileSync(tokenPath(dataDir), 'utf8').trim() };
}

export async function callLocalApi<T>(api: { port: number; token: string }, op: OperationName | string, params: unknown): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${api.port}${LOCAL_API_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` },
    body: JSON.stringify({ op, params }),
  });
  const body = (await res.json()) as { result?: T; error?: { code: string; message: string } | string };
  if (!res.ok) {
    const e = body.error;
    if (e && typeof e === 'object') throw new AppError((e.code as never) ?? 'internal', e.message);
    throw new AppError('internal', `The running minutes-bot refused the call: ${String(e)}`);
  }
  return body.result as T;
}
