import type { PushoverConfigDto } from '@herald/contracts';
import { DeliveryErrorCode } from '@herald/worker-kit';
import { outboundDelivery, thrownBy } from '@herald/worker-kit/testing';
import { buildPushoverPayload, PUSHOVER_LIMITS } from './build-pushover-payload.js';

const TOKEN = 'azGDORePK8gMaC0QOYAMyEEuzJnyUi';
const USER_KEY = 'uQiRzpo4DXghDmr9QzzfQu27cmVRsG';

function pushoverConfig(overrides: Partial<PushoverConfigDto> = {}): PushoverConfigDto {
  return { token: TOKEN, userKey: USER_KEY, ...overrides };
}

/** A delivery for the user Ada, whose Pushover key is her address. */
function userDelivery(overrides: Parameters<typeof outboundDelivery>[0] = {}) {
  return outboundDelivery({ address: 'gznej3rKEVAvPUxu9vvNnqpmZpokzF', ...overrides });
}

describe('buildPushoverPayload', () => {
  it('form-encodes the message for the user, with HTML, the first action and the event time', () => {
    const request = buildPushoverPayload(userDelivery(), pushoverConfig());

    expect(request.url).toBe('https://api.pushover.net/1/messages.json');
    expect(request.headers).toEqual({
      'Content-Type': 'application/x-www-form-urlencoded',
      'User-Agent': 'Herald',
    });
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      token: TOKEN,
      user: 'gznej3rKEVAvPUxu9vvNnqpmZpokzF',
      message: 'The job <b>deploy web</b> failed. <a href="https://ci.example.com/jobs/42">Open job</a>',
      html: '1',
      title: 'Job deploy web failed',
      timestamp: '1767323045',
      url: 'https://ci.example.com/jobs/42',
      url_title: 'Open job',
    });
    expect(request.body).toBe(new URLSearchParams({ ...request.fields }).toString());
  });

  it('sends a notifier target to the configured user key', () => {
    const { fields } = buildPushoverPayload(outboundDelivery({ user: null }), pushoverConfig());

    expect(fields.user).toBe(USER_KEY);
  });

  it('adds priority, sound and device, and retry/expire for emergency priority', () => {
    const config = pushoverConfig({ priority: 2, retry: 60, expire: 3600, sound: 'siren', device: 'iphone' });

    const { fields } = buildPushoverPayload(userDelivery(), config);

    expect(fields).toMatchObject({
      priority: '2',
      retry: '60',
      expire: '3600',
      sound: 'siren',
      device: 'iphone',
    });
  });

  it('leaves retry and expire out below emergency priority', () => {
    const { fields } = buildPushoverPayload(userDelivery(), pushoverConfig({ priority: 1, retry: 60 }));

    expect(fields.priority).toBe('1');
    expect(fields).not.toHaveProperty('retry');
    expect(fields).not.toHaveProperty('expire');
  });

  it('posts to a configured apiUrl, without doubling its slash', () => {
    const request = buildPushoverPayload(
      userDelivery(),
      pushoverConfig({ apiUrl: 'http://127.0.0.1:8080/' }),
    );

    expect(request.url).toBe('http://127.0.0.1:8080/1/messages.json');
  });

  it('falls back to shortened plain text when the HTML would pass 1024 characters', () => {
    const long = 'word '.repeat(400);
    const delivery = userDelivery({ message: { title: 'T', markdown: `**${long}**`, text: long } });

    const { fields } = buildPushoverPayload(delivery, pushoverConfig());

    expect(fields.html).toBeUndefined();
    expect(fields.message).toHaveLength(PUSHOVER_LIMITS.message);
    expect(fields.message.endsWith('…')).toBe(true);
  });

  it('shortens the title to 250 characters and the url title to 100', () => {
    const base = userDelivery();
    const delivery = userDelivery({
      message: { ...base.message, title: 'x'.repeat(300) },
      notification: { ...base.notification, actions: [{ label: 'y'.repeat(150), url: 'https://x.example' }] },
    });

    const { fields } = buildPushoverPayload(delivery, pushoverConfig());

    expect(fields.title).toHaveLength(250);
    expect(fields.url_title).toHaveLength(100);
  });

  it('leaves out an action url longer than Pushover takes', () => {
    const base = userDelivery();
    const url = `https://x.example/${'a'.repeat(600)}`;
    const delivery = userDelivery({
      notification: { ...base.notification, actions: [{ label: 'Open', url }] },
    });

    const { fields } = buildPushoverPayload(delivery, pushoverConfig());

    expect(fields).not.toHaveProperty('url');
    expect(fields).not.toHaveProperty('url_title');
  });

  it('sends the title when the body is empty, since Pushover refuses an empty message', () => {
    const delivery = userDelivery({ message: { title: 'Backup **done**', markdown: ' ', text: '' } });

    const { fields } = buildPushoverPayload(delivery, pushoverConfig());

    expect(fields.message).toBe('Backup done');
    expect(fields.html).toBeUndefined();
  });

  it('fails permanently for a user without a Pushover key', () => {
    const error = thrownBy(() => buildPushoverPayload(outboundDelivery({ address: null }), pushoverConfig()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toMatch(/user u-1 has no Pushover user key/);
  });

  it('fails permanently for a notifier target without userKey', () => {
    const config = pushoverConfig({ userKey: undefined });

    const error = thrownBy(() => buildPushoverPayload(outboundDelivery({ user: null }), config));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toMatch(/no userKey/);
  });
});
