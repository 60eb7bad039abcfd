import { ChannelName } from './channel-name.enum.js';
import { validateChannelConfig } from './validate-channel-config.js';

describe('validateChannelConfig', () => {
  it('accepts a complete email config', () => {
    const problems = validateChannelConfig(ChannelName.Email, {
      host: 'smtp.example.com',
      port: 587,
      security: 'starttls',
      from: 'herald@example.com',
      to: ['ops@example.com'],
    });
    expect(problems).toEqual([]);
  });

  it('names the missing and wrong fields', () => {
    const problems = validateChannelConfig(ChannelName.Email, { port: 'x', security: 'ssl' });
    expect(problems.map((p) => p.field).sort()).toEqual([
      'config.from',
      'config.host',
      'config.port',
      'config.security',
    ]);
  });

  it('refuses unknown fields and non-http webhook urls', () => {
    const problems = validateChannelConfig(ChannelName.Webhook, { url: 'ftp://x', colour: 'red' });
    expect(problems.map((p) => p.field).sort()).toEqual(['config.colour', 'config.url']);
  });

  it('refuses a config that is not an object, and accepts an empty one where no field is required', () => {
    expect(validateChannelConfig(ChannelName.Webhook, 'https://example.com')).toEqual([
      { field: 'config', messages: ['config must be an object'] },
    ]);
    expect(validateChannelConfig(ChannelName.InApp, {})).toEqual([]);
  });
});
