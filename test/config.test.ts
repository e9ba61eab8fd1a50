import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../core/config.js';

describe('configuration', () => {
  it('works with no settings at all (embedded defaults)', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3978);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.llm).toBeUndefined();
    expect(c.bot.localMode).toBe(true);
    expect(path.isAbsolute(c.dataDir)).toBe(true);
  });

  it('listens on loopback only in local mode unless HOST says otherwise; on every interface with an app id', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '' }).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x' }).host).toBe('0.0.0.0');
    expect(loadConfig({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x', HOST: '10.0.0.5' }).host).toBe('10.0.0.5');
  });

  it('lists every bad key in one error', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', PARSE_MAX_PAGES: '-1', QUEUE_PREFIX: 'a:b' });
    } catch (err) {
      message = (err as Error).message;
    }
    for (const key of ['PORT', 'PARSE_MAX_PAGES', 'QUEUE_PREFIX']) expect(message).toContain(key);
  });

  it('turns on the LLM only when an endpoint or key is given', () => {
    expect(loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' }).llm).toMatchObject({ baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'not-needed' });
  });

  it('.env.example lists every key the config reads', () => {
    const example = fs.readFileSync(path.resolve(import.meta.dirname, '..', '.env.example'), 'utf8');
    const listed = new Set([...example.matchAll(/^([A-Za-z_]+)=/gm)].map((m) => m[1]));
    const source = fs.readFileSync(path.resolve(import.meta.dirname, '..', 'core', 'config.ts'), 'utf8');
    const schemaBlock = source.slice(source.indexOf('const schema'), source.indexOf('});', source.indexOf('const schema')));
    const keys = [...schemaBlock.matchAll(/^\s+([A-Za-z_]+):/gm)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(20);
    for (const k of keys) expect(listed.has(k), `${k} missing from .env.example`).toBe(true);
  });
});
