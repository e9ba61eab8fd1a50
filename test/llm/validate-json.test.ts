import { describe, expect, it } from 'vitest';
import { loadPrompt } from '../../prompts/index.js';
import { validateJson, type JsonSchema } from '../../llm/validate-json.js';

const schema = (await loadPrompt('extract-facts')).schema as JsonSchema;
const item = {
  replaces: null,
  owners: ['Maria Glemfelt'],
  task: 'gör en inbjudan',
  due: null,
  dueText: null,
  page: 2,
  quote: 'Maria Glemfelt gör en inbjudan.',
};

describe('validateJson against the extract-facts schema', () => {
  it('accepts a well-formed answer and returns the parsed value', () => {
    const v = validateJson<{ actionItems: unknown[] }>(
      JSON.stringify({ actionItems: [item, { ...item, replaces: 3, due: '2026-04-17', dueText: 'till nästa möte' }] }),
      schema,
    );
    expect(v.valid).toBe(true);
    if (v.valid) expect(v.value.actionItems).toHaveLength(2);
  });

  it('accepts JSON inside a ```json fence or after a sentence', () => {
    expect(validateJson('```json\n{"actionItems": []}\n```', schema).valid).toBe(true);
    expect(validateJson('Here you go: {"actionItems": []} Hope it helps.', schema).valid).toBe(true);
  });

  it('says when there is no JSON at all', () => {
    const v = validateJson('Sure! Maria Glemfelt gör en inbjudan.', schema);
    expect(v).toEqual({ valid: false, feedback: expect.stringMatching(/^No valid JSON object was found in the response .*Return exactly one JSON object/) });
  });

  it('lists each schema violation by its path', () => {
    const bad = {
      actionItems: [
        { ...item, owners: [], page: 0, due: '17 april' },
        { ...item, task: 7, extra: true },
        { owners: ['X Y'], task: 'do it', due: null, dueText: null, page: 1 },
      ],
      budgetLines: [{ label: 'Summa', amountSek: 1 }],
    };
    const v = validateJson(JSON.stringify(bad), schema);
    expect(v.valid).toBe(false);
    if (v.valid) return;
    expect(v.feedback).toMatch(/^The JSON returned had errors\. Apply these fixes/);
    expect(v.feedback).toContain('$.actionItems[0].owners must have at least 1 items');
    expect(v.feedback).toContain('$.actionItems[0].page must be ≥ 1');
    expect(v.feedback).toContain('$.actionItems[0].due must match');
    expect(v.feedback).toContain('$.actionItems[1].task must be string, not integer');
    expect(v.feedback).toContain('$.actionItems[1] has a property "extra" that is not allowed');
    expect(v.feedback).toContain('$.actionItems[2] is missing the required property "replaces"');
    expect(v.feedback).toContain('$.actionItems[2] is missing the required property "quote"');
    expect(v.feedback).toContain('$ has a property "budgetLines" that is not allowed');
  });

  it('rejects a top-level array and a missing actionItems', () => {
    expect(validateJson('[]', schema)).toMatchObject({ valid: false, feedback: expect.stringContaining('$ must be object, not array') });
    expect(validateJson('{}', schema)).toMatchObject({ valid: false, feedback: expect.stringContaining('missing the required property "actionItems"') });
  });
});
