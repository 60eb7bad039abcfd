import type { SignalConfigDto } from '@herald/contracts';
import { DeliveryErrorCode } from '@herald/worker-kit';
import { outboundDelivery, thrownBy } from '@herald/worker-kit/testing';
import { buildSignalPayload } from './build-signal-payload.js';

function signalConfig(overrides: Partial<SignalConfigDto> = {}): SignalConfigDto {
  return {
    serverUrl: 'http://signal-api:8080',
    number: '+4915100000001',
    recipients: ['group.cWZ5T0N3RGtPR0RqU3hZQ1lJVG9GZz09'],
    ...overrides,
  };
}

describe('buildSignalPayload', () => {
  it('posts styled text from the sender number to the user phone', () => {
    const request = buildSignalPayload(outboundDelivery({ address: '+44 7700 900123' }), signalConfig());

    expect(request).toEqual({
      url: 'http://signal-api:8080/v2/send',
      headers: { 'Content-Type': 'application/json', 'User-Agent': 'Herald' },
      body: {
        message:
          '**Job deploy web failed**\n\nThe job **deploy web** failed. Open job (https://ci.example.com/jobs/42)',
        number: '+4915100000001',
        recipients: ['+447700900123'],
        text_mode: 'styled',
      },
    });
  });

  it('sends a notifier target to the configured recipients', () => {
    const { body } = buildSignalPayload(outboundDelivery({ user: null }), signalConfig());

    expect(body.recipients).toEqual(['group.cWZ5T0N3RGtPR0RqU3hZQ1lJVG9GZz09']);
  });

  it('adds basic auth for a proxy in front of the API, and keeps a path prefix', () => {
    const config = signalConfig({
      serverUrl: 'https://proxy.example.com/signal/',
      username: 'herald',
      password: 's3cr:t',
    });

    const request = buildSignalPayload(outboundDelivery({ address: '+447700900123' }), config);

    expect(request.url).toBe('https://proxy.example.com/signal/v2/send');
    expect(request.headers.Authorization).toBe(`Basic ${Buffer.from('herald:s3cr:t').toString('base64')}`);
  });

  it.each([
    [null, /has no phone number/],
    ['07700 900123', /is not an E\.164 number/],
  ])('fails permanently for a user phone %p', (address, message) => {
    const error = thrownBy(() => buildSignalPayload(outboundDelivery({ address }), signalConfig()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toMatch(message);
  });

  it('fails permanently for a notifier target without recipients', () => {
    const error = thrownBy(() =>
      buildSignalPayload(outboundDelivery({ user: null }), signalConfig({ recipients: [] })),
    );

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toMatch(/no recipients/);
  });
});
