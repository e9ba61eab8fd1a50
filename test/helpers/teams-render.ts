/**
 * What a Teams client shows for a bot message's text: Teams and the Agents Playground render it as
 * CommonMark with inline HTML (the Playground: react-markdown with raw HTML, unknown tags dropped).
 * markdown-it with `html: true` is the same model: a single "\n" is a soft break, a line after a
 * list item continues that item, "<a b>" is an HTML tag. Returns the visible lines.
 *
 * ```ts
 * expect(visibleLines('Beslut:\n• a\n• b')).toEqual(['Beslut: • a • b']); // what plain text looks like
 * ```
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: true, linkify: false });

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

export function renderTeamsHtml(text: string): string {
  return md.render(text);
}

export function visibleLines(text: string): string[] {
  // A newline in the HTML is whitespace (a soft break renders as a space); only breaks and blocks start lines.
  const html = renderTeamsHtml(text)
    .replace(/\n/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(p|li|ul|ol|h[1-6]|blockquote|pre|div)\b[^>]*>/gi, '\n');
  // Every other tag, ours or one the renderer took from the text, shows nothing (the client drops unknown tags).
  const stripped = html.replace(/<[^>]+>/g, '').replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e] ?? '');
  return stripped
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
}
