/**
 * Page chrome: the lines a web page or a document viewer puts around the text (navigation,
 * download bars, viewer controls, cookie notices), which are neither the title nor the meeting's
 * words. One table of line shapes, so a new site's chrome is a one-line addition.
 */

/** Whole lines that are chrome ("Hoppa över navigering", "Storlek: px", "WORD PNG TXT JPG"). */
const CHROME_LINES: RegExp[] = [
  /^(?:hoppa över navigering(?:en)?|gå till (?:huvud)?innehåll(?:et)?|till innehållet|skip to (?:main )?content|skip navigation|jump to (?:navigation|search|content))\b/iu,
  /^(?:meny|menu|sök|search|logga in|log in|sign in|startsida|home|hem|tillbaka|back|dela|share|skriv ut|print|navigation menu|huvudmeny)$/iu,
  /^(?:save this pdf as|storlek|size|starta visningen från sidan|start display at page|transkript|transcription|transcript)\s*:?(?:\s*px)?$/iu,
  /^(?:(?:word|png|txt|jpg|pdf|docx?)\s*){2,}$/iu,
  /^(?:denna webbplats använder kakor|vi använder kakor|this (?:site|website) uses cookies|we use cookies|acceptera|accept(?: all)?(?: cookies)?)\b/iu,
  /^(?:from [\p{L} ]+(?:wiki|foundation)|\(?redirected from\b|this page was last edited\b|revision as of\b.*\bby\b|jump to:)/iu,
  /^(?:no results found|copied!?|loading\.*(?:\s*\(view fulltext now\))?|full ?text|protected|n\/a|academic year:?\s*\d{4}(?:\/\d{2,4})?|show more|visa mer|läs mer|read more)$/iu,
  /^(?:\+\+\+|---)$/u,
];
/** A viewer's download bar quoting the document's own title: 'Download "Protokoll fört vid …"'. */
const QUOTED_TITLE_RE = /^(?:download|ladda ner|ladda ned|hämta|share|dela)\s*:?\s*["“”](.+?)(?:["“”]|$)/iu;
/** Markdown heading marks and TOML/YAML front-matter keys ('# Title', 'title = "…"'). */
const MARKUP_RE = /^(?:#{1,6}\s+|(?:title|date)\s*[=:]\s*["']?)/iu;

/** True when the whole line is site or viewer chrome. */
export function isChromeLine(text: string): boolean {
  const t = text.trim().replace(/^[•▪●*·-]\s*/u, '');
  return t.length < 240 && CHROME_LINES.some((re) => re.test(t));
}

/** The line's own words: a quoted download title unwrapped, markdown heading marks dropped. */
export function unwrapChrome(text: string): string {
  const t = text.trim();
  const quoted = QUOTED_TITLE_RE.exec(t);
  const inner = quoted ? quoted[1]! : t;
  return inner.replace(/^#{1,6}\s+/u, '');
}

/** A title line without markup: '# Sammanfattning 24-10-21' → 'Sammanfattning 24-10-21', 'title = "X"' → 'X'. */
export function titleText(text: string): string {
  const t = unwrapChrome(text);
  return MARKUP_RE.test(t) ? t.replace(MARKUP_RE, '').replace(/["']\s*$/u, '') : t;
}
