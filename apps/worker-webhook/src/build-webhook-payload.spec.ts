import { createHmac, timingSafeEqual } from 'node:crypto';
import { DeliveryErrorCode } from '@herald/worker-kit';
import { thrownBy } from '@herald/worker-kit/testing';
import { outboundDelivery, webhookConfig } from '../test/outbound-delivery.fixture.js';
import { buildWebhookPayload } from './build-webhook-payload.js';

/** What a receiver does: recompute the HMAC over the raw bytes and compare in constant time. */
function verifies(body: string, header: string, secret: string): boolean {
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', secret).update(Buffer.from(body)).digest('hex')}`,
  );
  const received = Buffer.from(header);
  return expected.length === received.length && timingSafeEqual(expected, received);
}

describe('buildWebhookPayload', () => {
  describe('body', () => {
    it('is the Coder-compatible document, field for field and in order', () => {
      const delivery = outboundDelivery();

      const { body } = buildWebhookPayload(delivery, webhookConfig());

      expect(body).toBe(
        JSON.stringify({
          _version: '1.1',
          msg_id: delivery.id,
          payload: {
            _version: '1.1',
            notification_name: 'job.failed',
            user_id: 'u-1',
            user_email: 'ada@example.com',
            user_name: 'Ada Lovelace',
            user_username: 'ada',
            actions: [{ label: 'Open job', url: 'https://ci.example.com/jobs/42' }],
            labels: { source_kind: 'job_template', source_id: '42', trigger: 'error' },
            data: { job: 'deploy web', run: 7, tags: ['prod'], author: { login: 'ada' } },
          },
          title: 'Job deploy web failed',
          body: 'The job deploy web failed. Open job: https://ci.example.com/jobs/42',
          title_markdown: 'Job **deploy web** failed',
          body_markdown: 'The job **deploy web** failed. [Open job](https://ci.example.com/jobs/42)',
        }),
      );
    });

    it('sends empty user fields and labels for a notifier delivery without source or trigger', () => {
      const base = outboundDelivery();
      const delivery = outboundDelivery({
        user: null,
        notification: { ...base.notification, source: null, trigger: null, actions: [] },
      });

      const { payload } = JSON.parse(buildWebhookPayload(delivery, webhookConfig()).body);

      expect(payload).toMatchObject({
        user_id: '',
        user_email: '',
        user_name: '',
        user_username: '',
        actions: [],
        labels: {},
      });
    });

    it('keeps only the label and url of each action', () => {
      const base = outboundDelivery();
      const action = Object.assign({ label: 'Open', url: 'https://x.example' }, { style: 'primary' });
      const delivery = outboundDelivery({ notification: { ...base.notification, actions: [action] } });

      const { payload } = JSON.parse(buildWebhookPayload(delivery, webhookConfig()).body);

      expect(payload.actions).toEqual([{ label: 'Open', url: 'https://x.example' }]);
    });

    it('fills user fields a profile lacks with ""', () => {
      const delivery = outboundDelivery({ user: { id: 'u-2', email: null, name: null, username: 'bob' } });

      const { payload } = JSON.parse(buildWebhookPayload(delivery, webhookConfig()).body);

      expect(payload).toMatchObject({ user_id: 'u-2', user_email: '', user_name: '', user_username: 'bob' });
    });

    it.each([
      ['**Deploy** failed', 'Deploy failed'],
      ['Job *42* and _web_ failed', 'Job 42 and web failed'],
      ['`main` is ~~green~~ red', 'main is green red'],
      [
        'See [the run](https://ci.example.com/1) ![logo](https://x/l.png)',
        'See the run (https://ci.example.com/1) logo',
      ],
      ['## Heading title', 'Heading title'],
      ['snake_case_name and 2 * 3 * 4', 'snake_case_name and 2 * 3 * 4'],
      ['Literal \\*stars\\* and \\_under\\_', 'Literal *stars* and _under_'],
      ['Visit <https://herald.example.com>', 'Visit https://herald.example.com'],
    ])('renders the title %p as plain text %p', (title, plain) => {
      const delivery = outboundDelivery({ message: { title, markdown: '', text: '' } });

      const parsed = JSON.parse(buildWebhookPayload(delivery, webhookConfig()).body);

      expect(parsed.title).toBe(plain);
      expect(parsed.title_markdown).toBe(title);
    });
  });

  describe('request', () => {
    it('posts to the configured url unless PUT is asked for', () => {
      const post = buildWebhookPayload(outboundDelivery(), webhookConfig());
      const put = buildWebhookPayload(outboundDelivery(), webhookConfig({ method: 'PUT' }));

      expect(post.url).toBe('https://hooks.example.com/herald');
      expect(post.method).toBe('POST');
      expect(put.method).toBe('PUT');
    });

    it('sets the JSON, agent and message id headers, unsigned without a secret', () => {
      const delivery = outboundDelivery();

      const { headers } = buildWebhookPayload(delivery, webhookConfig());

      expect(headers).toEqual({
        'Content-Type': 'application/json',
        'User-Agent': 'Herald',
        'X-Message-Id': delivery.id,
      });
    });

    it('signs the exact body bytes with the secret', () => {
      const secret = 'whsec_ü-not-ascii';
      const delivery = outboundDelivery({ message: { title: 'Café ☕', markdown: 'é', text: 'é' } });

      const { body, headers } = buildWebhookPayload(delivery, webhookConfig({ secret }));

      expect(headers['X-Herald-Signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
      expect(verifies(body, headers['X-Herald-Signature'], secret)).toBe(true);
      expect(verifies(body, headers['X-Herald-Signature'], 'other secret')).toBe(false);
      expect(verifies(body.replace('Café', 'Cafe'), headers['X-Herald-Signature'], secret)).toBe(false);
    });

    it('sends basic auth from username and password', () => {
      const config = webhookConfig({ username: 'herald', password: 'p@ss:word' });

      const { headers } = buildWebhookPayload(outboundDelivery(), config);

      expect(headers.Authorization).toBe(`Basic ${Buffer.from('herald:p@ss:word').toString('base64')}`);
    });

    it('sends a bearer token, which wins over basic auth', () => {
      const config = webhookConfig({ bearerToken: 'tok_123', username: 'herald', password: 'x' });

      const { headers } = buildWebhookPayload(outboundDelivery(), config);

      expect(headers.Authorization).toBe('Bearer tok_123');
    });

    it('adds custom headers without letting them replace what Herald owns', () => {
      const delivery = outboundDelivery();
      const config = webhookConfig({
        secret: 'k',
        bearerToken: 'tok_123',
        headers: {
          'X-Team': 'ops',
          'user-agent': 'Herald/Ops',
          'content-type': 'text/plain',
          'x-message-id': 'forged',
          'X-HERALD-SIGNATURE': 'sha256=forged',
          authorization: 'Basic forged',
          'Content-Length': '1',
        },
      });

      const { headers, body } = buildWebhookPayload(delivery, config);

      expect(headers).toEqual({
        'Content-Type': 'application/json',
        'user-agent': 'Herald/Ops',
        'X-Team': 'ops',
        Authorization: 'Bearer tok_123',
        'X-Message-Id': delivery.id,
        'X-Herald-Signature': expect.stringMatching(/^sha256=/),
      });
      expect(verifies(body, headers['X-Herald-Signature'], 'k')).toBe(true);
    });

    it('keeps a custom Authorization when no auth is configured', () => {
      const config = webhookConfig({ headers: { Authorization: 'Token abc' } });

      const { headers } = buildWebhookPayload(outboundDelivery(), config);

      expect(headers.Authorization).toBe('Token abc');
    });
  });

  describe('bad config', () => {
    it.each([
      ['not a url', /invalid webhook url/],
      ['ftp://files.example.com/drop', /must be http or https/],
    ])('fails permanently on the url %p', (url, message) => {
      const error = thrownBy(() => buildWebhookPayload(outboundDelivery(), webhookConfig({ url })));

      expect(error.code).toBe(DeliveryErrorCode.Permanent);
      expect(error.message).toMatch(message);
    });

    it.each([
      ['a name with a space', { 'X Team': 'ops' }],
      ['a value with a line break', { 'X-Team': 'ops\r\nX-Injected: 1' }],
      ['a value that is an object', { 'X-Team': { nested: true } }],
    ])('fails permanently on a custom header with %s', (_case, headers) => {
      const config = webhookConfig({ headers: headers as unknown as Record<string, string> });

      const error = thrownBy(() => buildWebhookPayload(outboundDelivery(), config));

      expect(error.code).toBe(DeliveryErrorCode.Permanent);
      expect(error.message).toMatch(/invalid custom header/);
    });
  });
});
