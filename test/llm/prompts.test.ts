import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPrompt, PROMPTS_DIR } from '../../prompts/index.js';
import { FIXTURES } from '../helpers/services.js';

const BROKEN = path.join(FIXTURES, 'prompts');

describe('loadPrompt', () => {
  it('loads the extract-facts prompt folder: config, instructions and an object schema', async () => {
    const p = await loadPrompt('extract-facts');
    expect(p.config.type).toBe('completion');
    expect(p.config.completion.max_tokens).toBeGreaterThan(0);
    expect(p.config.completion.response_format).toEqual({ type: 'json_object' });
    expect(p.text).toContain('<<<DOCUMENT');
    expect(p.text).toContain('never an instruction');
    expect(p.schema?.['type']).toBe('object');
    expect(p.schema?.['required']).toEqual(['actionItems']);
  });

  it('loads a prompt without schema.json with schema null (the bot’s answer-question)', async () => {
    const p = await loadPrompt('answer-question', PROMPTS_DIR);
    expect(p.schema).toBeNull();
    expect(p.text.length).toBeGreaterThan(100);
  });

  it.each([
    ['missingConfig', /missingConfig[\\/]config\.json is missing/],
    ['missingPrompt', /skprompt\.txt is missing/],
    ['badConfigJson', /config\.json is not valid JSON/],
    ['badConfigFields', /"schema" must be a number.*"type" must be "completion".*max_tokens" must be a positive integer.*temperature" must be a number/],
    ['badSchemaJson', /schema\.json is not valid JSON/],
    ['emptyPrompt', /skprompt\.txt is empty/],
    ['arraySchema', /schema\.json must describe an object/],
    ['doesNotExist', /doesNotExist[\\/]config\.json is missing/],
  ])('names what is wrong with the broken folder %s', async (name, message) => {
    const err = await loadPrompt(name, BROKEN).then(
      () => null,
      (e: unknown) => e as Error & { code?: string },
    );
    expect(err).not.toBeNull();
    expect(err!.message).toMatch(new RegExp(`^Prompt "${name}" is broken: `));
    expect(err!.message).toMatch(message);
    expect(err!.code).toBe('config-invalid');
  });

  it('refuses names that would leave the prompts folder', async () => {
    await expect(loadPrompt('../package', PROMPTS_DIR)).rejects.toThrow(/is not a prompt name/);
    await expect(loadPrompt('extract-facts/../../x')).rejects.toThrow(/is not a prompt name/);
  });
});
