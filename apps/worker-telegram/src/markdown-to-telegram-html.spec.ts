import { escapeTelegramHtml, markdownToTelegramHtml } from './markdown-to-telegram-html.js';

const convert = (markdown: string, maxLength = 4096) => markdownToTelegramHtml(markdown, maxLength);

/** What Telegram counts against the limit: the text once tags are parsed and entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Tags Telegram's HTML mode accepts, each closed in order. */
function isBalancedTelegramHtml(html: string): boolean {
  const stack: string[] = [];
  for (const [, closing, name] of html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    if (!['b', 'i', 's', 'a', 'code', 'pre', 'blockquote'].includes(name)) return false;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}

describe('markdownToTelegramHtml', () => {
  it.each([
    ['**bold** and *italic* and ~~gone~~', '<b>bold</b> and <i>italic</i> and <s>gone</s>'],
    [
      '[Open job](https://ci.example.com/jobs/42?a=1&b=2)',
      '<a href="https://ci.example.com/jobs/42?a=1&amp;b=2">Open job</a>',
    ],
    ['Use `x < y && z`', 'Use <code>x &lt; y &amp;&amp; z</code>'],
    ['```js\nif (a < b) {}\n```', '<pre>if (a &lt; b) {}\n</pre>'],
    ['## Heading\n\ntext', '<b>Heading</b>\n\ntext'],
    ['line one\nline two', 'line one\nline two'],
    ['first\n\nsecond', 'first\n\nsecond'],
    ['- a\n- b\n  - c\n\n3. x\n4. y', '• a\n• b\n  • c\n\n3. x\n4. y'],
    ['> quoted\n> more\n\nafter', '<blockquote>quoted\nmore</blockquote>\n\nafter'],
    ['![logo](https://x.example/l.png) --- done', 'logo --- done'],
    ['- [x] shipped\n- [ ] tested', '• ☑ shipped\n• ☐ tested'],
  ])('converts %p', (markdown, html) => {
    expect(convert(markdown)).toBe(html);
  });

  it('shows raw HTML and entities as the text they are', () => {
    expect(convert('<b>raw</b> &copy; "quoted" it\'s')).toBe(
      '&lt;b&gt;raw&lt;/b&gt; &amp;copy; "quoted" it\'s',
    );
  });

  it('keeps the text of a link Telegram would refuse, without the link', () => {
    expect(convert('[click](javascript:alert(1))')).toBe('click');
  });

  it('keeps code inside a link as plain text, since Telegram entities other than b/i/s cannot nest', () => {
    expect(convert('[`main`](https://git.example/main)')).toBe('<a href="https://git.example/main">main</a>');
  });

  it('cuts long text inside a run, closes what is open and stays within the limit', () => {
    const markdown = `**${'a'.repeat(50)}** [${'b'.repeat(50)}](https://x.example)`;

    const html = convert(markdown, 30);

    expect(html).toBe(`<b>${'a'.repeat(29)}…</b>`);
    expect(visibleText(html)).toHaveLength(30);
    expect(isBalancedTelegramHtml(html)).toBe(true);
  });

  it('never cuts an entity: escaped characters count once', () => {
    const html = convert('&'.repeat(100), 10);

    expect(html).toBe(`${'&amp;'.repeat(9)}…`);
    expect(visibleText(html)).toHaveLength(10);
  });

  it('never leaves half a surrogate pair', () => {
    expect(convert('ab🚀🚀', 4)).toBe('ab…');
  });

  it('stays balanced and within the limit for a long mixed document', () => {
    const block =
      '## Title\n\n> a **quote** with [a link](https://x.example)\n\n- item `code`\n\n```\ncode <block>\n```\n\n';
    const markdown = block.repeat(200);

    for (const limit of [50, 333, 1000, 4096]) {
      const html = convert(markdown, limit);
      expect(visibleText(html).length).toBeLessThanOrEqual(limit);
      expect(isBalancedTelegramHtml(html)).toBe(true);
    }
  });
});

describe('escapeTelegramHtml', () => {
  it('escapes the three characters HTML mode reads', () => {
    expect(escapeTelegramHtml('a < b > c & "d"')).toBe('a &lt; b &gt; c &amp; "d"');
  });
});
