/**
 * How a one-shot command reaches the data: directly (Postgres, or the embedded database when no
 * other process holds it), or through the running main job's loopback API.
 */
import type { Config } from '../core/config.js';
import { callLocalApi, findLocalApi } from '../runtime/local-api.js';
import { OPERATIONS, type OperationName } from '../runtime/operations.js';
import { openRuntime, type Runtime } from '../runtime/runtime.js';

type OpParams<K extends OperationName> = Parameters<(typeof OPERATIONS)[K]>[1];
type OpResult<K extends OperationName> = Awaited<ReturnType<(typeof OPERATIONS)[K]>>;

export interface StoreAccess {
  /** Set when we opened the store ourselves. */
  runtime: Runtime | null;
  call<K extends OperationName>(op: K, params: OpParams<K>): Promise<OpResult<K>>;
  close(): Promise<void>;
}

export async function openStoreAccess(config: Config): Promise<StoreAccess> {
  const api = config.databaseUrl ? null : findLocalApi(config.dataDir);
  if (api) {
    return {
      runtime: null,
      call: (op, params) => callLocalApi(api, op, params),
      close: async () => {},
    };
  }
  const rt = await openRuntime(config);
  return {
    runtime: rt,
    call: (op, params) => (OPERATIONS[op] as (rt: Runtime, p: unknown) => Promise<never>)(rt, params),
    close: () => rt.close(),
  };
}
