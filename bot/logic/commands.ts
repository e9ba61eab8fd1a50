/**
 * Bot commands, recognised by their first word (Swedish or English). Anything else with text is a
 * question for the answer engine. Plain TypeScript: no Teams types here.
 */

export type CommandName = 'help' | 'documents' | 'actions' | 'attendance' | 'next-meeting' | 'budget' | 'forget' | 'change-group' | 'export' | 'chair';

export interface Command {
  name: CommandName;
  /** The rest of the message after the command word, trimmed ('' when none). */
  arg: string;
  language: 'sv' | 'en';
}

/** Command words; the manifest's command lists show the first Swedish and English of each. */
const WORDS: Array<{ name: CommandName; sv: string[]; en: string[] }> = [
  { name: 'help', sv: ['hjälp', 'hjalp'], en: ['help', '?'] },
  { name: 'documents', sv: ['dokument'], en: ['documents', 'docs'] },
  { name: 'actions', sv: ['åtgärder', 'atgarder', 'åtgärd'], en: ['actions', 'action items', 'todo'] },
  { name: 'attendance', sv: ['närvaro', 'narvaro'], en: ['attendance'] },
  { name: 'next-meeting', sv: ['nästa möte', 'nasta mote'], en: ['next meeting'] },
  { name: 'budget', sv: ['budget'], en: [] },
  { name: 'forget', sv: ['glöm', 'glom'], en: ['forget'] },
  { name: 'change-group', sv: ['byt grupp'], en: ['change group'] },
  { name: 'export', sv: ['exportera'], en: ['export'] },
  { name: 'chair', sv: ['ordförande', 'ordforande'], en: ['chair'] },
];

// "Ordförande på mötet?" and "chair of the meeting" are questions, not the chair command.
const QUESTION_AFTER: Partial<Record<CommandName, RegExp>> = {
  chair: /^(på|i|vid|för|under|var|of|at|in|on|for|during|was|is)(?=\s|$)/i,
};

/**
 * Parses a command. A question that merely starts with a command word ("Budget för 2016?") still
 * parses as that command; the handlers turn their argument into a question where that helps.
 */
export function parseCommand(text: string): Command | null {
  const t = text.trim().replace(/\s+/g, ' ');
  const lower = t.toLowerCase();
  // Longest words first, so "nästa möte" wins over a shorter prefix.
  const candidates = WORDS.flatMap((w) => [
    ...w.sv.map((word) => ({ name: w.name, word, language: 'sv' as const })),
    ...w.en.map((word) => ({ name: w.name, word, language: 'en' as const })),
  ]).sort((a, b) => b.word.length - a.word.length);
  for (const c of candidates) {
    if (lower === c.word || lower.startsWith(`${c.word} `)) {
      // Trailing question marks belong to the sentence, not to the argument.
      const arg = t
        .slice(c.word.length)
        .trim()
        .replace(/[?!.]+$/, '')
        .trim();
      const question = QUESTION_AFTER[c.name];
      if (question && (/\?\s*$/.test(t) || question.test(arg))) return null;
      return { name: c.name, arg, language: c.language };
    }
  }
  return null;
}

/** The command list for `hjälp`/`help` and the manifest. */
export const COMMAND_HELP: Array<{ title: string; sv: string; en: string }> = [
  { title: 'hjälp', sv: 'Visar vad jag kan.', en: 'Shows what I can do.' },
  { title: 'dokument', sv: 'Listar gruppens dokument.', en: "Lists the group's documents." },
  { title: 'åtgärder [namn]', sv: 'Öppna åtgärder, alla eller en persons.', en: 'Open action items, all or one person’s.' },
  { title: 'närvaro [datum]', sv: 'Vilka var med (och inte) på ett möte.', en: 'Who attended a meeting (and who did not).' },
  { title: 'nästa möte', sv: 'När och var nästa möte är.', en: 'When and where the next meeting is.' },
  { title: 'budget [sökord]', sv: 'Belopp ur budgetar och planer.', en: 'Amounts from budgets and plans.' },
  {
    title: 'glöm <dokument>',
    sv: 'Tar bort ett dokument och allt som hämtats ur det (den som laddade upp eller gruppens ägare).',
    en: 'Removes a document and its facts (uploader or group owners only).',
  },
  { title: 'byt grupp', sv: 'Glömmer vilken grupp dina uppladdningar brukar gå till.', en: 'Forgets your default upload group.' },
  {
    title: 'exportera [csv|ics]',
    sv: 'Öppna åtgärder som CSV eller kalender (ICS), via en nedladdningslänk.',
    en: 'Open action items as CSV or a calendar (ICS), as a download link.',
  },
  {
    title: 'ordförande <namn>',
    sv: 'Sätter gruppens ordförande för påminnelserna (sekreterare, ordförande eller gruppens ägare).',
    en: "Sets the group's chair for reminders (secretary, chair or group owners).",
  },
];

export type ExportFormat = 'csv' | 'ics';

/** `export`'s argument: one format, both (no argument), or null for anything else. */
export function parseExportFormats(arg: string): ExportFormat[] | null {
  const a = arg.trim().toLowerCase().replace(/^\./, '');
  if (a === '') return ['csv', 'ics'];
  if (a === 'csv' || a === 'excel') return ['csv'];
  if (a === 'ics' || a === 'ical' || a === 'kalender' || a === 'calendar') return ['ics'];
  return null;
}

/** `ordförande`'s argument: a name, "back to the minutes", or nothing (show the current chair). */
export function parseChairArg(arg: string): { kind: 'show' } | { kind: 'reset' } | { kind: 'name'; name: string } {
  const a = arg
    .trim()
    .replace(/^["'”“]+|["'”“]+$/g, '')
    .trim();
  if (!a) return { kind: 'show' };
  if (/^(från protokollet|enligt protokollet|protokollet|ingen|from (the )?minutes|none|reset)$/i.test(a)) return { kind: 'reset' };
  return { kind: 'name', name: a };
}

export function helpText(language: 'sv' | 'en'): string {
  const head =
    language === 'en'
      ? 'Send me minutes, plans or decisions as a file in this personal chat and I will read them. Then ask anything in plain words, here or in your team (mention me). Commands:'
      : 'Skicka protokoll, planer eller beslut som fil till mig i den här chatten så läser jag dem. Fråga sedan vad du vill, här eller i ert team (nämn mig). Kommandon:';
  const lines = COMMAND_HELP.map((c) => `- **${c.title}**: ${language === 'en' ? c.en : c.sv}`);
  const examples =
    language === 'en'
      ? 'Examples: "Who was absent on 2 March?", "What does Hallandsbarometern cost in 2016?"'
      : 'Exempel: "Vem var frånvarande?", "Hur mycket kostar Hallandsbarometern 2016?"';
  return [head, ...lines, examples].join('\n');
}
