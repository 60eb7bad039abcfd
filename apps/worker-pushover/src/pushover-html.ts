import { markdownToHtml } from '@herald/templates';

/** The only tags Pushover renders with `html=1`; anything else shows up as literal markup. */
const PUSHOVER_TAGS = new Set(['b', 'i', 'u', 'a', 'font']);

// Block structure becomes line breaks: Pushover keeps newlines in HTML messages.
const REPLACEMENTS: [RegExp, string][] = [
  [/<(\/?)strong>/g, '<$1b>'],
  [/<(\/?)em>/g, '<$1i>'],
  [/<h[1-6][^>]*>/g, '<b>'],
  [/<\/h[1-6]>/g, '</b>\n'],
  [/<li>/g, '• '],
  [/<br\s*\/?>/g, '\n'],
  [/<\/(p|blockquote|pre|ul|ol)>/g, '\n'],
  [/<hr\s*\/?>/g, '—\n'],
  // marked writes href first; a title attribute would be shown to nobody.
  [/<a href="([^"]*)"[^>]*>/g, '<a href="$1">'],
];

/**
 * Markdown as the HTML subset Pushover renders (`<b>`, `<i>`, `<u>`, `<a>`, `<font>`): marked's
 * HTML with its structure turned into line breaks and bullets and every other tag dropped.
 * Raw HTML in the Markdown stays escaped text, as everywhere in Herald.
 */
export function markdownToPushoverHtml(markdown: string): string {
  let html = markdownToHtml(markdown);
  for (const [pattern, replacement] of REPLACEMENTS) html = html.replace(pattern, replacement);
  html = html.replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (tag, name: string) =>
    PUSHOVER_TAGS.has(name.toLowerCase()) ? tag : '',
  );
  return html.replace(/\n{3,}/g, '\n\n').trim();
}
