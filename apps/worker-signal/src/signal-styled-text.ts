import { markdownToHtml, markdownToText } from '@herald/templates';

/** The characters signal-cli-rest-api reads as style markers in `text_mode: "styled"`. */
const STYLE_MARKERS = /[*~|`\\]/g;
/** marked's HTML as tags and the text between them. */
const HTML_TOKENS = /<(\/?)([a-z][a-z0-9]*)([^>]*)>|[^<]+/gi;
const HREF = /href="([^"]*)"/;

const INLINE_MARKERS: Record<string, string> = {
  strong: '**',
  em: '*',
  del: '~',
  code: '`',
};

/**
 * Markdown as Signal styled text: `**bold**`, `*italic*`, `~strike~`, `` `mono` ``; headings in
 * bold, links as "label (url)", lists as bullets. Literal marker characters in the text are
 * escaped with a backslash, or signal-cli-rest-api would swallow them as markers.
 */
export function markdownToSignalText(markdown: string): string {
  let out = '';
  let link: { href: string; start: number } | undefined;
  let inCodeBlock = false;
  for (const [part, slash, name, attributes] of markdownToHtml(markdown).matchAll(HTML_TOKENS)) {
    if (!name) {
      out += escapeStyled(decodeEntities(part));
      continue;
    }
    const tag = name.toLowerCase();
    const closing = slash === '/';
    if (tag === 'pre') inCodeBlock = !closing;
    if (tag === 'a' && !closing) {
      link = { href: decodeEntities(HREF.exec(attributes)?.[1] ?? ''), start: out.length };
    } else if (tag === 'a') {
      // An autolink's label is its URL already.
      if (link && out.slice(link.start) !== escapeStyled(link.href)) out += ` (${escapeStyled(link.href)})`;
      link = undefined;
    } else if (!(tag === 'code' && inCodeBlock)) {
      // A code block has no Signal style of its own (monospace is inline only): its lines stay.
      out += markerOf(tag, closing);
    }
  }
  return out.replace(/\n{3,}/g, '\n\n').trim();
}

/** Block structure becomes line breaks; tags without a Signal equivalent leave their text alone. */
function markerOf(tag: string, closing: boolean): string {
  if (Object.hasOwn(INLINE_MARKERS, tag)) return INLINE_MARKERS[tag];
  if (/^h[1-6]$/.test(tag)) return closing ? '**\n' : '**';
  if (tag === 'li') return closing ? '' : '• ';
  if (tag === 'br') return '\n';
  if (tag === 'hr') return '—\n';
  return '';
}

/** The message: the title in bold above the body, both styled. */
export function signalMessageOf(title: string, markdown: string): string {
  const heading = escapeStyled(markdownToText(title));
  const body = markdownToSignalText(markdown);
  if (!heading) return body;
  return body ? `**${heading}**\n\n${body}` : `**${heading}**`;
}

function escapeStyled(text: string): string {
  return text.replace(STYLE_MARKERS, '\\$&');
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
