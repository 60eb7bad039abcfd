/**
 * Slack's mrkdwn is not Markdown: `*bold*`, `_italic_`, `~strike~`, `<url|label>` links, no
 * headings, and `&`, `<`, `>` must be escaped everywhere (they delimit links and mentions, so an
 * unescaped `<!channel>` in event data would ping a whole channel).
 */
export function markdownToMrkdwn(markdown: string): string {
  const out: string[] = [];
  let fence: string[] | null = null;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      if (fence) {
        out.push(`\`\`\`\n${fence.map(escapeMrkdwn).join('\n')}\n\`\`\``);
        fence = null;
      } else {
        fence = [];
      }
    } else if (fence) {
      fence.push(line);
    } else {
      out.push(blockLine(line));
    }
  }
  if (fence) out.push(`\`\`\`\n${fence.map(escapeMrkdwn).join('\n')}\n\`\`\``);
  return out.join('\n').trim();
}

/** The three characters Slack parses as control characters, as its docs ask. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function blockLine(line: string): string {
  const heading = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
  if (heading) return heading[1] ? `*${inline(heading[1])}*` : '';
  if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) return '──────────';
  const bullet = /^(\s*)[-*+]\s+(.*)$/.exec(line);
  if (bullet) return `${bullet[1]}• ${inline(bullet[2])}`;
  // Slack renders a leading `>` as a quote, so it is kept before the rest is escaped.
  const quote = /^\s{0,3}>\s?(.*)$/.exec(line);
  if (quote) return `>${inline(quote[1])}`;
  return inline(line);
}

// One alternative per inline construct, tried left to right; the text between matches is plain.
const INLINE = new RegExp(
  [
    /\\([\\`*_{}[\]()#+\-.!~|<>])/, // 1: a backslash escape
    /`([^`]+)`/, // 2: code span
    /!?\[([^\]]*)\]\(\s*<?([^\s)>]+)>?(?:\s+"[^"]*")?\s*\)/, // 3, 4: link or image
    /<((?:https?|mailto):[^\s>]+)>/, // 5: autolink
    /\*\*(?=\S)(.+?)(?<=\S)\*\*/, // 6: strong
    /__(?=\S)(.+?)(?<=\S)__/, // 7: strong
    /~~(?=\S)(.+?)(?<=\S)~~/, // 8: strikethrough
    /\*(?=\S)(.+?)(?<=\S)\*/, // 9: emphasis
    /(?<![A-Za-z0-9])_(?=\S)(.+?)(?<=\S)_(?![A-Za-z0-9])/, // 10: emphasis, not inside snake_case
  ]
    .map((part) => part.source)
    .join('|'),
  'g',
);

function inline(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    out += escapeMrkdwn(text.slice(last, match.index));
    out += inlineToken(match);
    last = match.index + match[0].length;
  }
  return out + escapeMrkdwn(text.slice(last));
}

function inlineToken(match: RegExpMatchArray): string {
  const [, escaped, code, label, url, autolink, strong, strongUnderscore, strike, em, emUnderscore] = match;
  if (escaped !== undefined) return escapeMrkdwn(escaped);
  if (code !== undefined) return `\`${escapeMrkdwn(code)}\``;
  if (url !== undefined) return link(url, label);
  if (autolink !== undefined) return link(autolink, '');
  if (strong !== undefined || strongUnderscore !== undefined)
    return `*${inline(strong ?? strongUnderscore)}*`;
  if (strike !== undefined) return `~${inline(strike)}~`;
  return `_${inline(em ?? emUnderscore)}_`;
}

/** `<url|label>`; a `|` in the url would end it early, and `>` in the label would close the link. */
function link(url: string, label: string): string {
  const target = escapeMrkdwn(url.replace(/\|/g, '%7C'));
  const text = inline(label);
  return text && text !== target ? `<${target}|${text}>` : `<${target}>`;
}
