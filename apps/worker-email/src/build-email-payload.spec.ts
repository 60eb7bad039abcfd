import { SmtpSecurity } from '@herald/contracts';
import { DeliveryErrorCode } from '@herald/worker-kit';
import { thrownBy } from '@herald/worker-kit/testing';
import { emailConfig, outboundDelivery } from '../test/outbound-delivery.fixture.js';
import { buildEmailPayload, SMTP_TIMEOUTS } from './build-email-payload.js';

describe('buildEmailPayload', () => {
  describe('transport', () => {
    it.each([
      [SmtpSecurity.None, { secure: false, requireTLS: false, ignoreTLS: true }],
      [SmtpSecurity.StartTls, { secure: false, requireTLS: true, ignoreTLS: false }],
      [SmtpSecurity.Tls, { secure: true, requireTLS: false, ignoreTLS: false }],
    ])('maps security %s to the TLS switches', (security, switches) => {
      const { transport } = buildEmailPayload(outboundDelivery(), emailConfig({ security, port: 2525 }));

      expect(transport).toEqual({
        host: 'smtp.example.com',
        port: 2525,
        ...switches,
        tls: { rejectUnauthorized: true },
        ...SMTP_TIMEOUTS,
      });
    });

    it('skips certificate checks only when asked', () => {
      const strict = buildEmailPayload(outboundDelivery(), emailConfig({ tlsSkipVerify: false }));
      const lax = buildEmailPayload(outboundDelivery(), emailConfig({ tlsSkipVerify: true }));

      expect(strict.transport.tls).toEqual({ rejectUnauthorized: true });
      expect(lax.transport.tls).toEqual({ rejectUnauthorized: false });
    });

    it('authenticates with the username and password, leaving the SASL method to negotiation', () => {
      const config = emailConfig({ username: 'mailer', password: 's3cret' });

      const { transport } = buildEmailPayload(outboundDelivery(), config);

      expect(transport.auth).toEqual({ user: 'mailer', pass: 's3cret' });
    });

    it('sends an empty password when only a username is set, and no AUTH without a username', () => {
      const userOnly = buildEmailPayload(outboundDelivery(), emailConfig({ username: 'mailer' }));
      const anonymous = buildEmailPayload(outboundDelivery(), emailConfig({ password: 'ignored' }));

      expect(userOnly.transport.auth).toEqual({ user: 'mailer', pass: '' });
      expect(anonymous.transport).not.toHaveProperty('auth');
    });

    it('introduces itself with the configured HELO name', () => {
      const named = buildEmailPayload(outboundDelivery(), emailConfig({ helo: 'herald.example.com' }));
      const unnamed = buildEmailPayload(outboundDelivery(), emailConfig());

      expect(named.transport.name).toBe('herald.example.com');
      expect(unnamed.transport).not.toHaveProperty('name');
    });

    it('fails a dead server well before nodemailer would', () => {
      const { transport } = buildEmailPayload(outboundDelivery(), emailConfig());

      expect(transport.connectionTimeout).toBeLessThanOrEqual(30_000);
      expect(transport.greetingTimeout).toBeLessThanOrEqual(30_000);
      expect(transport.socketTimeout).toBeLessThanOrEqual(60_000);
    });
  });

  describe('message', () => {
    it('carries the rendered subject, text and HTML with the Herald headers', () => {
      const delivery = outboundDelivery();

      const { message } = buildEmailPayload(delivery, emailConfig());

      expect(message).toEqual({
        from: 'Herald <herald@example.com>',
        to: ['ada@example.com'],
        subject: 'Job deploy web failed',
        text: 'The job deploy web failed.',
        html: '<p>The job <strong>deploy web</strong> failed.</p>',
        messageId: `<${delivery.id}@example.com>`,
        headers: {
          'X-Herald-Delivery-Id': delivery.id,
          'X-Herald-Notification-Id': delivery.notification.id,
          'Auto-Submitted': 'auto-generated',
        },
      });
    });

    it('sends text only when there is no HTML', () => {
      const delivery = outboundDelivery({ message: { title: 'Hi', markdown: 'Hi', text: 'Hi there' } });

      const { message } = buildEmailPayload(delivery, emailConfig());

      expect(message.text).toBe('Hi there');
      expect(message).not.toHaveProperty('html');
    });

    it('keeps the Message-ID stable across attempts', () => {
      const first = buildEmailPayload(outboundDelivery({ attemptNumber: 1 }), emailConfig());
      const second = buildEmailPayload(outboundDelivery({ attemptNumber: 3 }), emailConfig());

      expect(second.message.messageId).toBe(first.message.messageId);
    });

    it('falls back to a reserved domain when the sender has none usable', () => {
      const delivery = outboundDelivery();

      const { message } = buildEmailPayload(delivery, emailConfig({ from: 'herald' }));

      expect(message.messageId).toBe(`<${delivery.id}@herald.invalid>`);
    });
  });

  describe('recipients', () => {
    it('splits a comma-separated address list, display names included', () => {
      const delivery = outboundDelivery({
        address: 'ops@example.com, "Doe, Jane" <jane@example.org>,dev@example.net',
      });

      const { message } = buildEmailPayload(delivery, emailConfig());

      expect(message.to).toEqual([
        'ops@example.com',
        { name: 'Doe, Jane', address: 'jane@example.org' },
        'dev@example.net',
      ]);
    });

    it.each([null, '', '   '])('uses the notifier "to" list when the delivery address is %p', (address) => {
      const config = emailConfig({ to: ['ops@example.com', 'oncall@example.com'] });

      const { message } = buildEmailPayload(outboundDelivery({ address }), config);

      expect(message.to).toEqual(['ops@example.com', 'oncall@example.com']);
    });

    it('prefers the delivery address over the notifier "to" list', () => {
      const config = emailConfig({ to: ['ops@example.com'] });

      const { message } = buildEmailPayload(outboundDelivery({ address: 'ada@example.com' }), config);

      expect(message.to).toEqual(['ada@example.com']);
    });

    it.each([
      ['no address and no "to"', null, undefined],
      ['no address and an empty "to"', null, []],
    ])('fails permanently with %s', (_case, address, to) => {
      const error = thrownBy(() => buildEmailPayload(outboundDelivery({ address }), emailConfig({ to })));

      expect(error.code).toBe(DeliveryErrorCode.Permanent);
      expect(error.message).toMatch(/no recipients/);
    });

    it('fails permanently on an address that is not one', () => {
      const delivery = outboundDelivery({ address: 'ops@example.com, not-an-address' });

      const error = thrownBy(() => buildEmailPayload(delivery, emailConfig()));

      expect(error.code).toBe(DeliveryErrorCode.Permanent);
      expect(error.message).toContain('not-an-address');
    });
  });
});
