import { templateProblems } from './template-problems.js';

describe('templateProblems', () => {
  it('accepts templates that parse', () => {
    expect(
      templateProblems({
        default: {
          title: 'Job {{ data.job }} failed',
          body: '{% if data.url %}[open]({{ data.url }}){% endif %}',
        },
        webhook: { blocks: [{ type: 'section', text: { text: '*{{ data.job }}*' } }] },
      }),
    ).toEqual([]);
  });

  it('names each template that does not parse, with where', () => {
    expect(
      templateProblems({
        email: { title: 'ok', body: 'Hello\n    {% if data.x %} never closed' },
        webhook: { blocks: [{ text: { text: '{{ data.x | shout }}' } }] },
      }),
    ).toEqual([
      { field: 'templates.email.body', messages: ['tag {% if data.x %} not closed (line 2, column 5)'] },
      {
        field: 'templates.webhook.blocks.0.text.text',
        messages: ['undefined filter: shout (line 1, column 1)'],
      },
    ]);
  });

  it('reports a wrong shape before trying to parse anything', () => {
    expect(templateProblems({ pigeon: { title: '{% if %}' } }).map((problem) => problem.field)).toEqual([
      'templates.pigeon',
    ]);
  });
});
