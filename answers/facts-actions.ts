/** What a person or unit is to do and by when; the group's open items. */
import { actionItems, actionItemsNaming, type ActionRow } from '../store/answer-queries.js';
import { citeAll, type HandlerContext, type HandlerResult } from './context.js';
import { formatDate } from './dates.js';
import { clip, joinList, NOT_FOUND, sourcesLine, t } from './format.js';
import { fold, likeEscape } from './text.js';

/**
 * An English answer about Swedish minutes quotes the task as written instead of mixing Swedish words
 * into English sentences (we do not translate: a wrong paraphrase is worse than a labelled quote).
 */
function quotedInOriginal(a: ActionRow, lang: 'sv' | 'en'): boolean {
  return lang === 'en' && a.doc_language !== 'en';
}

function dueText(a: ActionRow, lang: 'sv' | 'en'): string {
  if (a.due) return t(lang, ` (senast ${formatDate(a.due, 'sv')})`, ` (by ${formatDate(a.due, 'en')})`);
  if (a.due_text) return quotedInOriginal(a, lang) ? ` (when: “${a.due_text}”)` : ` (${a.due_text})`;
  return '';
}

function itemLine(a: ActionRow, lang: 'sv' | 'en', withOwner: boolean): string {
  const done = a.status === 'done' ? t(lang, ' – klar', ' – done') : '';
  const task = clip(a.task, 220);
  return `${withOwner ? `${a.owners.join(', ')}: ` : ''}${quotedInOriginal(a, lang) ? `“${task}”` : task}${dueText(a, lang)}${done}`;
}

/** The same task for the same owners in two documents (minutes repeating an open item) is one item; the newest is kept. */
function dedupeItems(items: ActionRow[]): ActionRow[] {
  const seen = new Set<string>();
  return items.filter((a) => {
    const k = `${fold(a.owners.join('|'))}|${fold(a.task).replace(/\s+/g, ' ')}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

async function result(ctx: HandlerContext, head: string, all: ActionRow[], withOwner: boolean): Promise<HandlerResult> {
  const items = dedupeItems(all);
  const shown = items.slice(0, 10);
  const citations = await citeAll(
    ctx,
    shown.map((a) => ({ documentId: a.document_id, page: a.page, quote: clip(a.quote, 300) })),
  );
  const more = items.length > shown.length ? t(ctx.lang, ` (och ${items.length - shown.length} till)`, ` (and ${items.length - shown.length} more)`) : '';
  const body = shown.map((a) => `• ${itemLine(a, ctx.lang, withOwner)}`).join('\n');
  const label = shown.some((a) => quotedInOriginal(a, ctx.lang)) ? ' (tasks quoted as written in the Swedish original)' : '';
  return {
    found: true,
    answer: `${head}${more}${label}:\n${body}\n${sourcesLine(citations, ctx.lang)}`,
    citations,
    facts: items.map((a) => `${a.owners.join(', ')}: ${a.task}${a.due ? ` (due ${a.due})` : ''} [${a.status}, p. ${a.page ?? '?'}]`),
  };
}

export async function answerPersonActions(ctx: HandlerContext): Promise<HandlerResult | null> {
  const { lang } = ctx;
  if (ctx.names.length === 0) {
    if (ctx.unknownNames.length === 0) return null;
    return {
      found: false,
      answer: `${NOT_FOUND[lang]} ${t(lang, 'Ingen med det namnet finns i gruppens mötesanteckningar.', 'Nobody by that name appears in the group’s minutes.')}`,
      citations: [],
      facts: [],
    };
  }
  const patterns = ctx.names.map((n) => `%${likeEscape(fold(n))}%`);
  const items = await actionItemsNaming(ctx.db, ctx.groupIds, patterns);
  const who = joinList(ctx.names, lang);
  if (items.length === 0) {
    return {
      found: false,
      answer: `${NOT_FOUND[lang]} ${t(lang, `Inga uppgifter för ${who} finns antecknade.`, `No tasks are recorded for ${who}.`)}`,
      citations: [],
      facts: [],
    };
  }
  // Open items first; done ones are still shown (marked), newest minutes first within each.
  items.sort((a, b) => Number(a.status === 'done') - Number(b.status === 'done'));
  const multiOwner = ctx.names.length > 1 || items.some((a) => a.owners.length > 1);
  return result(ctx, t(lang, `${who} ska`, `${who} is to`), items, multiOwner);
}

export async function answerOpenActions(ctx: HandlerContext): Promise<HandlerResult | null> {
  const items = await actionItems(ctx.db, ctx.groupIds, { openOnly: true, limit: 200 });
  if (items.length === 0) return null;
  // Overdue and soonest first; undated after them.
  items.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
  const n = dedupeItems(items).length;
  return result(ctx, t(ctx.lang, `Öppna uppgifter (${n})`, `Open action items (${n})`), items, true);
}
