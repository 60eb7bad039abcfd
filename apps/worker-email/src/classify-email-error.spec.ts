import { DeliveryError, DeliveryErrorCode } from '@herald/worker-kit';
import { classifyEmailError } from './classify-email-error.js';

/** Shaped the way nodemailer builds its errors: message, code and, after a reply, the reply. */
function smtpError(
  message: string,
  fields: { code?: string; responseCode?: number; response?: string; command?: string },
): Error {
  return Object.assign(new Error(message), fields);
}

const { Retryable, Permanent } = DeliveryErrorCode;

describe('classifyEmailError', () => {
  describe('with an SMTP reply', () => {
    it.each([
      ['451 greylisting on RCPT', 'EENVELOPE', 451, 'RCPT TO', Retryable],
      ['452 mailbox full', 'EENVELOPE', 452, 'RCPT TO', Retryable],
      ['421 service closing', 'ECONNECTION', 421, undefined, Retryable],
      ['454 temporary auth failure', 'EAUTH', 454, 'AUTH PLAIN', Retryable],
      ['503 bad sequence of commands', 'EPROTOCOL', 503, 'DATA', Retryable],
      ['550 unknown user', 'EENVELOPE', 550, 'RCPT TO', Permanent],
      ['553 sender not allowed', 'EENVELOPE', 553, 'MAIL FROM', Permanent],
      ['552 message too big', 'EMESSAGE', 552, 'DATA', Permanent],
      ['554 transaction failed', 'EMESSAGE', 554, 'DATA', Permanent],
      ['535 bad credentials', 'EAUTH', 535, 'AUTH PLAIN', Permanent],
    ])('%s is %s', (_case, code, responseCode, command, expected) => {
      const response = `${responseCode} something about it`;
      const error = smtpError(`Failed: ${response}`, { code, responseCode, response, command });

      const classified = classifyEmailError(error);

      expect(classified.code).toBe(expected);
      expect(classified.providerCode).toBe(String(responseCode));
      expect(classified.cause).toBe(error);
    });

    it('keeps the server reply and the command in the message', () => {
      const error = smtpError("Can't send mail - all recipients were rejected", {
        code: 'EENVELOPE',
        responseCode: 550,
        response: '550 5.1.1 <nobody@example.com>: Recipient address rejected',
        command: 'RCPT TO',
      });

      const classified = classifyEmailError(error);

      expect(classified.message).toBe(
        "EENVELOPE Can't send mail - all recipients were rejected: " +
          '550 5.1.1 <nobody@example.com>: Recipient address rejected after RCPT TO',
      );
    });

    it('does not repeat a reply already quoted in the message', () => {
      const response = '535 5.7.8 Authentication credentials invalid';
      const error = smtpError(`Invalid login: ${response}`, { code: 'EAUTH', responseCode: 535, response });

      expect(classifyEmailError(error).message).toBe(`EAUTH Invalid login: ${response}`);
    });

    it('cuts a long reply to 500 characters', () => {
      const response = `550 ${'x'.repeat(2000)}`;
      const error = smtpError('Message failed', { code: 'EMESSAGE', responseCode: 550, response });

      expect(classifyEmailError(error).message).toHaveLength(500);
    });
  });

  describe('without an SMTP reply', () => {
    it.each([
      ['EAUTH', 'Invalid login'],
      ['ENOAUTH', 'Missing credentials for "PLAIN"'],
      ['EENVELOPE', 'No recipients defined'],
      ['ECONFIG', 'The signal option must be an AbortSignal'],
      ['EMAXRECIPIENTS', 'Message has 200001 recipients'],
    ])('%s is permanent', (code, message) => {
      const classified = classifyEmailError(smtpError(message, { code }));

      expect(classified.code).toBe(Permanent);
      expect(classified.providerCode).toBe(code);
    });

    it.each([
      ['ECONNECTION', 'Connection closed unexpectedly'],
      ['ETIMEDOUT', 'Greeting never received'],
      ['ESOCKET', 'connect ECONNREFUSED 127.0.0.1:25'],
      ['EDNS', 'getaddrinfo ENOTFOUND smtp.example.invalid'],
      ['ETLS', 'self-signed certificate'],
      ['EPROTOCOL', 'Invalid greeting'],
      ['ESTREAM', 'stream error'],
    ])('%s is retryable', (code, message) => {
      const classified = classifyEmailError(smtpError(message, { code }));

      expect(classified.code).toBe(Retryable);
      expect(classified.providerCode).toBe(code);
      expect(classified.message).toBe(`${code} ${message}`);
    });

    it('names the socket error nodemailer relabelled', () => {
      const error = smtpError('certificate has expired', { code: 'ESOCKET' });
      Object.assign(error, { originalCode: 'CERT_HAS_EXPIRED' });

      const classified = classifyEmailError(error);

      expect(classified.code).toBe(Retryable);
      expect(classified.providerCode).toBe('ESOCKET');
      expect(classified.message).toBe('ESOCKET (CERT_HAS_EXPIRED) certificate has expired');
    });

    it('reports an aborted send as a dispatch timeout', () => {
      const aborted = Object.assign(smtpError('Message sending aborted', { code: 'EABORT' }), {
        name: 'AbortError',
      });

      const classified = classifyEmailError(aborted);

      expect(classified.code).toBe(Retryable);
      expect(classified.message).toMatch(/^dispatch timeout/);
    });

    it('retries what it does not recognise', () => {
      const plain = classifyEmailError(new Error('Connection pool was closed'));
      const thrownString = classifyEmailError('boom');

      expect(plain.code).toBe(Retryable);
      expect(plain.providerCode).toBeUndefined();
      expect(plain.message).toBe('Connection pool was closed');
      expect(thrownString.code).toBe(Retryable);
      expect(thrownString.message).toBe('boom');
    });
  });

  it('passes a DeliveryError through unchanged', () => {
    const original = DeliveryError.permanent('no recipients');

    expect(classifyEmailError(original)).toBe(original);
  });
});
