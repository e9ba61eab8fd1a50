/**
 * Adaptive Cards for reminders, as plain JSON. Each item shows its task, owners, due date and
 * source (document, page, quote) and, while open, three Action.Execute buttons: Klar, Skjut upp
 * en vecka, Inte min. `verb` and `data.verb` both carry the verb, so the card works with
 * Action.Execute (invoke) and with Action.Submit routing alike.
 */
import type { OwnerGroup, ReminderItem, ReminderKind, UndeliveredNotice } from './types.js';

export const REMINDER_VERBS = {
  done: 'reminder.done',
  snooze: 'reminder.snooze',
  notMine: 'reminder.notMine',
} as const;
export type ReminderVerb = (typeof REMINDER_VERBS)[keyof typeof REMINDER_VERBS];

/** What happened to an item since the reminder went out. */
export interface CardItemState {
  state: 'open' | 'done' | 'snoozed' | 'reassigned';
  /** Shown under the item ("Klar – markerad av Maria"). */
  note?: string;
}

export type CardItem = ReminderItem & Partial<CardItemState>;

export interface ReminderCardModel {
  /** The sent-log key: carried in every action so the card can be rebuilt. */
  key: string;
  kind: ReminderKind;
  groupName: string;
  day: string;
  items: CardItem[];
  byOwner?: Array<Omit<OwnerGroup, 'items'> & { items: CardItem[] }>;
  nextMeeting?: { date: string; time: string | null; place: string | null } | null;
  undelivered?: UndeliveredNotice[];
  /** A line at the top, e.g. the result of the last button press. */
  banner?: string;
}

type Element = Record<string, unknown>;

/** Teams rejects messages above ~28 KB: a digest shows at most this many items with buttons. */
const MAX_ITEMS = 25;
const QUOTE_MAX = 300;

export function buildReminderCard(m: ReminderCardModel): Record<string, unknown> {
  const body: Element[] = [
    { type: 'TextBlock', text: title(m), weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: m.groupName, isSubtle: true, spacing: 'None', wrap: true },
  ];
  if (m.banner) body.push({ type: 'TextBlock', text: m.banner, color: 'Accent', wrap: true });
  if (m.nextMeeting) {
    const nm = m.nextMeeting;
    body.push({ type: 'TextBlock', text: `Nästa möte: ${nm.date}${nm.time ? ` kl. ${nm.time}` : ''}${nm.place ? `, ${nm.place}` : ''}`, wrap: true });
  }
  let shown = 0;
  const groups = m.byOwner && m.kind !== 'owner-due' ? m.byOwner : [{ owner: '', userId: null, items: m.items }];
  for (const g of groups) {
    if (g.owner) body.push({ type: 'TextBlock', text: g.owner, weight: 'Bolder', separator: true, spacing: 'Medium', wrap: true });
    for (const item of g.items) {
      if (shown >= MAX_ITEMS) break;
      body.push(...itemElements(item, m.key));
      shown++;
    }
  }
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  if (total > shown) body.push({ type: 'TextBlock', text: `… och ${total - shown} till. Hela listan: skriv "export".`, isSubtle: true, wrap: true });
  if (total === 0) body.push({ type: 'TextBlock', text: 'Inga öppna uppgifter.', wrap: true });
  if (m.undelivered?.length) {
    body.push({ type: 'TextBlock', text: 'Kunde inte levereras', weight: 'Bolder', separator: true, wrap: true });
    for (const u of m.undelivered) {
      body.push({
        type: 'TextBlock',
        text: `${u.recipientName ?? 'okänd mottagare'} (${kindLabel(u.kind)} ${u.day}): ${u.error ?? 'ingen konversation'}`,
        wrap: true,
        isSubtle: true,
      });
    }
  }
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body,
  };
}

function itemElements(item: CardItem, key: string): Element[] {
  const state = item.state ?? 'open';
  const facts: Array<{ title: string; value: string }> = [{ title: 'Ansvarig', value: item.owners.join(', ') || '–' }];
  if (item.due) facts.push({ title: 'Klart senast', value: `${item.due}${item.overdue && state === 'open' ? ' (försenad)' : ''}` });
  else if (item.dueText) facts.push({ title: 'När', value: item.dueText });
  const src = item.source;
  facts.push({ title: 'Källa', value: `${src.document}${src.page ? `, s. ${src.page}` : ''}${src.section ? ` – ${src.section}` : ''}` });
  const out: Element[] = [
    {
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: state === 'done' ? `~~${item.task}~~` : item.task, wrap: true, weight: 'Bolder' },
        { type: 'FactSet', facts },
        { type: 'TextBlock', text: `”${truncate(src.quote, QUOTE_MAX)}”`, wrap: true, isSubtle: true, size: 'Small' },
        ...(item.note ? [{ type: 'TextBlock', text: item.note, wrap: true, color: state === 'done' ? 'Good' : 'Accent' }] : []),
      ],
    },
  ];
  if (state === 'open') {
    const action = (verb: ReminderVerb, label: string) => ({ type: 'Action.Execute', title: label, verb, data: { verb, itemId: item.id, key } });
    out.push({
      type: 'ActionSet',
      actions: [action(REMINDER_VERBS.done, 'Klar'), action(REMINDER_VERBS.snooze, 'Skjut upp en vecka'), action(REMINDER_VERBS.notMine, 'Inte min')],
    });
  }
  return out;
}

function title(m: ReminderCardModel): string {
  switch (m.kind) {
    case 'chair-digest':
      return `Inför nästa möte: ${m.items.length} öppna uppgifter`;
    case 'weekly-overdue':
      return `Försenade uppgifter (${m.items.length})`;
    case 'owner-due':
      return m.items.length === 1 ? 'Påminnelse: en uppgift ska vara klar i dag' : `Påminnelse: ${m.items.length} uppgifter ska vara klara i dag`;
  }
}

function kindLabel(k: ReminderKind): string {
  return k === 'owner-due' ? 'påminnelse' : k === 'chair-digest' ? 'sammanställning' : 'veckosammanställning';
}

function truncate(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

/** The activity that carries a card. */
export function cardActivity(
  card: Record<string, unknown>,
  summary: string,
): { type: 'message'; summary: string; attachments: Array<{ contentType: string; content: unknown }> } {
  return { type: 'message', summary, attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] };
}
