import type { GotifyConfigDto } from '@herald/contracts';
import { outboundDelivery } from '@herald/worker-kit/testing';
import { buildGotifyPayload } from './build-gotify-payload.js';

function gotifyConfig(overrides: Partial<GotifyConfigDto> = {}): GotifyConfigDto {
  return { serverUrl: 'https://push.example.com', appToken: 'AZ7vPn0.xxYq-3b', ...overrides };
}

describe('buildGotifyPayload', () => {
  it('posts Markdown to /message with the app token header and the first action as click url', () => {
    const request = buildGotifyPayload(outboundDelivery(), gotifyConfig({ priority: 8 }));

    expect(request).toEqual({
      url: 'https://push.example.com/message',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Herald',
        'X-Gotify-Key': 'AZ7vPn0.xxYq-3b',
      },
      body: {
        title: 'Job deploy web failed',
        message: 'The job **deploy web** failed. [Open job](https://ci.example.com/jobs/42)',
        priority: 8,
        extras: {
          'client::display': { contentType: 'text/markdown' },
          'client::notification': { click: { url: 'https://ci.example.com/jobs/42' } },
        },
      },
    });
  });

  it('leaves the priority to the application default when none is configured', () => {
    const { body } = buildGotifyPayload(outboundDelivery(), gotifyConfig());

    expect(body).not.toHaveProperty('priority');
  });

  it('keeps a path prefix and drops a trailing slash', () => {
    const { url } = buildGotifyPayload(
      outboundDelivery(),
      gotifyConfig({ serverUrl: 'https://example.com/gotify/' }),
    );

    expect(url).toBe('https://example.com/gotify/message');
  });

  it('sends no click extra without actions', () => {
    const base = outboundDelivery();
    const delivery = outboundDelivery({ notification: { ...base.notification, actions: [] } });

    const { body } = buildGotifyPayload(delivery, gotifyConfig());

    expect(body.extras).toEqual({ 'client::display': { contentType: 'text/markdown' } });
  });

  it('sends the title as message when the body is empty, since Gotify requires one', () => {
    const delivery = outboundDelivery({ message: { title: 'Backup **done**', markdown: '', text: '' } });

    const { body } = buildGotifyPayload(delivery, gotifyConfig());

    expect(body.message).toBe('Backup done');
  });
});
