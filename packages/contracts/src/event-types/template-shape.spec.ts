import { templateShapeProblems, templateSources } from './template-shape.js';

describe('templateShapeProblems', () => {
  it('accepts channels and default with their parts', () => {
    expect(
      templateShapeProblems({
        default: { title: 't', body: 'b' },
        email: { title: 't', body: 'b', html: '<p>b</p>' },
        webhook: { blocks: [{ type: 'section' }] },
      }),
    ).toEqual([]);
  });

  it('names unknown channels, unknown parts and wrong types by path', () => {
    const problems = templateShapeProblems({
      pigeon: { title: 't' },
      email: { subject: 's', body: 42, blocks: 'x' },
      webhook: 'not an object',
    });
    expect(problems.map((problem) => problem.field)).toEqual([
      'templates.pigeon',
      'templates.email.subject',
      'templates.email.body',
      'templates.email.blocks',
      'templates.webhook',
    ]);
    expect(problems[0]!.messages[0]).toContain('use one of email, webhook, slack, mattermost');
  });

  it('keeps html and blocks to channels', () => {
    expect(templateShapeProblems({ default: { title: 't', html: '<p/>', blocks: [] } })).toEqual([
      {
        field: 'templates.default.html',
        messages: ['templates.default.html belongs under a channel, not default'],
      },
      {
        field: 'templates.default.blocks',
        messages: ['templates.default.blocks belongs under a channel, not default'],
      },
    ]);
  });

  it('refuses a title longer than a subject line can sensibly be', () => {
    expect(templateShapeProblems({ email: { title: 'x'.repeat(1001) } })).toEqual([
      { field: 'templates.email.title', messages: ['templates.email.title must be at most 1000 characters'] },
    ]);
  });
});

describe('templateSources', () => {
  it('lists the text parts and every string inside blocks with its path', () => {
    expect(
      templateSources({
        email: { title: 'T', body: 'B' },
        webhook: { blocks: [{ type: 'section', text: { text: 'Hi {{ data.name }}' } }, 3] },
      }),
    ).toEqual([
      { channel: 'email', part: 'title', source: 'T' },
      { channel: 'email', part: 'body', source: 'B' },
      { channel: 'webhook', part: 'blocks.0.type', source: 'section' },
      { channel: 'webhook', part: 'blocks.0.text.text', source: 'Hi {{ data.name }}' },
    ]);
  });
});
