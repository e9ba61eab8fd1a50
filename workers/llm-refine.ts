/**
 * Optional LLM pass over the rule-based facts: the `extract-facts` prompt may add prose action
 * items the rules missed and correct the owners or task of found ones. The document text goes
 * in the user message as fenced data (the system message is the prompt, unchanged by any file);
 * the answer is checked against the prompt's schema (one retry with feedback) and every item
 * against the document (llm-grounding.ts). Attendees, decisions, budget lines and the rest are
 * passed through untouched. `rate_limited` throws so the job is retried; any other failure keeps
 * the rule-based items, with a warning: the LLM can improve the facts, never take them away.
 */
import type { LlmConfig } from '../core/config.js';
import type { ActionItem, ExtractResult, PageText } from '../core/facts.js';
import { logger } from '../core/logger.js';
import type { LlmClient } from '../llm/client.js';
import { createLlmClient } from '../llm/openai-compatible.js';
import { validateJson, type JsonSchema } from '../llm/validate-json.js';
import { chunkPages } from '../parsers/chunks.js';
import { loadPrompt, type Prompt } from '../prompts/index.js';
import { DocumentEvidence, squash, type GroundedItem, type ProposedItem, type RejectReason } from './llm-grounding.js';

/** The step the ingest worker applies to a parse result's facts. */
export type RefineFacts = (pages: PageText[], facts: ExtractResult) => Promise<ExtractResult>;

/** Options of `refineFactsWithLlm`. */
export interface RefineOptions {
  /**
   * Most document parts sent per document; later pages are not sent (and logged).
   * @defaultValue 6
   */
  maxParts?: number;
  /**
   * Characters per token when budgeting `max_input_tokens`; low for Swedish, to stay under.
   * @defaultValue 3
   */
  charsPerToken?: number;
}

/** What one refinement did, for logs and tests. */
export interface RefineReport {
  parts: number;
  /** Parts whose answer failed the schema twice, or whose call failed (kept rule-based). */
  failedParts: number;
  added: number;
  corrected: number;
  duplicates: number;
  rejected: Array<{ reason: RejectReason | 'unknown-target' | 'correction-quote-mismatch'; quote: string }>;
  /** Pages not sent because of the part limit. */
  pagesNotSent: number[];
}

export const FENCE = { itemsOpen: '<<<FOUND_ITEMS', itemsClose: 'FOUND_ITEMS>>>', docOpen: '<<<DOCUMENT', docClose: 'DOCUMENT>>>' } as const;

const log = logger('llm-refine');

/** Builds the refine step for the ingest worker. Only call it when `config.llm` is set. */
export function createLlmRefine(cfg: LlmConfig, opts: RefineOptions & { promptsDir?: string; client?: LlmClient } = {}): RefineFacts {
  const client = opts.client ?? createLlmClient(cfg);
  let prompt: Promise<Prompt> | undefined;
  return async (pages, facts) => {
    prompt ??= loadPrompt('extract-facts', opts.promptsDir);
    let p: Prompt;
    try {
      p = await prompt;
    } catch (err) {
      // A broken prompt folder is a deployment bug: say so loudly, but still store the rule-based facts.
      log.error({ err: (err as Error).message }, 'extract-facts prompt unusable; storing rule-based facts');
      return facts;
    }
    return refineFactsWithLlm(client, p, pages, facts, opts);
  };
}

export async function refineFactsWithLlm(
  llm: LlmClient,
  prompt: Prompt,
  pages: PageText[],
  facts: ExtractResult,
  opts: RefineOptions = {},
): Promise<ExtractResult> {
  return (await refineWithReport(llm, prompt, pages, facts, opts)).facts;
}

/** `refineFactsWithLlm`, also saying what was accepted and what was turned down and why. */
export async function refineWithReport(
  llm: LlmClient,
  prompt: Prompt,
  pages: PageText[],
  facts: ExtractResult,
  opts: RefineOptions = {},
): Promise<{ facts: ExtractResult; report: RefineReport }> {
  if (!prompt.schema) throw new Error(`Prompt "${prompt.name}" has no schema.json; the LLM's answer could not be checked.`);
  const report: RefineReport = { parts: 0, failedParts: 0, added: 0, corrected: 0, duplicates: 0, rejected: [], pagesNotSent: [] };
  const evidence = new DocumentEvidence(pages, facts);
  const items: Array<ActionItem & { offset?: number }> = facts.actionItems.map((a) => ({ ...a }));
  const corrected = new Set<number>();
  const sections = chunkPages(pages);

  const parts = splitPages(pages, budgetChars(prompt, facts, opts.charsPerToken ?? 3));
  const maxParts = opts.maxParts ?? 6;
  for (const part of parts.slice(maxParts)) report.pagesNotSent.push(...part.map((p) => p.pageNo));
  for (const part of parts.slice(0, maxParts)) {
    report.parts++;
    const pageNos = new Set(part.map((p) => p.pageNo));
    // Found items of these pages, numbered by their place in the whole list.
    const found = facts.actionItems.map((a, i) => ({ n: i + 1, a })).filter(({ a }) => (a.page === null ? part[0] === pages[0] : pageNos.has(a.page)));
    const proposed = await askWithRetry(llm, prompt, userMessage(part, found, facts));
    if (!proposed) {
      report.failedParts++;
      continue;
    }
    for (const p of proposed) {
      const checked = evidence.check(p);
      if (!checked.ok) {
        report.rejected.push({ reason: checked.reason, quote: p.quote.slice(0, 120) });
        continue;
      }
      const g = checked.item;
      const target = targetOf(g, found);
      if (target === 'unknown') {
        report.rejected.push({ reason: 'unknown-target', quote: p.quote.slice(0, 120) });
      } else if (target === 'mismatch') {
        report.rejected.push({ reason: 'correction-quote-mismatch', quote: p.quote.slice(0, 120) });
      } else if (target !== null) {
        if (corrected.has(target)) {
          report.duplicates++;
          continue;
        }
        corrected.add(target);
        items[target] = correct(items[target]!, g);
        report.corrected++;
      } else if (isDuplicate(g, items)) {
        report.duplicates++;
      } else {
        items.push({ ...toActionItem(g), section: sectionOf(g, sections), offset: g.offset });
        report.added++;
      }
    }
  }
  if (report.pagesNotSent.length) log.warn({ pages: report.pagesNotSent.length }, 'document longer than the LLM budget; later pages were not refined');
  log.info({ ...report, rejected: report.rejected.map((r) => r.reason) }, 'LLM refinement done');
  const ordered = report.added > 0 ? orderByPage(items, evidence) : items;
  return { facts: { ...facts, actionItems: ordered.map(({ offset: _o, ...a }) => a) }, report };
}

/** Sends one part; on a schema failure asks once more with the validator's feedback. Null = keep rule-based. */
async function askWithRetry(llm: LlmClient, prompt: Prompt, user: string): Promise<ProposedItem[] | null> {
  const c = prompt.config.completion;
  let message = user;
  for (let attempt = 1; attempt <= 2; attempt++) {
    const res = await llm.complete({
      system: prompt.text,
      user: message,
      jsonMode: c.response_format?.type === 'json_object',
      maxTokens: c.max_tokens,
      temperature: c.temperature,
    });
    if (res.status === 'rate_limited') throw new Error(`LLM rate limited; the job will be retried. ${res.error?.message ?? ''}`.trim());
    if (res.status !== 'success' && !(res.status === 'too_long' && res.content)) {
      log.warn({ status: res.status, err: res.error?.message }, 'LLM call failed; keeping rule-based action items');
      return null;
    }
    const v = validateJson<{ actionItems: ProposedItem[] }>(res.content ?? '', prompt.schema as JsonSchema);
    if (v.valid) return v.value.actionItems;
    if (attempt === 2) {
      log.warn({ feedback: v.feedback.slice(0, 500) }, 'LLM answer failed the schema twice; keeping rule-based action items');
      return null;
    }
    message = `${user}\n\nYour previous answer could not be used. ${v.feedback}`;
  }
  return null;
}

function userMessage(part: PageText[], found: Array<{ n: number; a: ActionItem }>, facts: ExtractResult): string {
  const meeting = [
    `Meeting date: ${facts.document.date ?? 'unknown'}.`,
    `Next meeting: ${facts.nextMeeting?.date ?? 'unknown'}.`,
    `Pages in this part: ${part.map((p) => p.pageNo).join(', ')} of ${facts.document.pages}.`,
  ].join(' ');
  const foundJson = found.map(({ n, a }) => JSON.stringify({ n, owners: a.owners, task: a.task, due: a.due, page: a.page, quote: a.quote })).join('\n');
  const doc = part.map((p) => `=== page ${p.pageNo} ===\n${defuse(p.text)}`).join('\n');
  return [meeting, FENCE.itemsOpen, defuse(foundJson), FENCE.itemsClose, FENCE.docOpen, doc, FENCE.docClose].join('\n');
}

/** Document text must not be able to close a fence or fake a page marker. */
export function defuse(text: string): string {
  return text
    .replace(/<<</g, '‹‹‹')
    .replace(/>>>/g, '›››')
    .replace(/^(\s*)===/gm, '$1= = =');
}

/** Characters of document text per part: the prompt's input budget less instructions and found items. */
function budgetChars(prompt: Prompt, facts: ExtractResult, charsPerToken: number): number {
  const inputTokens = prompt.config.completion.max_input_tokens ?? 6000;
  const overhead = prompt.text.length + JSON.stringify(facts.actionItems).length + 400;
  return Math.max(2000, inputTokens * charsPerToken - overhead);
}

/** Consecutive pages up to `budget` characters per part; a page larger than that is cut. */
function splitPages(pages: PageText[], budget: number): PageText[][] {
  const parts: PageText[][] = [];
  let cur: PageText[] = [];
  let size = 0;
  for (const page of pages) {
    const p = page.text.length > budget ? { ...page, text: page.text.slice(0, budget) } : page;
    if (cur.length && size + p.text.length > budget) {
      parts.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(p);
    size += p.text.length + 20;
  }
  if (cur.length) parts.push(cur);
  return parts;
}

/**
 * Which found item (index into `items`) a proposal corrects: the one it names, else the one whose
 * quote it overlaps on the same page. Null = a new item. A named target must share its quote.
 */
function targetOf(g: GroundedItem, found: Array<{ n: number; a: ActionItem }>): number | null | 'unknown' | 'mismatch' {
  if (g.replaces !== null) {
    const f = found.find((x) => x.n === g.replaces);
    if (!f) return 'unknown';
    return overlaps(f.a, g) ? f.n - 1 : 'mismatch';
  }
  const same = found.filter((x) => overlaps(x.a, g));
  return same.length === 1 ? same[0]!.n - 1 : null;
}

function overlaps(a: ActionItem, g: GroundedItem): boolean {
  if (a.page !== null && a.page !== g.page) return false;
  const x = squash(a.quote);
  const y = squash(g.quote);
  return x.includes(y) || y.includes(x);
}

function correct(orig: ActionItem, g: GroundedItem): ActionItem {
  // The longer quote supports both the old and the corrected reading.
  const quote = squash(g.quote).includes(squash(orig.quote)) ? g.quote.trim() : orig.quote;
  const due = g.due !== null ? { due: g.due, dueText: g.dueText } : { due: orig.due, dueText: orig.dueText };
  return { ...orig, owners: g.owners, task: g.task.trim(), ...due, quote };
}

function isDuplicate(g: GroundedItem, items: ActionItem[]): boolean {
  const owners = g.owners.map(squash).sort().join('|');
  return items.some(
    (a) => (a.page === g.page && overlapsText(a.quote, g.quote)) || (a.owners.map(squash).sort().join('|') === owners && squash(a.task) === squash(g.task)),
  );
}

function overlapsText(a: string, b: string): boolean {
  const x = squash(a);
  const y = squash(b);
  return x.includes(y) || y.includes(x);
}

function toActionItem(g: GroundedItem): ActionItem {
  return { owners: g.owners, task: g.task.trim(), due: g.due, dueText: g.dueText, page: g.page, section: null, quote: g.quote.trim() };
}

/** The heading above the quote: the section of the passage that holds its start. */
function sectionOf(g: GroundedItem, chunks: ReturnType<typeof chunkPages>): string | null {
  const head = squash(g.quote).slice(0, 40);
  return chunks.find((c) => c.pageNo === g.page && squash(c.text).includes(head))?.section ?? null;
}

/** Page order, then position on the page; items without a page stay last. */
function orderByPage(items: Array<ActionItem & { offset?: number }>, ev: DocumentEvidence): Array<ActionItem & { offset?: number }> {
  const pos = (a: ActionItem & { offset?: number }) => a.offset ?? (a.page !== null ? (ev.locate(a.quote, a.page)?.offset ?? 0) : 0);
  return items
    .map((a, i) => ({ a, i, page: a.page ?? Number.MAX_SAFE_INTEGER, at: pos(a) }))
    .sort((x, y) => x.page - y.page || x.at - y.at || x.i - y.i)
    .map((x) => x.a);
}
