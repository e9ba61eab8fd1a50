/**
 * One paragraph → its action items: each sentence and clause through the sentence rules, a bare
 * owner-and-verb ("Närvårdskontoret sammankallar.") given its task by the sentences before it, a
 * point under an action heading read as a task even without a verb rule, and a dated lead
 * ("Inför SK-möte 17/5") dating the items under it.
 */
import type { ActionItem } from '../../core/facts.js';
import type { Para } from '../normalize.js';
import { splitSentences } from '../normalize.js';
import { dueOf, eventDue } from './action-due.js';
import { ownersOf, type ActionContext } from './action-owners.js';
import { OWNER_LABEL_RE, clauses, sentenceItem } from './action-sentence.js';
import { speakerItem, speakerOf } from './action-speaker.js';
import { asObject } from './action-task.js';
import { LABELS } from './attendance/labels.js';

const GROUP_CONTEXT_RE = /\b(?:arbetsgrupp|grupp|möte|träff|workshop|inbjudan|kallelse|tillsättas|bildas)\w*/iu;
/** A sentence that opens with a group or meeting: "En mindre arbetsgrupp …", "Ett möte …". */
const GROUP_OPENING_RE = /^(?:(?:en|ett|den|det)\s+)?(?:\p{L}+\s+)?\p{L}*(?:grupp|möte|träff|workshop|inbjudan|kallelse)\p{Ll}*/iu;

interface Candidate {
  item: ActionItem;
  sentence: number;
  bare: boolean;
}

/** "Närvarande: Sten – ekonomiansvarig, …": an attendance list's roles after dashes are not tasks. */
const ATTENDANCE_START_RE = new RegExp(
  `^(?:${LABELS.filter(([, m]) => m.kind === 'present' || m.kind === 'absent')
    .map(([l]) => l.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|')})\\s*:`,
  'iu',
);

/** Headings of a list of new tasks; earlier logs ("Föregående åtgärder", "Previous actions") are not. */
export const ACTION_HEADING_RE =
  /^(?:#+\s*)?(?:\d+(?:\.\d+)*\.?\s+)?(?!.*\b(?:föregående|tidigare|förra|previous|outstanding|old)\b)(?:action\s*points?|actions?(?:\s+items?)?|åtgärder|åtgärdslista|att göra|to ?do|uppgifter|nya uppgifter)\b[^.]{0,40}$/iu;
/** A list point's marker: a bullet, a dash, '1.' / '1)', or a letter '(a)' / 'a)' (any alphabet's lower-case letter). */
const LIST_MARKER = String.raw`(?:[•▪●◦*·]|[-–—](?=\s)|\d{1,2}[.)](?=\s)|\(?\p{Ll}\)(?=\s))`;
export const LIST_POINT_RE = new RegExp(`^${LIST_MARKER}`, 'u');
const LIST_MARKER_RE = new RegExp(`^${LIST_MARKER}\\s*`, 'u');
/** "… till nästa träff (Josef))", "(alla)": the owners a list point ends with. */
const TRAIL_OWNER_RE = /\s*\(([^()]{2,60})\)\)?\s*\.?\s*$/u;

/** A point under an action heading that no sentence rule read: the point is the task, its trailing parentheses the owners. */
function listPointItem(p: Para, text: string, ctx: ActionContext): ActionItem | null {
  const body = text.replace(LIST_MARKER_RE, '').trim();
  const first = splitSentences(body)[0]?.text ?? body;
  if (first.length < 12 || first.length > 400 || !/\s\p{Ll}/u.test(first)) return null;
  const paren = TRAIL_OWNER_RE.exec(first);
  const owners = paren ? (ownersOf(paren[1]!, ctx, false) ?? []) : [];
  const task = paren && owners.length ? first.slice(0, paren.index) : first;
  const due = dueOf(task, ctx);
  return { owners, task, due: due.due, dueText: due.text, page: p.page, section: p.section ?? p.subsection, quote: first };
}

export function paraItems(p: Para, ctx: ActionContext, actionList = false): ActionItem[] {
  if (ATTENDANCE_START_RE.test(p.text)) return [];
  if (actionList) {
    const items = paraItems(p, ctx);
    const paren = TRAIL_OWNER_RE.exec(p.text);
    const owners = paren ? ownersOf(paren[1]!, ctx, false) : null;
    // The point's owner in parentheses wins over a subject the rules took ("Digg försöker … (Josef)").
    if (items.length === 1 && owners?.length) {
      items[0]!.owners = owners;
      items[0]!.task = items[0]!.task.replace(TRAIL_OWNER_RE, '');
    }
    if (items.length) return items;
    const item = listPointItem(p, p.text, ctx);
    return item ? [item] : [];
  }
  const text = p.text.length > 6000 ? p.text.slice(0, 6000) : p.text;
  const sentences = splitSentences(text.replace(LIST_MARKER_RE, ''));
  const found: Candidate[] = [];
  const consumed = new Set<number>();
  const paraOwner = OWNER_LABEL_RE.exec(text)?.[1]?.trim() ?? null;
  // "Jonathan: … I can write up a response.": who speaks owns what they commit to.
  const speaker = speakerOf(sentences[0]?.text ?? '', ctx);
  sentences.forEach((s, i) => {
    const before = found.length;
    for (const clause of clauses(s.text)) {
      const item = sentenceItem(clause, p, ctx, paraOwner);
      if (!item) continue;
      item.quote = s.text.length > 400 ? s.text.slice(0, 400) : s.text;
      found.push({ item, sentence: i, bare: item.task.split(/\s+/).length <= 2 && item.owners.length > 0 });
    }
    if (found.length > before) return;
    const said = speakerItem(i === 0 && speaker ? s.text.slice(speaker.length) : s.text, speaker?.owners ?? null, p, ctx);
    if (said) found.push({ item: said, sentence: i, bare: false });
  });
  for (const c of found) {
    if (!c.bare) continue;
    // "Närvårdskontoret sammankallar.": the task is what the preceding sentences set up. Best, the
    // nearest of the last four sentences that opens with the group ("En mindre arbetsgrupp ska
    // tillsättas.") gives the object: "Sammankalla en mindre arbetsgrupp"; else the earliest that
    // mentions a group or meeting is quoted after the verb.
    let from = -1;
    let np: string | null = null;
    for (let j = c.sentence - 1; j >= Math.max(0, c.sentence - 4) && np === null; j--) {
      const open = GROUP_OPENING_RE.exec(sentences[j]!.text);
      if (open) [from, np] = [j, open[0]];
    }
    if (np !== null) {
      const next = sentences[from + 1];
      const members = next && from + 1 < c.sentence && next.text.length <= 140 ? ` – ${next.text.replace(/[.!]+$/u, '')}` : '';
      c.item.task = `${c.item.task} ${asObject(np)}${members}`;
      for (let j = from; j < c.sentence; j++) consumed.add(j);
      continue;
    }
    for (let j = c.sentence - 1; j >= Math.max(0, c.sentence - 4); j--) if (GROUP_CONTEXT_RE.test(sentences[j]!.text)) from = j;
    if (from < 0 && c.sentence > 0) from = c.sentence - 1;
    if (from < 0) continue;
    let ctxText = sentences
      .slice(from, c.sentence)
      .map((s) => s.text)
      .join(' ');
    if (ctxText.length > 300) ctxText = `${ctxText.slice(0, 297)}…`;
    c.item.task = `${c.item.task} – ${ctxText}`;
    for (let j = from; j < c.sentence; j++) consumed.add(j);
  }
  const out = found.filter((c) => !(consumed.has(c.sentence) && c.item.owners.length === 0)).map((c) => c.item);
  // A point headed "Inför SK-möte i Malmö 17/5" dates every task under it.
  const head = text.replace(/^(?:§\s*)?\d{1,2}(?:\.\d{1,2})*\.?\s+/u, '');
  const lead = /^(?:inför|in time for|ahead of)\b/iu.test(head)
    ? eventDue(head.slice(0, 120), ctx)
    : (p.subsection && eventDue(p.subsection.replace(/^[\d.§\s]+/u, ''), ctx)) || null;
  if (lead?.due) for (const it of out) if (it.due === null) [it.due, it.dueText] = [lead.due, lead.text];
  // Dedupe identical owner+task within a paragraph (clause and sentence both matched).
  return out.filter((it, i) => out.findIndex((o) => o.task === it.task && o.owners.join() === it.owners.join()) === i);
}
