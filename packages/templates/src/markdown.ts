import { Marked, type Token, type Tokens } from 'marked';

// Event data is caller-supplied: raw HTML inside Markdown is shown as text, never rendered.
const marked = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(text);
    },
  },
});

export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}

/** Plain text for SMS, email text parts and webhook `body`: the words without the Markdown syntax. */
export function markdownToText(markdown: string): string {
  const tokens = marked.lexer(markdown);
  return tokens
    .map((token) => blockText(token))
    .filter((text) => text.length > 0)
    .join('\n\n')
    .trim();
}

function blockText(token: Token): string {
  switch (token.type) {
    case 'list':
      return (token as Tokens.List).items.map((item) => `- ${inlineText(item.tokens)}`).join('\n');
    case 'code':
      return (token as Tokens.Code).text;
    case 'space':
    case 'hr':
      return '';
    default:
      return 'tokens' in token && token.tokens
        ? inlineText(token.tokens)
        : 'text' in token
          ? String(token.text)
          : '';
  }
}

function inlineText(tokens: Token[]): string {
  return tokens
    .map((token) => {
      if (token.type === 'link') {
        const link = token as Tokens.Link;
        const label = inlineText(link.tokens);
        return label === link.href ? link.href : `${label} (${link.href})`;
      }
      if (token.type === 'br') return '\n';
      if ('tokens' in token && token.tokens) return inlineText(token.tokens);
      return 'text' in token ? decodeEntities(String(token.text)) : '';
    })
    .join('');
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
