/**
 * Checks a model's JSON answer against a prompt's `schema.json` before anything uses it, and
 * words what is wrong as feedback the model can act on in one retry (after teams-ai's
 * JSONResponseValidator). Supports the JSON Schema subset our prompt schemas use: type (one or a
 * list), properties, required, additionalProperties: false, items, enum, minLength/maxLength,
 * minItems/maxItems, minimum/maximum, pattern. Unknown keywords are ignored.
 */

/** A JSON Schema, as read from a prompt folder's `schema.json`. */
export interface JsonSchema {
  type?: JsonType | JsonType[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  description?: string;
  [keyword: string]: unknown;
}

type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

/** Result of `validateJson`: the parsed value, or feedback for the model. */
export type Validation<T = unknown> = { valid: true; value: T } | { valid: false; feedback: string };

/** Problems listed in feedback; more only repeat the same mistake. */
const MAX_PROBLEMS = 8;

export function validateJson<T = unknown>(text: string, schema: JsonSchema): Validation<T> {
  const parsed = parseJsonObject(text);
  if (!parsed.ok)
    return { valid: false, feedback: `No valid JSON object was found in the response (${parsed.reason}). Return exactly one JSON object and nothing else.` };
  const problems: string[] = [];
  check(parsed.value, schema, '$', problems);
  if (problems.length === 0) return { valid: true, value: parsed.value as T };
  const shown = problems.slice(0, MAX_PROBLEMS).map((p) => `- ${p}`);
  if (problems.length > MAX_PROBLEMS) shown.push(`- …and ${problems.length - MAX_PROBLEMS} more like these`);
  return { valid: false, feedback: `The JSON returned had errors. Apply these fixes and return the whole object again:\n${shown.join('\n')}` };
}

/** The JSON object in a reply, tolerating a ```json fence or a sentence around it. */
function parseJsonObject(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  const candidates = [text.trim(), fenced?.[1]?.trim()];
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start >= 0 && end > start) candidates.push(text.slice(start, end + 1));
  let reason = 'empty response';
  for (const c of candidates) {
    if (!c) continue;
    try {
      return { ok: true, value: JSON.parse(c) as unknown };
    } catch (err) {
      reason = (err as Error).message;
    }
  }
  return { ok: false, reason };
}

function typeOf(v: unknown): JsonType | 'undefined' {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v as JsonType;
}

function check(v: unknown, s: JsonSchema, at: string, problems: string[]): void {
  if (problems.length > MAX_PROBLEMS) return;
  const actual = typeOf(v);
  if (s.type !== undefined) {
    const allowed = Array.isArray(s.type) ? s.type : [s.type];
    const ok = allowed.some((t) => t === actual || (t === 'number' && actual === 'integer'));
    if (!ok) {
      problems.push(`${at} must be ${allowed.join(' or ')}, not ${actual}`);
      return;
    }
  }
  if (s.enum && !s.enum.some((e) => e === v)) problems.push(`${at} must be one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  if (typeof v === 'string') {
    if (s.minLength !== undefined && v.length < s.minLength) problems.push(`${at} must have at least ${s.minLength} characters`);
    if (s.maxLength !== undefined && v.length > s.maxLength) problems.push(`${at} must have at most ${s.maxLength} characters`);
    if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(v)) problems.push(`${at} must match ${s.pattern}`);
  }
  if (typeof v === 'number') {
    if (s.minimum !== undefined && v < s.minimum) problems.push(`${at} must be ≥ ${s.minimum}`);
    if (s.maximum !== undefined && v > s.maximum) problems.push(`${at} must be ≤ ${s.maximum}`);
  }
  if (Array.isArray(v)) {
    if (s.minItems !== undefined && v.length < s.minItems) problems.push(`${at} must have at least ${s.minItems} items`);
    if (s.maxItems !== undefined && v.length > s.maxItems) problems.push(`${at} must have at most ${s.maxItems} items`);
    if (s.items) v.forEach((item, i) => check(item, s.items!, `${at}[${i}]`, problems));
  }
  if (actual === 'object') {
    const obj = v as Record<string, unknown>;
    for (const key of s.required ?? []) if (!(key in obj)) problems.push(`${at} is missing the required property "${key}"`);
    for (const [key, value] of Object.entries(obj)) {
      const sub = s.properties?.[key];
      if (sub) check(value, sub, `${at}.${key}`, problems);
      else if (s.additionalProperties === false) problems.push(`${at} has a property "${key}" that is not allowed`);
    }
  }
}
