/**
 * What an LLM-proposed action item must prove before it is accepted: its quote is on a page of
 * the document, its owners are named in the document (and in the quote), every name, number
 * and date in its task occurs in the document, and its due date can be read off the quote.
 * Pure checks over the page text; no model is trusted on its word.
 */
import type { ExtractResult, PageText } from '../core/facts.js';
import { foldName, resolveName } from '../parsers/facts/names.js';
import { findDates } from '../parsers/swedish-dates.js';

/** An action item as the `extract-facts` prompt's schema describes it. */
export interface ProposedItem {
  /** 1-based number of the found item it corrects, or null for a new item. */
  replaces: number | null;
  owners: string[];
  task: string;
  due: string | null;
  dueText: string | null;
  page: number;
  quote: string;
}

/** A proposed item that passed every check, with owners resolved and its page confirmed. */
export interface GroundedItem extends ProposedItem {
  /** Where the quote sits within its page (for ordering). */
  offset: number;
}

/** Why an item was turned down. Stable strings: tests and logs use them. */
export type RejectReason =
  | 'quote-not-in-text'
  | 'owner-not-in-text'
  | 'owner-not-in-quote'
  | 'name-not-in-text'
  | 'number-not-in-text'
  | 'date-not-in-text'
  | 'due-not-derivable'
  | 'due-text-not-in-quote';

/** Owners meaning "the whole group": accepted when the quote says so. */
const GROUP_OWNERS = new Set(['alla', 'samtliga', 'var och en', 'alla ledamoter', 'everyone', 'all', 'all members']);
const NEXT_MEETING_RE = /\b(?:nästa|kommande|next)\s+(?:möte|mötet|sammanträde|träff|meeting)/iu;

/** Compares text as a PDF and a model may each write it: case, accents, dashes, quotes and all spacing ignored. */
export function squash(s: string): string {
  return foldName(
    s
      .normalize('NFKC')
      .replace(/\u00AD/g, '')
      .replace(/[‐‑‒–—−]/g, '-')
      .replace(/[“”„«»″]/g, '"')
      .replace(/[‘’‚`´′]/g, "'")
      .replace(/…/g, '...')
      .replace(/[•·▪●◦]/g, ' '),
  ).replace(/\s+/g, '');
}

/** The document's text prepared once for all checks of one refinement. */
export class DocumentEvidence {
  private readonly pages: Array<{ pageNo: number; squashed: string }>;
  private readonly all: string;
  /** Every word of the document, folded (for names in a task). */
  private readonly words: Set<string>;
  /** Every date the document writes, as ISO (dates without a year take the meeting's year). */
  private readonly dates: Set<string>;
  readonly attendees: string[];

  constructor(
    pages: PageText[],
    private readonly facts: ExtractResult,
  ) {
    this.pages = pages.map((p) => ({ pageNo: p.pageNo, squashed: squash(p.text) }));
    this.all = this.pages.map((p) => p.squashed).join('');
    this.words = new Set(pages.flatMap((p) => foldName(p.text).split(/[^\p{L}\p{N}'-]+/u)).filter(Boolean));
    const year = this.meetingYear();
    this.dates = new Set(pages.flatMap((p) => linesOf(p.text).flatMap((l) => findDates(l, { year }).map((d) => d.iso))).filter((d): d is string => d !== null));
    this.attendees = facts.attendees.map((a) => a.name);
  }

  meetingYear(): number | null {
    const d = this.facts.document.date;
    return d ? Number(d.slice(0, 4)) : null;
  }

  /** The page holding `quote` (the stated one first) and where on it, or null. */
  locate(quote: string, statedPage: number): { page: number; offset: number } | null {
    const q = squash(quote);
    if (q.replace(/[^\p{L}\p{N}]/gu, '').length < 8) return null;
    const order = [...this.pages].sort((a, b) => Number(b.pageNo === statedPage) - Number(a.pageNo === statedPage));
    for (const p of order) {
      const at = p.squashed.indexOf(q);
      if (at >= 0) return { page: p.pageNo, offset: at };
    }
    return null;
  }

  /** Checks one proposal; returns it grounded (owners resolved, page fixed) or why not. */
  check(item: ProposedItem): { ok: true; item: GroundedItem } | { ok: false; reason: RejectReason } {
    const where = this.locate(item.quote, item.page);
    if (!where) return { ok: false, reason: 'quote-not-in-text' };
    const quote = squash(item.quote);
    const owners: string[] = [];
    for (const raw of item.owners) {
      const owner = raw.trim();
      if (GROUP_OWNERS.has(foldName(owner))) {
        if (!quote.includes(squash(owner))) return { ok: false, reason: 'owner-not-in-quote' };
        owners.push(owner);
        continue;
      }
      if (!this.all.includes(squash(owner))) return { ok: false, reason: 'owner-not-in-text' };
      // The quote must name the owner at least by first name or surname: no owner read into "hon" or "man".
      const parts = foldName(owner)
        .split(/[\s-]+/)
        .filter((t) => t.length >= 3);
      if (!parts.some((t) => quote.includes(squash(t)))) return { ok: false, reason: 'owner-not-in-quote' };
      owners.push(resolveName(owner, this.attendees));
    }
    const taskProblem = this.checkTask(item.task);
    if (taskProblem) return { ok: false, reason: taskProblem };
    if (item.dueText !== null && !quote.includes(squash(item.dueText))) return { ok: false, reason: 'due-text-not-in-quote' };
    if (item.due !== null && !this.dueDerivable(item)) return { ok: false, reason: 'due-not-derivable' };
    return { ok: true, item: { ...item, owners: dedupe(owners), page: where.page, offset: where.offset } };
  }

  /** Names, numbers and dates in a task must all occur in the document. */
  private checkTask(task: string): RejectReason | null {
    const year = this.meetingYear();
    let rest = task;
    for (const d of findDates(task, { year })) {
      if (!d.iso || !this.dates.has(d.iso)) return 'date-not-in-text';
      rest = rest.replace(d.text, ' ');
    }
    for (const m of rest.matchAll(/\d[\d\s.,:/-]*\d|\d/g)) {
      if (!this.all.includes(m[0].replace(/\s+/g, ''))) return 'number-not-in-text';
    }
    // Capitalised words other than a sentence's first word are names (people, units, places).
    const tokens = [...rest.matchAll(/([.!?:;]\s*|^\s*)?(\p{Lu}[\p{L}'’-]+)/gu)];
    for (const t of tokens) {
      if (t[1] !== undefined) continue;
      if (!this.words.has(foldName(t[2]!))) return 'name-not-in-text';
    }
    return null;
  }

  private dueDerivable(item: ProposedItem): boolean {
    const year = this.meetingYear();
    const said = `${item.quote} ${item.dueText ?? ''}`;
    if (findDates(item.quote, { year }).some((d) => d.iso === item.due)) return true;
    const next = this.facts.nextMeeting?.date ?? null;
    return next !== null && item.due === next && NEXT_MEETING_RE.test(said);
  }
}

function linesOf(text: string): string[] {
  return text.split('\n');
}

function dedupe(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = foldName(n);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
