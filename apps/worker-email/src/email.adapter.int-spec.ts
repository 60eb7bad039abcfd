import { SmtpSecurity, type EmailConfigDto } from '@herald/contracts';
import { DeliveryErrorCode } from '@herald/worker-kit';
import { failureOf, openSignal } from '@herald/worker-kit/testing';
import type { SMTPServerOptions } from 'smtp-server';
import { emailConfig, emailNotifier, outboundDelivery } from '../test/outbound-delivery.fixture.js';
import {
  smtpReply,
  startSmtpServer,
  TEST_CREDENTIALS,
  type SmtpTestServer,
} from '../test/smtp-test-server.js';
import { EmailAdapter } from './email.adapter.js';

const servers: SmtpTestServer[] = [];
const adapters: EmailAdapter[] = [];

afterEach(async () => {
  // Adapters first: their pooled connections would otherwise hold the servers open.
  await Promise.all(adapters.splice(0).map((adapter) => adapter.close()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function smtpServer(options?: SMTPServerOptions): Promise<SmtpTestServer> {
  const server = await startSmtpServer(options);
  servers.push(server);
  return server;
}

function adapter(): EmailAdapter {
  const created = new EmailAdapter();
  adapters.push(created);
  return created;
}

function localConfig(server: SmtpTestServer, overrides: Partial<EmailConfigDto>): EmailConfigDto {
  return emailConfig({ host: '127.0.0.1', port: server.port, helo: 'herald.test', ...overrides });
}

describe('EmailAdapter against a real SMTP server', () => {
  it('sends in clear text with security none, even when the server offers STARTTLS', async () => {
    const server = await smtpServer();
    const delivery = outboundDelivery();
    const config = localConfig(server, { security: SmtpSecurity.None });

    const result = await adapter().send(delivery, emailNotifier(config), openSignal());

    expect(result).toEqual({ providerCode: '250', providerMessageId: `<${delivery.id}@example.com>` });
    expect(server.received).toHaveLength(1);
    const [mail] = server.received;
    expect(mail.secure).toBe(false);
    expect(mail.helo).toBe('herald.test');
    expect(mail.mailFrom).toBe('herald@example.com');
    expect(mail.rcptTo).toEqual(['ada@example.com']);
    expect(mail.parsed.subject).toBe('Job deploy web failed');
    expect(mail.parsed.text?.trim()).toBe('The job deploy web failed.');
    expect(mail.parsed.html).toBe('<p>The job <strong>deploy web</strong> failed.</p>');
    expect(mail.parsed.messageId).toBe(`<${delivery.id}@example.com>`);
    expect(mail.parsed.headers.get('x-herald-delivery-id')).toBe(delivery.id);
    expect(mail.parsed.headers.get('x-herald-notification-id')).toBe(delivery.notification.id);
  });

  it('upgrades with STARTTLS', async () => {
    const server = await smtpServer();
    const config = localConfig(server, { security: SmtpSecurity.StartTls, tlsSkipVerify: true });

    await adapter().send(outboundDelivery(), emailNotifier(config), openSignal());

    expect(server.received.map((mail) => mail.secure)).toEqual([true]);
  });

  it('speaks implicit TLS', async () => {
    const server = await smtpServer({ secure: true });
    const config = localConfig(server, { security: SmtpSecurity.Tls, tlsSkipVerify: true });

    await adapter().send(outboundDelivery(), emailNotifier(config), openSignal());

    expect(server.received.map((mail) => mail.secure)).toEqual([true]);
  });

  it('refuses the test certificate unless tlsSkipVerify is set, as a retryable error', async () => {
    // smtp-server's built-in certificate is self-signed (and, in this version, expired).
    const server = await smtpServer();
    const config = localConfig(server, { security: SmtpSecurity.StartTls });

    const error = await failureOf(adapter().send(outboundDelivery(), emailNotifier(config), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.providerCode).toBe('ESOCKET');
    expect(error.message).toMatch(/certificate/i);
    expect(server.received).toHaveLength(0);
  });

  it.each([
    ['PLAIN', SmtpSecurity.StartTls, {}],
    ['LOGIN', SmtpSecurity.Tls, { secure: true }],
  ])('authenticates with AUTH %s', async (method, security, serverOptions) => {
    const server = await smtpServer({ ...serverOptions, authMethods: [method], authOptional: false });
    const { username, password } = TEST_CREDENTIALS;
    const config = localConfig(server, { security, tlsSkipVerify: true, username, password });

    await adapter().send(outboundDelivery(), emailNotifier(config), openSignal());

    expect(server.auths).toEqual([{ method, username, password }]);
    expect(server.received).toHaveLength(1);
  });

  it('fails permanently on bad credentials', async () => {
    const server = await smtpServer({ authMethods: ['PLAIN'], authOptional: false });
    const config = localConfig(server, {
      security: SmtpSecurity.StartTls,
      tlsSkipVerify: true,
      username: TEST_CREDENTIALS.username,
      password: 'wrong',
    });

    const error = await failureOf(adapter().send(outboundDelivery(), emailNotifier(config), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.providerCode).toBe('535');
    expect(server.received).toHaveLength(0);
  });

  it('sends one message to every address of a list', async () => {
    const server = await smtpServer();
    const delivery = outboundDelivery({ address: 'ops@example.com, "Doe, Jane" <jane@example.org>' });
    const config = localConfig(server, { security: SmtpSecurity.None });

    await adapter().send(delivery, emailNotifier(config), openSignal());

    expect(server.received).toHaveLength(1);
    const [mail] = server.received;
    expect(mail.rcptTo).toEqual(['ops@example.com', 'jane@example.org']);
    const to = Array.isArray(mail.parsed.to) ? mail.parsed.to : [mail.parsed.to];
    expect(to.flatMap((header) => header?.value.map((entry) => entry.address))).toEqual([
      'ops@example.com',
      'jane@example.org',
    ]);
  });

  it('uses the notifier "to" list for a delivery without an address', async () => {
    const server = await smtpServer();
    const config = localConfig(server, {
      security: SmtpSecurity.None,
      to: ['a@example.com', 'b@example.com'],
    });

    await adapter().send(outboundDelivery({ address: null }), emailNotifier(config), openSignal());

    expect(server.received.map((mail) => mail.rcptTo)).toEqual([['a@example.com', 'b@example.com']]);
  });

  it.each([
    [451, DeliveryErrorCode.Retryable, 'Greylisted, try again later'],
    [550, DeliveryErrorCode.Permanent, 'No such user here'],
  ])('classifies %i on RCPT TO as %s', async (responseCode, expected, reply) => {
    const server = await smtpServer({
      onRcptTo: (_address, _session, callback) => callback(smtpReply(responseCode, reply)),
    });
    const config = localConfig(server, { security: SmtpSecurity.None });

    const error = await failureOf(adapter().send(outboundDelivery(), emailNotifier(config), openSignal()));

    expect(error.code).toBe(expected);
    expect(error.providerCode).toBe(String(responseCode));
    expect(error.message).toContain(reply);
  });

  it('retries when nothing listens on the port', async () => {
    const server = await smtpServer();
    const config = localConfig(server, { security: SmtpSecurity.None });
    await servers.splice(0)[0].close();

    const error = await failureOf(adapter().send(outboundDelivery(), emailNotifier(config), openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.providerCode).toBe('ESOCKET');
    expect(error.message).toContain('(ECONNREFUSED)');
  });

  it('reuses a pooled connection per notifier and opens a new one when its config changes', async () => {
    const server = await smtpServer();
    const sender = adapter();
    const config = localConfig(server, { security: SmtpSecurity.None });

    await sender.send(outboundDelivery({ id: 'd-1' }), emailNotifier(config), openSignal());
    await sender.send(outboundDelivery({ id: 'd-2' }), emailNotifier(config), openSignal());
    const sessionsBeforeEdit = server.sessions();
    await sender.send(
      outboundDelivery({ id: 'd-3' }),
      emailNotifier({ ...config, helo: 'edited' }),
      openSignal(),
    );

    expect(sessionsBeforeEdit).toBe(1);
    expect(server.sessions()).toBe(2);
    expect(server.received.map((mail) => mail.helo)).toEqual(['herald.test', 'herald.test', 'edited']);
  });

  it('gives up with a retryable dispatch timeout when aborted mid-message', async () => {
    const controller = new AbortController();
    const server = await smtpServer({
      onData(stream) {
        // Swallow the message and never answer, like a stalled server, then time out.
        stream.resume();
        controller.abort();
      },
    });
    const config = localConfig(server, { security: SmtpSecurity.None });

    const error = await failureOf(
      adapter().send(outboundDelivery(), emailNotifier(config), controller.signal),
    );

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.message).toMatch(/^dispatch timeout/);
  });

  it('fails permanently, without connecting, on an invalid notifier config', async () => {
    const server = await smtpServer();
    const notifier = emailNotifier(localConfig(server, { security: 'ssl' as SmtpSecurity }));

    const error = await failureOf(adapter().send(outboundDelivery(), notifier, openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toContain('config.security');
    expect(server.sessions()).toBe(0);
  });
});
