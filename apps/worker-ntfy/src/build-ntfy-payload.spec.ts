import type { NtfyConfigDto } from '@herald/contracts';
import { outboundDelivery } from '@herald/worker-kit/testing';
import { buildNtfyPayload, NTFY_MAX_MESSAGE_BYTES } from './build-ntfy-payload.js';

function ntfyConfig(overrides: Partial<NtfyConfigDto> = {}): NtfyConfigDto {
  return { topic: 'herald_ops_alerts', ...overrides };
}

function withActions(count: number) {
  const base = outboundDelivery();
  const actions = Array.from({ length: count }, (_, index) => ({
    label: `Action ${index + 1}`,
    url: `https://ci.example.com/a/${index + 1}`,
  }));
  return outboundDelivery({ notification: { ...base.notification, actions } });
}

describe('buildNtfyPayload', () => {
  it('publishes JSON to the root of ntfy.sh, Markdown body, plain title, first action as click', () => {
    const request = buildNtfyPayload(outboundDelivery(), ntfyConfig());

    expect(request.url).toBe('https://ntfy.sh/');
    expect(request.headers).toEqual({ 'Content-Type': 'application/json', 'User-Agent': 'Herald' });
    expect(request.body).toEqual({
      topic: 'herald_ops_alerts',
      title: 'Job deploy web failed',
      message: 'The job **deploy web** failed. [Open job](https://ci.example.com/jobs/42)',
      markdown: true,
      click: 'https://ci.example.com/jobs/42',
      actions: [{ action: 'view', label: 'Open job', url: 'https://ci.example.com/jobs/42' }],
    });
  });

  it('adds the configured priority and tags', () => {
    const { body } = buildNtfyPayload(
      outboundDelivery(),
      ntfyConfig({ priority: 5, tags: ['warning', 'skull'] }),
    );

    expect(body.priority).toBe(5);
    expect(body.tags).toEqual(['warning', 'skull']);
  });

  it('keeps a self-hosted server path and drops its trailing slash', () => {
    const { url } = buildNtfyPayload(
      outboundDelivery(),
      ntfyConfig({ serverUrl: 'https://push.example.com/ntfy/' }),
    );

    expect(url).toBe('https://push.example.com/ntfy/');
  });

  it('sends at most three action buttons', () => {
    const { body } = buildNtfyPayload(withActions(5), ntfyConfig());

    expect(body.actions?.map((action) => action.label)).toEqual(['Action 1', 'Action 2', 'Action 3']);
  });

  it('sends neither click nor actions without actions', () => {
    const { body } = buildNtfyPayload(withActions(0), ntfyConfig());

    expect(body).not.toHaveProperty('click');
    expect(body).not.toHaveProperty('actions');
  });

  it('authenticates with a bearer token, which wins over basic credentials', () => {
    const withToken = buildNtfyPayload(
      outboundDelivery(),
      ntfyConfig({ token: 'tk_abc', username: 'u', password: 'p' }),
    );
    const withBasic = buildNtfyPayload(
      outboundDelivery(),
      ntfyConfig({ username: 'phil', password: 'my:pass' }),
    );

    expect(withToken.headers.Authorization).toBe('Bearer tk_abc');
    expect(withBasic.headers.Authorization).toBe(`Basic ${Buffer.from('phil:my:pass').toString('base64')}`);
  });

  it('cuts a message over 4096 bytes on a character boundary', () => {
    const markdown = 'é'.repeat(3000);
    const delivery = outboundDelivery({ message: { title: 't', markdown, text: markdown } });

    const { body } = buildNtfyPayload(delivery, ntfyConfig());

    expect(Buffer.byteLength(body.message, 'utf8')).toBeLessThanOrEqual(NTFY_MAX_MESSAGE_BYTES);
    expect(body.message).toMatch(/^é+…$/);
  });
});
