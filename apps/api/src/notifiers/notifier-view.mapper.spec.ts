import { MASKED_SECRET } from '@herald/contracts';
import { maskSecrets, toNotifierView } from './notifier-view.mapper.js';

describe('maskSecrets', () => {
  it("masks the channel's secret fields that are set, and only those", () => {
    expect(
      maskSecrets('webhook', {
        url: 'https://hooks.example.com/x',
        secret: 'hmac-key',
        bearerToken: 'tok',
        username: 'bot',
        password: null,
      }),
    ).toEqual({
      url: 'https://hooks.example.com/x',
      secret: MASKED_SECRET,
      bearerToken: MASKED_SECRET,
      username: 'bot',
      password: null,
    });
  });

  it('shows no value of a channel it does not know', () => {
    expect(maskSecrets('carrier-pigeon', { loft: 'north', ring: 7 })).toEqual({
      loft: MASKED_SECRET,
      ring: MASKED_SECRET,
    });
  });
});

describe('toNotifierView', () => {
  it('maps the record to the public view', () => {
    const at = new Date('2026-11-22T10:00:00.000Z');
    expect(
      toNotifierView({
        id: '0b6f9a8e-3c9d-4f7e-9a55-0f2b1d2c3e4f',
        name: 'smtp_main',
        type: 'email',
        description: null,
        isDefault: true,
        fallback: null,
        messages: { test: { title: 'Testing {{ notifier }}' } },
        maxAttempts: 8,
        config: { host: 'smtp.example.com', password: 'p4ss' },
        createdAt: at,
        updatedAt: at,
      }),
    ).toEqual({
      name: 'smtp_main',
      type: 'email',
      description: null,
      default: true,
      fallback: null,
      config: { host: 'smtp.example.com', password: MASKED_SECRET },
      messages: { test: { title: 'Testing {{ notifier }}' } },
      maxAttempts: 8,
      createdAt: '2026-11-22T10:00:00.000Z',
      updatedAt: '2026-11-22T10:00:00.000Z',
    });
  });
});
