/**
 * Prompts are data in the teams-ai folder format: `prompts/<name>/config.json` (schema 1.1),
 * `skprompt.txt` (the instructions) and optionally `schema.json` (the JSON the answer must
 * satisfy). The bot hands PROMPTS_DIR to teams-ai's PromptManager; workers load a prompt here.
 * A broken folder fails loudly, naming the file and what to fix.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../core/errors.js';

/** The folder holding one sub-folder per prompt. */
export const PROMPTS_DIR = path.dirname(fileURLToPath(import.meta.url));

/** The `completion` section of a teams-ai prompt `config.json` (the fields we read). */
export interface PromptCompletion {
  /** Upper bound on the answer's tokens. */
  max_tokens: number;
  temperature?: number;
  /** Budget for everything we send; callers cut the document text to fit it. */
  max_input_tokens?: number;
  /** teams-ai 1.1: ask for a JSON object. */
  response_format?: { type: string };
  model?: string;
  [key: string]: unknown;
}

/** A prompt's `config.json`. */
export interface PromptConfig {
  schema: number;
  description: string;
  type: 'completion';
  completion: PromptCompletion;
  [key: string]: unknown;
}

/** One loaded prompt folder. */
export interface Prompt {
  name: string;
  config: PromptConfig;
  /** Contents of `skprompt.txt`. */
  text: string;
  /** Contents of `schema.json`, or null when the folder has none. */
  schema: Record<string, unknown> | null;
}

const NAME_RE = /^[a-z0-9][a-z0-9_-]*$/i;

export async function loadPrompt(name: string, dir: string = PROMPTS_DIR): Promise<Prompt> {
  if (!NAME_RE.test(name)) throw broken(name, `"${name}" is not a prompt name (letters, digits, - and _ only)`);
  const folder = path.join(dir, name);
  const configText = await readOptional(path.join(folder, 'config.json'));
  if (configText === null) throw broken(name, `${path.join(folder, 'config.json')} is missing`);
  const config = parseObject(configText, name, 'config.json');
  checkConfig(config, name);
  const text = await readOptional(path.join(folder, 'skprompt.txt'));
  if (text === null) throw broken(name, `${path.join(folder, 'skprompt.txt')} is missing`);
  if (!text.trim()) throw broken(name, 'skprompt.txt is empty');
  const schemaText = await readOptional(path.join(folder, 'schema.json'));
  const schema = schemaText === null ? null : parseObject(schemaText, name, 'schema.json');
  if (schema && schema['type'] !== 'object') throw broken(name, 'schema.json must describe an object ("type": "object")');
  return { name, config: config as unknown as PromptConfig, text, schema };
}

async function readOptional(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function parseObject(text: string, name: string, file: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw broken(name, `${file} is not valid JSON (${(err as Error).message})`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw broken(name, `${file} must hold a JSON object`);
  return value as Record<string, unknown>;
}

function checkConfig(c: Record<string, unknown>, name: string): void {
  const problems: string[] = [];
  if (typeof c['schema'] !== 'number') problems.push('"schema" must be a number (1.1)');
  if (c['type'] !== 'completion') problems.push('"type" must be "completion"');
  const completion = c['completion'];
  if (!completion || typeof completion !== 'object') problems.push('"completion" must be an object');
  else {
    const comp = completion as Record<string, unknown>;
    if (!Number.isInteger(comp['max_tokens']) || (comp['max_tokens'] as number) <= 0) problems.push('"completion.max_tokens" must be a positive integer');
    if (comp['max_input_tokens'] !== undefined && (!Number.isInteger(comp['max_input_tokens']) || (comp['max_input_tokens'] as number) <= 0)) {
      problems.push('"completion.max_input_tokens" must be a positive integer');
    }
    if (comp['temperature'] !== undefined && typeof comp['temperature'] !== 'number') problems.push('"completion.temperature" must be a number');
  }
  if (problems.length) throw broken(name, `config.json: ${problems.join('; ')}`);
}

function broken(name: string, why: string): AppError {
  return new AppError('config-invalid', `Prompt "${name}" is broken: ${why}.`);
}
