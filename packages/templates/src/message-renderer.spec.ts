import { DEFAULT_TEMPLATE } from './default-template.js';
import { MessageRenderer, TemplateRenderError } from './message-renderer.js';
import type { TemplateContext } from './template-context.js';

const context: TemplateContext = {
  type: 'job.failed',
  trigger: 'error',
  source: { kind: 'job_template', id: '42' },
  data: { job: 'deploy web', exitCode: 2, tags: ['a', 'b'] },
  actions: [{ label: 'Open job', url: 'https://ci.example.com/jobs/42' }],
  notification: { id: 'n-1', createdAt: '2026-11-22T10:00:00.000Z' },
};

describe('MessageRenderer', () => {
  const renderer = new MessageRenderer();

  it('renders a registered template to title, markdown, text and html', async () => {
    const message = await renderer.render(
      { title: 'Job {{ data.job }} failed', body: 'Exit code **{{ data.exitCode }}**.' },
      context,
      { html: true },
    );
    expect(message.title).toBe('Job deploy web failed');
    expect(message.markdown).toBe('Exit code **2**.');
    expect(message.text).toBe('Exit code 2.');
    expect(message.html).toContain('<strong>2</strong>');
    expect(message.html).toContain('href="https://ci.example.com/jobs/42"');
  });

  it('builds a readable default message from the data alone', async () => {
    const message = await renderer.render(DEFAULT_TEMPLATE, context, { html: false });
    expect(message.title).toBe('Job failed (job_template 42)');
    expect(message.text).toContain('job: deploy web');
    expect(message.text).toContain('tags: ["a","b"]');
    expect(message.text).toContain('Open job (https://ci.example.com/jobs/42)');
    expect(message.html).toBeUndefined();
  });

  it('prefers data.title and data.message in the default template', async () => {
    const message = await renderer.render(
      DEFAULT_TEMPLATE,
      { ...context, data: { title: 'Disk full', message: 'on web-1' } },
      { html: false },
    );
    expect(message.title).toBe('Disk full');
    expect(message.text).toBe('on web-1\n\nOpen job (https://ci.example.com/jobs/42)');
  });

  it('sums up data that carries its own summary (an inbound hook) instead of listing it', async () => {
    const message = await renderer.render(
      DEFAULT_TEMPLATE,
      {
        ...context,
        type: 'github.push',
        data: {
          title: '[acme/web] alice pushed 3 commits to main',
          summary: '[acme/web] alice pushed 3 commits to main',
          repository: { full_name: 'acme/web', owner: { login: 'acme' } },
          commits: [{ id: 'a1' }, { id: 'b2' }, { id: 'c3' }],
        },
      },
      { html: false },
    );
    expect(message.title).toBe('[acme/web] alice pushed 3 commits to main');
    expect(message.text).toContain('[acme/web] alice pushed 3 commits to main');
    expect(message.text).not.toContain('repository');
    expect(message.text).not.toContain('full_name');
    expect(message.text).not.toContain('b2');
  });

  it('reports an unknown variable as a render error', async () => {
    await expect(
      renderer.render({ title: '{{ data.missing.deep }}', body: '' }, context, { html: false }),
    ).rejects.toThrow(TemplateRenderError);
  });

  it('shows raw HTML from event data as text in the email', async () => {
    const message = await renderer.render(
      { title: 't', body: '{{ data.job }}' },
      { ...context, data: { job: '<script>alert(1)</script>' } },
      { html: true },
    );
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('&lt;script&gt;');
  });
});

describe('MessageRenderer.renderAll', () => {
  const renderer = new MessageRenderer();

  it('reports every part that failed, with its line and column', async () => {
    const attempt = await renderer.renderAll(
      { title: '{{ data.job }}', body: 'Hello\n  {{ data.missing }}', blocks: [{ text: '{{ data.nope }}' }] },
      context,
      { html: true },
    );
    expect(attempt).toEqual({
      message: null,
      errors: [
        // The column points at the variable, inside the braces.
        { part: 'body', message: 'undefined variable: data.missing', line: 2, column: 6 },
        { part: 'blocks.0.text', message: 'undefined variable: data.nope', line: 1, column: 4 },
      ],
    });
  });

  it('names the part and position in the error render throws', async () => {
    const failure = renderer.render({ title: 'ok', body: '\n{{ data.missing }}' }, context, { html: false });
    await expect(failure).rejects.toThrow(
      'template did not render: body: undefined variable: data.missing (line 2, column 4)',
    );
  });

  it('renders a custom HTML template with the data escaped, and blocks string by string', async () => {
    const attempt = await renderer.renderAll(
      {
        title: 't',
        body: 'b',
        html: '<p>{{ data.job }}</p>',
        blocks: [{ type: 'section', text: { text: '*{{ data.job }}*' }, n: 1 }],
      },
      { ...context, data: { job: '<b>deploy</b>' } },
      { html: true },
    );
    expect(attempt.message?.html).toBe('<p>&lt;b&gt;deploy&lt;/b&gt;</p>');
    expect(attempt.message?.blocks).toEqual([{ type: 'section', text: { text: '*<b>deploy</b>*' }, n: 1 }]);
  });

  it('leaves html out unless asked for it', async () => {
    const attempt = await renderer.renderAll({ title: 't', body: 'b', html: '<p/>' }, context, {
      html: false,
    });
    expect(attempt.message).toEqual({ title: 't', markdown: 'b', text: 'b' });
  });
});
