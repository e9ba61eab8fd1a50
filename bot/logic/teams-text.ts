/**
 * Plain text as Teams renders it. Teams (and the Agents Playground) treat a bot message's text as
 * Markdown with inline HTML: a single "\n" is a soft break and renders as a space, "• a\n• b"
 * becomes one line, a line after a list item is swallowed into that item, and anything shaped like
 * a tag ("<filnamn eller titel>") is taken for HTML and dropped. This turns the bot's plain text
 * (one thought per line, "-"/"•" bullets) into Markdown that shows the same lines: list items as a
 * Markdown list with blank lines around it, every other line its own paragraph, angle brackets as
 * entities, links only to the bot's own URLs (see neutraliseLinks). Idempotent, so text that is already Markdown passes through unchanged in meaning.
 * Plain TypeScript.
 */

/** A list item as the bot and the answer engine write them: "- a", "• a", "* a", "1. a", "2) a". */
const LIST_ITEM = /^\s*(?:([-*+•·▪–])|(\d{1,3})[.)])\s+(?=\S)/;

/** Characters that would start a Markdown block (heading, quote, code fence) at the start of a line. */
const BLOCK_START = /^(#{1,6}\s|```|~~~)/;

/**
 * Inline links and images: `[label](target "title")`, `![alt](target)`; the target may be in angle
 * brackets or hold one level of parentheses (`javascript:alert(1)`).
 */
const INLINE_LINK = /(!?)\[((?:[^[\]\\]|\\.)*)\]\(\s*(<[^<>]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
/** A reference definition (`[ref]: https://…`) turns `[label][ref]` elsewhere into a link. */
const REFERENCE_DEFINITION = /^(\s{0,3})\[([^\]]+)\]:/;

export interface MarkdownOptions {
  /** Links allowed to stay clickable: the bot's own signed URLs. Default: none. */
  isOwnLink?: (url: string) => boolean;
}

/**
 * Documents and the model are untrusted: a Markdown link in their text would reach Teams as a
 * clickable link whose words need not match its target ("Logga in här" → an attacker's page), and
 * an image would be fetched by every reader's client. Links keep their words and lose their
 * target, images their source, unless the target is one of the bot's own signed URLs.
 */
export function neutraliseLinks(text: string, opts: MarkdownOptions = {}): string {
  const out = text.replace(INLINE_LINK, (all, bang: string, label: string, target: string) => {
    const url = target.replace(/^<|>$/g, '');
    if (!bang && opts.isOwnLink?.(url)) return all;
    return label;
  });
  return out
    .split('\n')
    .map((line) => line.replace(REFERENCE_DEFINITION, '$1\\[$2]:'))
    .join('\n');
}

export function escapeAngleBrackets(text: string): string {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** U+2060 WORD JOINER: invisible, no line break, and no letter for a tag to start with. */
const WORD_JOINER = '\u2060';

/**
 * Card text. Adaptive Card renderers differ: the web ones (Teams on the web and desktop, the Agents
 * Playground) take "<dokument>" for an HTML tag and drop it, and decode "&lt;", while the native
 * ones show "&lt;" as it is. A word joiner after a "<" that would open a tag (or a closing tag,
 * comment or declaration) keeps the text as written for every renderer. Idempotent.
 */
export function defuseTags(text: string): string {
  return text.replace(/<(?=[\p{L}/!?])/gu, `<${WORD_JOINER}`);
}

export function toTeamsMarkdown(text: string, opts: MarkdownOptions = {}): string {
  const out: string[] = [];
  let prev: 'blank' | 'para' | 'list' = 'blank';
  for (const raw of escapeAngleBrackets(neutraliseLinks(text, opts)).replace(/\r\n?/g, '\n').split('\n')) {
    // Indentation means nothing in chat text, but four spaces would make a Markdown code block.
    const line = raw.trim();
    if (line === '') {
      if (prev !== 'blank') out.push('');
      prev = 'blank';
      continue;
    }
    const m = LIST_ITEM.exec(line);
    if (m) {
      // A list right after a paragraph line needs a blank line in some renderers.
      if (prev === 'para') out.push('');
      const rest = line.slice(m[0].length);
      out.push(m[2] !== undefined ? `${m[2]}. ${rest}` : `- ${rest}`);
      prev = 'list';
      continue;
    }
    // Any other line is a paragraph of its own: after a list it would otherwise continue the last item.
    if (prev !== 'blank') out.push('');
    out.push(BLOCK_START.test(line) ? `\\${line}` : line);
    prev = 'para';
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
