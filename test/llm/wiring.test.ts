import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyseDocument } from '../../parsers/analyse.js';
import { createLlmRefine } from '../../workers/llm-refine.js';
import { startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai.js';
import { startPipeline, type Pipeline } from '../helpers/pipeline.js';
import { CLI_ARGS } from '../helpers/processes.js';
import { FIXTURES, testEnv } from '../helpers/services.js';

// Counts constructions of the refine step; the real one still runs.
vi.mock('../../workers/llm-refine.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../workers/llm-refine.js')>();
  return { ...real, createLlmRefine: vi.fn(real.createLlmRefine) };
});

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const MINUTES = path.join(FIXTURES, '2026-03-02-motesanteckning-uppdragsgrupp-barn-och-unga.pdf');
// A sentence the rules leave (an offer, not a task), so that the model's addition is new.
const OFFER_QUOTE = 'Vid frågor eller behov av stöd är det bara att kontakta Maria Glemfelt.';
/** Action items the rules find in the minutes: as many as their golden file lists. */
const RULE_ITEMS = (JSON.parse(fs.readFileSync(MINUTES.replace(/\.pdf$/, '.facts.json'), 'utf8')) as { actionItems: unknown[] }).actionItems.length;

async function storedItems(p: Pipeline): Promise<Array<{ owners: string[]; task: string; page: number; quote: string }>> {
  const r = await p.rt.db.query<{ owners: string[]; task: string; page: number; quote: string }>(
    `SELECT a.owners, a.task, a.page, a.quote FROM action_items a JOIN documents d ON d.id = a.document_id WHERE d.file_name = $1 ORDER BY a.ord`,
    [path.basename(MINUTES)],
  );
  return r.rows;
}

describe('runWorkers builds the LLM step only with config.llm', () => {
  let server: FakeOpenAi;
  beforeAll(async () => {
    server = await startFakeOpenAi();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.reset();
    vi.mocked(createLlmRefine).mockClear();
  });

  it('without OPENAI_* nothing LLM-related is constructed or called, and the rule-based items are stored', async () => {
    server.setFallback({ content: '{"actionItems": []}' });
    const p = await startPipeline('pglite');
    try {
      expect(p.config.llm).toBeUndefined();
      expect(createLlmRefine).not.toHaveBeenCalled();
      const { outcomes } = await p.ingest([MINUTES]);
      expect(outcomes.map((o) => o.ok)).toEqual([true]);
      const items = await storedItems(p);
      expect(items).toHaveLength(RULE_ITEMS);
      expect(items.some((i) => i.quote === OFFER_QUOTE)).toBe(false);
    } finally {
      await p.close();
    }
    expect(server.requests).toHaveLength(0);
  }, 120_000);

  it('with OPENAI_BASE_URL the ingest worker refines the facts through the server before storing them', async () => {
    server.setFallback((req) => {
      const user = req.body.messages?.find((m) => m.role === 'user')?.content ?? '';
      const items = user.includes(OFFER_QUOTE)
        ? [
            {
              replaces: null,
              owners: ['Maria Glemfelt'],
              task: 'ge stöd i frågor om SIP',
              due: null,
              dueText: null,
              page: 5,
              quote: OFFER_QUOTE,
            },
          ]
        : [];
      return { content: JSON.stringify({ actionItems: items }) };
    });
    const p = await startPipeline('pglite', { OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'sk-wiring-test', OPENAI_MODEL: 'wiring-model' });
    try {
      expect(createLlmRefine).toHaveBeenCalledTimes(1);
      expect(vi.mocked(createLlmRefine).mock.calls[0]![0]).toEqual({ apiKey: 'sk-wiring-test', baseUrl: server.baseUrl, model: 'wiring-model' });
      const { outcomes } = await p.ingest([MINUTES]);
      expect(outcomes.map((o) => o.ok)).toEqual([true]);
      expect(server.requests.length).toBeGreaterThan(0);
      expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-wiring-test');
      const items = await storedItems(p);
      expect(items).toHaveLength(RULE_ITEMS + 1);
      expect(items.find((i) => i.quote === OFFER_QUOTE)).toMatchObject({ owners: ['Maria Glemfelt'], task: 'ge stöd i frågor om SIP' });
      // Attendees are the parser's, whatever the model said.
      const people = await p.rt.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attendees');
      expect(people.rows[0]!.n).toBe(14);
    } finally {
      await p.close();
    }
  }, 120_000);
});

describe('minutes extract --json without LLM configuration', () => {
  it('prints byte for byte the rule-based facts', async () => {
    const env = testEnv();
    expect(Object.keys(env).filter((k) => k.startsWith('OPENAI'))).toEqual([]);
    const out = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, [...CLI_ARGS, 'extract', '--json', MINUTES], {
        cwd: ROOT,
        env: { PATH: process.env['PATH'], HOME: process.env['HOME'], ...env } as NodeJS.ProcessEnv,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      let stdout = '';
      child.stdout.on('data', (d) => (stdout += String(d)));
      child.on('exit', (code) => resolve({ code, stdout }));
    });
    expect(out.code).toBe(0);
    const a = await analyseDocument(fs.readFileSync(MINUTES), path.basename(MINUTES), { maxBytes: 50 * 1024 * 1024, maxPages: 2000 });
    expect(out.stdout).toBe(`${JSON.stringify(a.facts)}\n`);
    expect(a.facts.actionItems).toHaveLength(RULE_ITEMS);
  }, 60_000);
});
