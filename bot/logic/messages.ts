/**
 * What the bot says about uploads: acknowledgements, progress, failures and duplicates. Failure
 * sentences say what happened and what to do, keyed by the stable error codes (core/errors.ts).
 */

const FAILURES: Record<string, string> = {
  'no-text-layer':
    'Filen saknar textlager (den verkar vara inskannad), så jag kan inte läsa texten. Exportera dokumentet som PDF från Word eller ladda upp Word-filen i stället.',
  'password-protected': 'Filen är lösenordsskyddad. Ta bort lösenordet (spara en kopia utan skydd) och ladda upp den igen.',
  'corrupt-pdf': 'PDF-filen är skadad eller ofullständig och går inte att öppna. Spara eller exportera den på nytt och ladda upp den igen.',
  'not-a-document': 'Filen är inget dokument jag kan läsa, trots namnet. Ladda upp en PDF, ett Word-dokument (.docx) eller en textfil.',
  'unsupported-type': 'Den filtypen kan jag inte läsa. Ladda upp en PDF, ett Word-dokument (.docx) eller en textfil.',
  'empty-file': 'Filen är tom (0 byte). Kontrollera att rätt fil laddades upp och försök igen.',
  'too-large': 'Filen är för stor för mig. Dela upp den eller komprimera den och ladda upp den igen.',
  'too-many-pages': 'Dokumentet har för många sidor för mig. Ladda upp de delar som behövs som separata filer.',
  'parse-timeout': 'Det tog för lång tid att läsa filen. Spara den på nytt som PDF (eller ladda upp Word-filen) och försök igen.',
  'parse-crashed': 'Något gick fel när filen lästes. Spara den på nytt som PDF (eller ladda upp Word-filen) och försök igen.',
  'download-refused': 'Jag hämtar bara filer från Teams/SharePoint/OneDrive. Skicka filen direkt här i chatten.',
  'download-failed': 'Jag kunde inte hämta filen från Teams. Skicka den igen om en stund.',
};

/** The uploader-facing sentence for a failed upload. */
export function failureMessage(fileName: string, code: string | null): string {
  const what = (code && FAILURES[code]) ?? 'Något gick fel när filen lästes. Försök igen om en stund; hjälper det inte, kontakta den som driver boten.';
  return `Kunde inte läsa ${fileName}. ${what}`;
}

/** More files in one message than the bot takes: the rest are named, to be sent again. */
export function tooManyFilesText(max: number, skipped: string[]): string {
  const names = skipped.length <= 5 ? skipped.join(', ') : `${skipped.slice(0, 5).join(', ')} och ${skipped.length - 5} till`;
  return `Jag tar emot högst ${max} filer per meddelande. Skicka de här i ett nytt meddelande: ${names}.`;
}

/** An upload lost because the bot stopped while receiving it (upload-intents.ts). */
export function interruptedText(fileName: string): string {
  return `Kunde inte ta emot ${fileName}: jag startades om medan filen hämtades. Skicka filen igen.`;
}

export function ackText(fileName: string): string {
  return `Tar emot ${fileName} …`;
}

export function progressText(fileName: string, groupName: string | null, p: { stage: string; page: number; pages: number } | null): string {
  const where = groupName ? ` (${groupName})` : '';
  if (!p) return `Läser ${fileName}${where} …`;
  if (p.stage === 'storing') return `Sparar ${fileName}${where} …`;
  if (p.stage === 'extracting') return `Tolkar ${fileName}${where} …`;
  const pct = p.pages > 0 ? Math.min(100, Math.round((p.page / p.pages) * 100)) : 0;
  return `Läser ${fileName}${where} … sida ${p.page} av ${p.pages} (${pct} %)`;
}

export function doneText(fileName: string, groupName: string | null): string {
  return `Klart: ${fileName} är inläst${groupName ? ` i ${groupName}` : ''}.`;
}

/**
 * "Already have this", with who uploaded it and when (date in Swedish time): "du laddade upp det"
 * when it was the asker, the uploader's name when it was someone else, never "någon" for a known id.
 */
export function duplicateText(
  fileName: string,
  existing: { uploader_id: string; uploader_name: string | null; created_at: Date | string; file_name: string },
  groupName: string | null,
  askerId: string,
): string {
  const when = new Date(existing.created_at).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
  const who =
    existing.uploader_id === askerId ? `du laddade upp det den ${when}` : `${existing.uploader_name?.trim() || 'en annan medlem'} laddade upp det den ${when}`;
  return `Det här dokumentet finns redan${groupName ? ` i ${groupName}` : ''}: ${existing.file_name} (${who}). Jag läser inte in ${fileName} en gång till.`;
}
