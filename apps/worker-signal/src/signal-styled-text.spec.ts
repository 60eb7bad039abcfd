import { markdownToSignalText, signalMessageOf } from './signal-styled-text.js';

describe('markdownToSignalText', () => {
  it('keeps bold, italics, strike-through and monospace as Signal markers', () => {
    expect(markdownToSignalText('**deploy** *web* ~~green~~ `main`')).toBe('**deploy** *web* ~green~ `main`');
  });

  it('writes links as "label (url)" and a bare link once', () => {
    expect(
      markdownToSignalText('[Open job](https://ci.example.com/jobs/42) or <https://ci.example.com>'),
    ).toBe('Open job (https://ci.example.com/jobs/42) or https://ci.example.com');
  });

  it('turns headings bold and lists into bullets, one item a line', () => {
    expect(markdownToSignalText('## Failed jobs\n\n- web\n- api\n\n1. first')).toBe(
      '**Failed jobs**\n\n• web\n• api\n\n• first',
    );
  });

  it('escapes marker characters in the text so signal-cli-rest-api keeps them', () => {
    expect(markdownToSignalText('a | b ~ c, 2\\*3 and C:\\\\temp')).toBe(
      'a \\| b \\~ c, 2\\*3 and C:\\\\temp',
    );
  });

  it('keeps a code block as its lines and decodes HTML entities back to text', () => {
    expect(markdownToSignalText('```\nexit <1> && done\n```')).toBe('exit <1> && done');
  });
});

describe('signalMessageOf', () => {
  it('puts the plain title in bold above the body', () => {
    expect(signalMessageOf('Job **deploy web** failed', 'The job failed.')).toBe(
      '**Job deploy web failed**\n\nThe job failed.',
    );
  });

  it('sends the title alone when there is no body', () => {
    expect(signalMessageOf('Backup done', '')).toBe('**Backup done**');
  });
});
