/**
 * Action items in minutes prose, Swedish and English. A sentence (or a clause after "men"/";")
 * is an action item when it has an owner and a task:
 * - "<owner> <verb> …" with a present-tense task verb ("Maria Glemfelt gör en inbjudan",
 *   "Närvårdskontoret sammankallar", "X mailar Y", "X skickar ut", "X återkommer", "X tar fram");
 * - "<owner> kommer (att)/ska/behöver <infinitive> …" with a task verb ("kommer ha ett möte");
 * - due first: "Till nästa möte behöver alla fundera …" (owner "alla");
 * - assignments: "uppdrog åt X att …", "X får i uppdrag att …", "X ansvarar för …",
 *   "Vi beslöt att X gör …"; markers "Åtgärd: …" / "Action: X to …" / "ACTION – X …" with
 *   "Ansvarig: X"; English "X to send …", "X will circulate …";
 * - tables with "Åtgärd"/"Action" and "Ansvarig"/"Owner" columns.
 * Reporting verbs ("presenterar", "lyfter", "redovisar") count only with a future marker
 * ("på nästa möte"). Past tense, questions, "För information …" and general statements are
 * skipped: owners must be people, "alla", or a named unit. An owner written as a first name or
 * surname is resolved to the attendee's full name when unique. A bare verb ("sammankallar")
 * takes its task context from the preceding sentence(s) about the group or meeting.
 * This file walks the paragraphs (tables, headings, "ACTION: X" markers, "Ansvarig:" lines);
 * action-paragraph.ts reads a paragraph, action-sentence.ts a sentence, action-owners.ts its
 * owners, action-table.ts a table row; the verbs are data in action-verbs.ts.
 */
import type { ActionItem } from '../../core/facts.js';
import type { NormDoc, Para } from '../normalize.js';
import { splitSentences } from '../normalize.js';
import { dueOf } from './action-due.js';
import { ownersOf, type ActionContext } from './action-owners.js';
import { marginMarks, marksOf, type MarginMark } from './action-margin.js';
import { ACTION_HEADING_RE, LIST_POINT_RE, paraItems } from './action-paragraph.js';
import { tableHeader, tableItem, type ActionTable } from './action-table.js';
import { finishTask } from './action-task.js';

export type { ActionContext } from './action-owners.js';

const PROPOSAL_RE = /^(?:förslag till beslut|beslutsförslag|förvaltningens förslag(?: till beslut)?|proposal)\s*:?\s*$/iu;

export function extractActionItems(doc: NormDoc, ctx: ActionContext): ActionItem[] {
  const out: ActionItem[] = [];
  let table: ActionTable | null = null;
  // Points under "Förslag till beslut" are proposed, not yet given to anyone.
  let proposal = false;
  let prev: Para | null = null;
  // True while the paragraphs since the last item are its "Ansvarig:"/"Klart till:" lines.
  let follows = false;
  // True under a heading such as "Actionpoints inför nästa gång", "Att göra": every point is a task.
  let actionList = false;
  const marks = ctx.pages ? marginMarks(ctx.pages) : [];
  // A paragraph a margin item already read as the end of its sentence.
  let taken = -1;
  for (let i = 0; i < doc.paras.length; i++) {
    const p = doc.paras[i]!;
    if (i === taken) continue;
    const before = out.length;
    if (PROPOSAL_RE.test(p.text)) proposal = true;
    else if (p.level > 0 || p.kind === 'heading' || !/^(?:[-–•]\s*)?att\s/iu.test(p.text)) proposal = false;
    if (proposal) continue;
    // Initials in a right-hand action column own the sentence on their line.
    const marked = marks.length ? marginItems(p, prev, doc.paras[i + 1] ?? null, marks, out, ctx) : null;
    if (marked) {
      out.push(...marked.items);
      if (marked.tookNext) taken = i + 1;
      follows = true;
      prev = p;
      continue;
    }
    if (p.kind === 'row') {
      table = tableHeader(p) ?? table;
      if (table && !tableHeader(p)) {
        const item = tableItem(p, table, ctx);
        if (item) out.push(item);
      } else if (!table) {
        // An owner in a right-hand action column: "Bulb planting … <TAB> ACTION: BH".
        const last = BARE_ACTION_RE.exec(p.cells[p.cells.length - 1]!);
        const owners = last ? ownersOf(last[1]!, ctx, false) : null;
        const body = p.cells.slice(0, -1).join(' ');
        if (owners && owners.length && /\p{Ll}{3}/u.test(body)) out.push(bareItem(owners, body, p, ctx));
      }
      follows = out.length > before;
      prev = p;
      continue;
    }
    table = null;
    if (p.kind === 'heading') {
      follows = false;
      prev = p;
      // A numbered point that is a whole sentence ("4. Uppdrogs åt Ulf att kontakta …") is read as one.
      const body = p.text.replace(/^(?:§\s*)?\d{1,2}(?:\.\d{1,2})*\.?\s+/u, '');
      if (body !== p.text && body.length > 40 && /\s\p{Ll}+\s/u.test(body)) {
        out.push(...paraItems({ ...p, text: body }, ctx, actionList));
        follows = out.length > before;
      } else actionList = ACTION_HEADING_RE.test(p.text);
      continue;
    }
    // A heading the layout left as text ("## Actionpoints inför nästa gång", "Att göra").
    if (p.text.length <= 60 && /^#|:$/u.test(p.text) && ACTION_HEADING_RE.test(p.text.replace(/:$/u, ''))) {
      actionList = true;
      prev = p;
      continue;
    }
    // The list ends where its points do.
    if (!LIST_POINT_RE.test(p.text)) actionList = false;
    // "Ansvarig: X" / "Klart till: 30 september" on the lines after an "Åtgärd: …" line.
    const prevItem = out[out.length - 1];
    const label = FOLLOW_LABEL_RE.exec(p.text);
    if (label && prevItem && follows) {
      if (/^(?:ansvarig|ansvar|owner|responsible|vem)/iu.test(label[1]!) && prevItem.owners.length === 0) {
        prevItem.owners = ownersOf(label[2]!, ctx, true) ?? [label[2]!.trim()];
        prev = p;
        follows = true;
        continue;
      }
      if (!/^(?:ansvarig|ansvar|owner|responsible|vem)/iu.test(label[1]!) && prevItem.due === null) {
        const d = dueOf(`senast ${label[2]!}`, ctx);
        if (d.due) [prevItem.due, prevItem.dueText] = [d.due, label[2]!.trim()];
        prev = p;
        follows = true;
        continue;
      }
    }
    // "ACTION: CM" alone after the sentence it assigns.
    const bare = BARE_ACTION_RE.exec(p.text);
    const bareOwners = bare ? ownersOf(bare[1]!, ctx, false) : null;
    const prevBody = prev ? prev.text.replace(NUMBER_RE, '') : '';
    // After a paragraph, or after a numbered point that is a whole sentence ("6.3 MS stated that he would …").
    if (bareOwners && bareOwners.length && prev && prev.kind !== 'row' && (prev.kind !== 'heading' || (prevBody !== prev.text && prevBody.length > 40))) {
      const last = assignedSentence(prevBody);
      // The sentence may already be an item without the owners the marker gives: the marker wins.
      const same = out.findIndex(
        (it) => it.page === prev!.page && it.quote.startsWith(last.slice(0, 40)) && it.owners.every((o) => !ctx.attendees.includes(o)),
      );
      if (same >= 0) out.splice(same, 1);
      out.push(bareItem(bareOwners, last, p, ctx));
      follows = true;
      prev = p;
      continue;
    }
    // A marker with nothing before it to assign is no task of its own.
    if (bareOwners && bareOwners.length) {
      prev = p;
      continue;
    }
    // "… a transfer from HSBC. ACTION:MS": a marker closing the paragraph assigns its sentence (a
    // numbered point cut after its first line is read with it).
    const trail = TRAIL_ACTION_RE.exec(p.text);
    const trailOwners = trail ? ownersOf(trail[1]!, ctx, false) : null;
    if (trail && trailOwners && trailOwners.length && trailOwners.every((o) => ctx.attendees.includes(o))) {
      const body = p.text.slice(0, trail.index).trim();
      const lead = prev && prev.kind === 'heading' && prevBody !== prev.text && /^\p{Ll}/u.test(body) ? `${prevBody} ` : '';
      const sentence = assignedSentence(`${lead}${body}`);
      const others = paraItems({ ...p, text: body }, ctx).filter((it) => !sentence.includes(it.task.slice(0, 30)));
      out.push(...others, bareItem(trailOwners, sentence, { ...p, text: trail[0].trim() }, ctx));
      follows = true;
      prev = p;
      continue;
    }
    out.push(...paraItems(p, ctx, actionList));
    follows = out.length > before;
    prev = p;
  }
  for (const it of out) it.task = finishTask(it.task);
  return out;
}

/**
 * The items of a paragraph with action-column initials on its lines: each mark's sentence goes to
 * the attendees its initials name (the rules' task for that sentence when they read one, else the
 * sentence), the rest of the paragraph is read as usual. A paragraph that opens in lower case
 * continues the sentence the one before it left open; one whose line the initials cut off (a TAB
 * before them makes it a row) is continued by the next. Null when no mark names attendees.
 */
function marginItems(
  p: Para,
  prev: Para | null,
  next: Para | null,
  marks: readonly MarginMark[],
  out: ActionItem[],
  ctx: ActionContext,
): { items: ActionItem[]; tookNext: boolean } | null {
  const found = marksOf(p, marks);
  if (!found.length) return null;
  let text = (p.kind === 'row' ? p.cells.join(' ') : p.text).replace(/\s+/gu, ' ');
  const owned: Array<{ owners: string[]; at: number }> = [];
  for (const { token, line } of found) {
    const owners = ownersOf(token, ctx, false);
    if (!owners?.length || !owners.every((o) => ctx.attendees.includes(o))) continue;
    const from = Math.max(0, text.indexOf(line.replace(/\s+/gu, ' ').slice(0, 20)));
    const m = new RegExp(`\\s${token.replace(/[/]/gu, '\\/')}(?=\\s|$)`, 'u').exec(text.slice(from));
    if (!m) continue;
    const at = from + m.index;
    text = `${text.slice(0, at)}${text.slice(at + m[0].length)}`;
    owned.push({ owners, at });
  }
  if (!owned.length) return null;
  const tookNext = !!next && next.page === p.page && next.kind !== 'heading' && !/[.!?:]\s*$/u.test(text) && (p.kind === 'row' || /^\p{Ll}/u.test(next.text));
  if (tookNext) text = `${text.trimEnd()} ${next.kind === 'row' ? next.cells.join(' ') : next.text}`.replace(/\s+/gu, ' ');
  const lead = prev && prev.kind !== 'heading' && prev.kind !== 'row' && /^\p{Ll}/u.test(text) ? (splitSentences(prev.text).pop()?.text ?? '') : '';
  const full = lead ? `${lead} ${text}` : text;
  const sentences = splitSentences(full);
  const items = paraItems({ ...p, kind: 'text', text: full }, ctx);
  for (const { owners, at } of owned) {
    const pos = at + (lead ? lead.length + 1 : 0);
    const s = [...sentences].reverse().find((x) => x.index <= pos)?.text ?? full;
    const head = s.slice(0, 30);
    // An item the paragraph before already made of the lead sentence gives way.
    const earlier = out.findIndex((it) => it.quote.includes(head));
    if (earlier >= 0) out.splice(earlier, 1);
    const same = items.find((it) => it.quote.includes(head) || s.includes(it.quote.slice(0, 30)));
    if (same) same.owners = owners;
    else items.push(bareItem(owners, s, p, ctx));
  }
  return { items, tookNext };
}

const TRAIL_ACTION_RE = /(?<=[.!])\s+(?:ACTION|Action|ÅTGÄRD|Åtgärd)\s*[:–-]\s*(\p{Lu}[\p{L}.'’-]*(?:\s*(?:,|\/|&|and|och)\s*\p{Lu}[\p{L}.'’-]*){0,4})\.?$/u;
const NUMBER_RE = /^(?:§\s*)?\d{1,2}(?:\.\d{1,2})*\.?\s+/u;
/** Words that make a sentence the one an "ACTION: X" marker assigns ("the letter would be updated", "AGREED to purchase"). */
const ASSIGNED_CUE_RE = /\b(?:would|will|to be|shall|should|agreed|offered|ska|skall|kommer att|bör)\b/iu;

/** Of the sentences before a marker, the last one that says something is to be done (four words at least), else the last. */
function assignedSentence(text: string): string {
  const sentences = splitSentences(text).map((x) => x.text);
  for (let i = sentences.length - 1; i >= 0; i--) {
    const t = sentences[i]!;
    if (!ASSIGNED_CUE_RE.test(t)) continue;
    if (t.split(/\s+/).length >= 4) return t;
    // "AGREED to purchase.": too short to read alone, so with the sentence it agrees to.
    if (i > 0) return `${sentences[i - 1]!} ${t}`;
  }
  return sentences[sentences.length - 1] ?? text;
}

const FOLLOW_LABEL_RE = /^(ansvarig|ansvar|owner|responsible|vem|klart till|klart|deadline|senast|due(?: date)?|by when)\s*:\s*(.{2,80})$/iu;
const BARE_ACTION_RE =
  /^(?:[Åå]tgärd|ÅTGÄRD|[Aa]ction|ACTION|[Aa]nsvarig|ANSVARIG)\s*[:–-]?\s*(\p{Lu}[\p{L}.'’-]*(?:\s*(?:,|\/|&|and|och)\s*\p{Lu}[\p{L}.'’-]*){0,4})\.?$/u;

function bareItem(owners: string[], sentence: string, p: Para, ctx: ActionContext): ActionItem {
  const task = sentence
    .replace(/^(?:it was (?:also |further )?(?:agreed|resolved|decided) that|det beslutades (?:också |även )?att)\s+/iu, '')
    .replace(/[.!]+$/u, '')
    .trim();
  const due = dueOf(task, ctx);
  return { owners, task, due: due.due, dueText: due.text, page: p.page, section: p.section ?? p.subsection, quote: `${sentence} ${p.text}`.slice(0, 400) };
}
