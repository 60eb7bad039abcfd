import { ChannelName, MASKED_SECRET, NotifierMessagesDto } from '@herald/contracts';
import { plainToInstance } from 'class-transformer';
import {
  maskedSecretProblems,
  mergeConfig,
  mergeMessages,
  toNotifierMessages,
} from './notifier-changes.mapper.js';

const STORED = { url: 'https://hooks.example.com/a', secret: 'hmac-key', bearerToken: 'tok', method: 'POST' };

describe('mergeConfig', () => {
  it('merges field by field, keeping a secret sent back as $encrypted$', () => {
    const { config, problems } = mergeConfig(ChannelName.Webhook, STORED, {
      url: 'https://hooks.example.com/b',
      secret: MASKED_SECRET,
      bearerToken: MASKED_SECRET,
      username: 'bot',
    });
    expect(problems).toEqual([]);
    expect(config).toEqual({ ...STORED, url: 'https://hooks.example.com/b', username: 'bot' });
  });

  it('removes a field sent as null and replaces a secret sent in full', () => {
    const { config } = mergeConfig(ChannelName.Webhook, STORED, { bearerToken: null, secret: 'new-key' });
    expect(config).toEqual({ url: STORED.url, secret: 'new-key', method: 'POST' });
  });

  it('refuses $encrypted$ for a secret that is not stored, and leaves non-secret fields literal', () => {
    const { config, problems } = mergeConfig(
      ChannelName.Webhook,
      { url: STORED.url },
      { password: MASKED_SECRET, username: MASKED_SECRET },
    );
    expect(problems).toEqual([
      { field: 'config.password', messages: [expect.stringContaining('none is stored')] },
    ]);
    expect(config).toEqual({ url: STORED.url, username: MASKED_SECRET });
  });

  it('does not touch the stored object', () => {
    const stored = { ...STORED };
    mergeConfig(ChannelName.Webhook, stored, { secret: null });
    expect(stored).toEqual(STORED);
  });
});

describe('maskedSecretProblems', () => {
  it('names secret fields holding $encrypted$ in a new config', () => {
    expect(
      maskedSecretProblems(ChannelName.Email, { password: MASKED_SECRET, username: MASKED_SECRET }),
    ).toEqual([{ field: 'config.password', messages: [expect.stringContaining('send the secret itself')] }]);
    expect(maskedSecretProblems(ChannelName.Email, { password: 'real' })).toEqual([]);
  });
});

describe('notifier messages', () => {
  const dto = (plain: object) => plainToInstance(NotifierMessagesDto, plain);

  it('copies validated messages into plain objects, dropping empty ones', () => {
    const messages = toNotifierMessages(
      dto({ test: { title: 'T' }, error: { title: 'E', body: 'B' }, success: null }),
    );
    expect(messages).toEqual({ test: { title: 'T' }, error: { title: 'E', body: 'B' } });
    expect(Object.getPrototypeOf(messages!.test)).toBe(Object.prototype);
    expect(toNotifierMessages(undefined)).toBeNull();
    expect(toNotifierMessages(dto({}))).toBeNull();
  });

  it('merges key by key: a key replaces its message, null removes it, null for all clears', () => {
    const stored = { default: { title: 'D' }, test: { title: 'T', body: 'old' } };
    expect(mergeMessages(stored, dto({ test: { body: 'new' }, error: { title: 'E' } }))).toEqual({
      default: { title: 'D' },
      test: { body: 'new' },
      error: { title: 'E' },
    });
    expect(mergeMessages(stored, dto({ test: null }))).toEqual({ default: { title: 'D' } });
    expect(mergeMessages(stored, dto({ test: null, default: null }))).toBeNull();
    expect(mergeMessages(stored, null)).toBeNull();
    expect(mergeMessages(null, dto({ test: { title: 'T' } }))).toEqual({ test: { title: 'T' } });
  });
});
