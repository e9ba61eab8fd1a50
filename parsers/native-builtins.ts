/**
 * pdf-parse loads pdf.js's legacy build, whose core-js polyfills replace built-ins for the whole
 * process. Two of them sit in every hot loop and are far slower than V8's own: Array.prototype.push
 * (≈ 17 % of a 400-page parse, with its `length` setter) and JSON.parse. Imported before pdf-parse,
 * this module keeps the natives so `pdf-text.ts` can put them back; pdf.js does not rely on the
 * edge cases those polyfills exist for (non-writable array lengths, JSON.parse source access).
 */
const NATIVE_PUSH = Array.prototype.push;
const NATIVE_JSON_PARSE = JSON.parse;

export function restoreNativeBuiltins(): void {
  if (Array.prototype.push !== NATIVE_PUSH) {
    Object.defineProperty(Array.prototype, 'push', { value: NATIVE_PUSH, writable: true, configurable: true, enumerable: false });
  }
  if (JSON.parse !== NATIVE_JSON_PARSE) JSON.parse = NATIVE_JSON_PARSE;
}
