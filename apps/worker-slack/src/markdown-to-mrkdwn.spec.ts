import { escapeMrkdwn, markdownToMrkdwn } from './markdown-to-mrkdwn.js';

describe('markdownToMrkdwn', () => {
  it.each([
    ['The job **deploy web** failed', 'The job *deploy web* failed'],
    ['__strong__ and *em* and _em_', '*strong* and _em_ and _em_'],
    ['~~gone~~', '~gone~'],
    ['[Open job](https://ci.example.com/jobs/42)', '<https://ci.example.com/jobs/42|Open job>'],
    ['[**Open** it](https://x.example/a?b=1&c=2)', '<https://x.example/a?b=1&amp;c=2|*Open* it>'],
    ['[](https://x.example)', '<https://x.example>'],
    ['[https://x.example](https://x.example)', '<https://x.example>'],
    ['![logo](https://x.example/l.png "Logo")', '<https://x.example/l.png|logo>'],
    ['Visit <https://herald.example.com>', 'Visit <https://herald.example.com>'],
    ['snake_case_name and 2 * 3 * 4', 'snake_case_name and 2 * 3 * 4'],
    ['Literal \\*stars\\* and \\_under\\_', 'Literal *stars* and _under_'],
  ])('converts the inline Markdown %p to %p', (markdown, mrkdwn) => {
    expect(markdownToMrkdwn(markdown)).toBe(mrkdwn);
  });

  it('escapes &, < and > in text, so event data cannot mention @channel or forge links', () => {
    expect(markdownToMrkdwn('a < b && <!channel> <@U123|x>')).toBe(
      'a &lt; b &amp;&amp; &lt;!channel&gt; &lt;@U123|x&gt;',
    );
  });

  it('keeps code spans and fenced blocks verbatim apart from the escapes', () => {
    const markdown = 'Run `a **b** <c>`:\n\n```sh\nif [ $a -lt 1 ] && **x**; then\n```';

    expect(markdownToMrkdwn(markdown)).toBe(
      'Run `a **b** &lt;c&gt;`:\n\n```\nif [ $a -lt 1 ] &amp;&amp; **x**; then\n```',
    );
  });

  it('closes a fence the Markdown left open', () => {
    expect(markdownToMrkdwn('```\nlog <tail>')).toBe('```\nlog &lt;tail&gt;\n```');
  });

  it('turns headings into bold lines, bullets into •, and keeps quotes and numbered lists', () => {
    const markdown = '## Deploy *web* ##\n\n- first\n  * nested **one**\n> quoted <b>\n1. one\n\n---';

    expect(markdownToMrkdwn(markdown)).toBe(
      '*Deploy _web_*\n\n• first\n  • nested *one*\n>quoted &lt;b&gt;\n1. one\n\n──────────',
    );
  });

  it('normalises Windows line ends', () => {
    expect(markdownToMrkdwn('a\r\nb\rc')).toBe('a\nb\nc');
  });
});

describe('escapeMrkdwn', () => {
  it('escapes exactly the three control characters', () => {
    expect(escapeMrkdwn(`<&>*_~"'`)).toBe(`&lt;&amp;&gt;*_~"'`);
  });
});
