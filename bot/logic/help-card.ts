/**
 * The `hjälp`/`help` Adaptive Card: the command list, examples, and buttons that run commands.
 * `Action.Execute` buttons (verb `cmd`) answer inside the card: the bot returns this card again
 * with the command's result under the buttons. `Action.Submit` buttons (`verb: 'cmd'` in data)
 * answer with an ordinary message. The text list rides along as `fallbackText` for clients that
 * do not render cards. Plain JSON: no Teams types here.
 */
import { COMMAND_HELP, helpText } from './commands.js';

/** The verb of every help-card button; `data.command` is the command text to run. */
export const HELP_COMMAND_VERB = 'cmd';

export interface HelpCardResult {
  /** The command that ran ("nästa möte"). */
  command: string;
  /** What it answered (markdown lines). */
  text: string;
}

interface Button {
  kind: 'execute' | 'submit';
  title: string;
  command: { sv: string; en: string };
}

/** Quick answers fit in the card (Execute); lists and downloads come as messages (Submit). */
const BUTTONS: Button[] = [
  { kind: 'execute', title: 'Nästa möte', command: { sv: 'nästa möte', en: 'next meeting' } },
  { kind: 'execute', title: 'Dokument', command: { sv: 'dokument', en: 'documents' } },
  { kind: 'submit', title: 'Öppna åtgärder', command: { sv: 'åtgärder', en: 'actions' } },
  { kind: 'submit', title: 'Exportera åtgärder', command: { sv: 'exportera', en: 'export' } },
];

const EN_TITLES: Record<string, string> = {
  'Nästa möte': 'Next meeting',
  Dokument: 'Documents',
  'Öppna åtgärder': 'Open action items',
  'Exportera åtgärder': 'Export action items',
};

// Adaptive Card TextBlocks render a markdown subset; keep answers readable and bounded.
const MAX_RESULT_CHARS = 3000;

export function helpCard(language: 'sv' | 'en', result?: HelpCardResult): Record<string, unknown> {
  const en = language === 'en';
  const body: Array<Record<string, unknown>> = [
    { type: 'TextBlock', text: en ? 'What I can do' : 'Det här kan jag', weight: 'Bolder', size: 'Medium', wrap: true },
    {
      type: 'TextBlock',
      wrap: true,
      text: en
        ? 'Send me minutes, plans or decisions as a file in a personal chat and I will read them. Then ask anything in plain words, here or in your team (mention me).'
        : 'Skicka protokoll, planer eller beslut som fil till mig i en personlig chatt så läser jag dem. Fråga sedan vad du vill, här eller i ert team (nämn mig).',
    },
    { type: 'FactSet', facts: COMMAND_HELP.map((c) => ({ title: c.title, value: en ? c.en : c.sv })) },
    {
      type: 'TextBlock',
      wrap: true,
      isSubtle: true,
      text: en
        ? 'Examples: "Who was absent on 2 March?", "What does Hallandsbarometern cost in 2016?"'
        : 'Exempel: "Vem var frånvarande?", "Hur mycket kostar Hallandsbarometern 2016?"',
    },
  ];
  if (result) {
    const text = result.text.length > MAX_RESULT_CHARS ? `${result.text.slice(0, MAX_RESULT_CHARS)} …` : result.text;
    body.push({
      type: 'Container',
      id: 'result',
      style: 'emphasis',
      separator: true,
      items: [
        { type: 'TextBlock', text: `${en ? 'Answer' : 'Svar'}: ${result.command}`, weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text, wrap: true },
      ],
    });
  }
  const actions = BUTTONS.map((b) => {
    const title = en ? (EN_TITLES[b.title] ?? b.title) : b.title;
    const command = en ? b.command.en : b.command.sv;
    return b.kind === 'execute'
      ? { type: 'Action.Execute', title, verb: HELP_COMMAND_VERB, data: { command } }
      : { type: 'Action.Submit', title, data: { verb: HELP_COMMAND_VERB, command } };
  });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    // Action.Execute needs 1.4.
    version: '1.5',
    fallbackText: helpText(language),
    body,
    actions,
  };
}
