import { DEFAULT_TEMPLATE } from './default-template.js';
import { resolveChannelTemplate } from './resolve-channel-template.js';

describe('resolveChannelTemplate', () => {
  it('takes each part from the channel, else default, else the built-in template', () => {
    const templates = {
      default: { title: 'Default title', body: 'Default body' },
      email: { title: 'Email subject', html: '<p>{{ data.x }}</p>' },
    };
    expect(resolveChannelTemplate(templates, 'email')).toEqual({
      title: 'Email subject',
      body: 'Default body',
      html: '<p>{{ data.x }}</p>',
    });
    expect(resolveChannelTemplate(templates, 'webhook')).toEqual({
      title: 'Default title',
      body: 'Default body',
    });
    expect(resolveChannelTemplate(null, 'webhook')).toEqual({
      title: DEFAULT_TEMPLATE.title,
      body: DEFAULT_TEMPLATE.body,
    });
  });

  it('keeps html and blocks to the channel that defines them', () => {
    const templates = {
      default: { title: 't', html: '<p/>', blocks: [] },
      webhook: { blocks: [{ type: 'x' }] },
    };
    expect(resolveChannelTemplate(templates, 'email')).toEqual({ title: 't', body: DEFAULT_TEMPLATE.body });
    expect(resolveChannelTemplate(templates, 'webhook').blocks).toEqual([{ type: 'x' }]);
  });
});
