/**
 * Cards of the `exportera`/`export` command: the download card (signed links to the CSV and ICS
 * of a group's open action items) and the question which group, in personal chat with several.
 * Plain JSON: no Teams types here.
 */
import type { ExportFormat } from './commands.js';

/** Verb of the group question's button. */
export const EXPORT_GROUP_VERB = 'exportGroup';

export interface ExportLink {
  format: ExportFormat;
  url: string;
}

export function exportCard(o: {
  groupName: string;
  openItems: number;
  datedItems: number;
  hasNextMeeting: boolean;
  links: ExportLink[];
  expiresAt: Date;
  language: 'sv' | 'en';
  timezone: string;
}): Record<string, unknown> {
  const en = o.language === 'en';
  const until = o.expiresAt.toLocaleString(en ? 'en-GB' : 'sv-SE', { timeZone: o.timezone, dateStyle: 'short', timeStyle: 'short' });
  const calendar = o.links.some((l) => l.format === 'ics')
    ? en
      ? ` The calendar has ${o.datedItems} dated item${o.datedItems === 1 ? '' : 's'}${o.hasNextMeeting ? ' and the next meeting' : ''}.`
      : ` Kalendern har ${o.datedItems} ${o.datedItems === 1 ? 'åtgärd' : 'åtgärder'} med datum${o.hasNextMeeting ? ' och nästa möte' : ''}.`
    : '';
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: o.links.map((l) => `${l.format.toUpperCase()}: ${l.url}`).join('\n'),
    body: [
      { type: 'TextBlock', text: en ? `Open action items – ${o.groupName}` : `Öppna åtgärder – ${o.groupName}`, weight: 'Bolder', wrap: true },
      {
        type: 'TextBlock',
        wrap: true,
        text: en
          ? `${o.openItems} open item${o.openItems === 1 ? '' : 's'}.${calendar} The link${o.links.length > 1 ? 's work' : ' works'} until ${until}.`
          : `${o.openItems} ${o.openItems === 1 ? 'öppen åtgärd' : 'öppna åtgärder'}.${calendar} ${o.links.length > 1 ? 'Länkarna' : 'Länken'} gäller till ${until}.`,
      },
    ],
    actions: o.links.map((l) => ({
      type: 'Action.OpenUrl',
      title: l.format === 'csv' ? (en ? 'Download CSV' : 'Ladda ner CSV') : en ? 'Download calendar (ICS)' : 'Ladda ner kalender (ICS)',
      url: l.url,
    })),
  };
}

export function exportGroupQuestion(groups: Array<{ id: string; name: string }>, formats: ExportFormat[], language: 'sv' | 'en'): Record<string, unknown> {
  const en = language === 'en';
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: en ? 'Which group’s action items?' : 'Vilken grupps åtgärder?', weight: 'Bolder', wrap: true },
      {
        type: 'Input.ChoiceSet',
        id: 'groupId',
        style: 'expanded',
        isRequired: true,
        value: groups[0]?.id,
        choices: groups.map((g) => ({ title: g.name, value: g.id })),
      },
    ],
    actions: [{ type: 'Action.Submit', title: en ? 'Export' : 'Exportera', data: { verb: EXPORT_GROUP_VERB, formats, language } }],
  };
}
