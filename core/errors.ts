/**
 * Typed errors with a stable `code` and a human message. `permanent` errors are not retried
 * (workers turn them into BullMQ's UnrecoverableError); the rest are transient.
 * Match on `code`, not only on `instanceof`: errors cross process boundaries as plain objects.
 */

/** Stable error codes. Append only; other tools and the bot depend on them. */
export const ErrorCodes = {
  EMPTY_FILE: 'empty-file',
  NOT_A_DOCUMENT: 'not-a-document',
  CORRUPT_PDF: 'corrupt-pdf',
  PASSWORD_PROTECTED: 'password-protected',
  NO_TEXT_LAYER: 'no-text-layer',
  TOO_LARGE: 'too-large',
  TOO_MANY_PAGES: 'too-many-pages',
  PARSE_TIMEOUT: 'parse-timeout',
  PARSE_CRASHED: 'parse-crashed',
  UNSUPPORTED_TYPE: 'unsupported-type',
  DUPLICATE: 'duplicate',
  NOT_FOUND: 'not-found',
  FORBIDDEN: 'forbidden',
  CONFIG_INVALID: 'config-invalid',
  REDIS_UNAVAILABLE: 'redis-unavailable',
  DATABASE_UNAVAILABLE: 'database-unavailable',
  DATABASE_BUSY: 'database-busy',
  DOWNLOAD_FAILED: 'download-failed',
  DOWNLOAD_REFUSED: 'download-refused',
  LLM_FAILED: 'llm-failed',
  BAD_INPUT: 'bad-input',
  INTERNAL: 'internal',
  QUERY_TIMEOUT: 'query-timeout',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** Codes whose failures retrying cannot fix. */
const PERMANENT: ReadonlySet<string> = new Set<ErrorCode>([
  'empty-file',
  'not-a-document',
  'corrupt-pdf',
  'password-protected',
  'no-text-layer',
  'too-large',
  'too-many-pages',
  'parse-timeout',
  'parse-crashed',
  'unsupported-type',
  'duplicate',
  'not-found',
  'forbidden',
  'config-invalid',
  'download-refused',
  'bad-input',
]);

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = this.constructor.name;
    this.code = code;
  }
  get permanent(): boolean {
    return PERMANENT.has(this.code);
  }
}

/** True when retrying cannot help. Works on errors that crossed a process boundary. */
export function isPermanent(err: unknown): boolean {
  const code = errorCode(err);
  return code !== null && PERMANENT.has(code);
}

/** The stable code of an error, or null. Reads `code` off plain objects and our error messages. */
export function errorCode(err: unknown): ErrorCode | null {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') {
    const code = err.code;
    if ((Object.values(ErrorCodes) as string[]).includes(code)) return code as ErrorCode;
  }
  // Sandboxed processors and BullMQ failedReason carry only the message: we prefix it with [code].
  const message = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  const m = /^\[([a-z-]+)\] /.exec(message);
  if (m && (Object.values(ErrorCodes) as string[]).includes(m[1]!)) return m[1] as ErrorCode;
  return null;
}

/** `[code] message`: how an error travels through BullMQ's failedReason. */
export function encodeError(err: AppError): string {
  return `[${err.code}] ${err.message}`;
}

/** Splits a failedReason written by `encodeError` back into code and human message. */
export function decodeError(reason: string | null | undefined): { code: ErrorCode; message: string } {
  const text = reason ?? '';
  const code = errorCode(text);
  if (code) return { code, message: text.replace(/^\[[a-z-]+\] /, '') };
  return { code: 'internal', message: text || 'Unknown error' };
}
