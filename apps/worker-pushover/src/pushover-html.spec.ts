import { markdownToPushoverHtml } from './pushover-html.js';

describe('markdownToPushoverHtml', () => {
  it('keeps bold, italics and links, and nothing of the link but its href', () => {
    const html = markdownToPushoverHtml(
      'The job **deploy** *web* [failed](https://ci.example.com/1 "run 1").',
    );

    expect(html).toBe('The job <b>deploy</b> <i>web</i> <a href="https://ci.example.com/1">failed</a>.');
  });

  it('turns headings, paragraphs, lists and breaks into lines', () => {
    const html = markdownToPushoverHtml('# Deploy\n\nfirst\nsecond\n\n- one\n- two\n\n1. three');

    expect(html).toBe('<b>Deploy</b>\n\nfirst\nsecond\n\n• one\n• two\n\n• three');
  });

  it('drops the tags Pushover does not render but keeps their text', () => {
    const html = markdownToPushoverHtml('`main` is ~~green~~ red\n\n```\nexit 1\n```\n\n> quoted');

    expect(html).toBe('main is green red\n\nexit 1\n\nquoted');
  });

  it('leaves raw HTML in the Markdown escaped', () => {
    expect(markdownToPushoverHtml('<font color="red">x</font> & y')).toBe(
      '&lt;font color=&quot;red&quot;&gt;x&lt;/font&gt; &amp; y',
    );
  });
});
