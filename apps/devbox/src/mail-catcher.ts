import type { AddressInfo } from 'node:net';
import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { CaptureStore } from './capture-store.js';

export interface CaughtMail {
  id: number;
  receivedAt: string;
  /** What the SMTP client said (MAIL FROM / RCPT TO): who it was really delivered to. */
  envelope: { from: string; to: string[] };
  /** The headers, as a mail client shows them. */
  from: string;
  to: string;
  subject: string;
  text: string | null;
  html: string | null;
}

// Far above anything Herald renders, low enough that a runaway sender cannot eat the memory.
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** A real SMTP server that accepts every message, in plain text, with or without any AUTH. */
export class MailCatcher {
  readonly mails = new CaptureStore<CaughtMail>();
  private readonly server: SMTPServer;

  constructor() {
    this.server = new SMTPServer({
      banner: 'Herald devbox mail catcher',
      authOptional: true,
      // Any username and password pass: a notifier configured with credentials must still deliver here.
      allowInsecureAuth: true,
      onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'anonymous' }),
      // The catcher has no certificate worth offering: `security: none` is what talks to it.
      disabledCommands: ['STARTTLS'],
      size: MAX_MESSAGE_BYTES,
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            this.mails.add((id) => ({
              id,
              receivedAt: new Date().toISOString(),
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((recipient) => recipient.address),
              },
              from: parsed.from?.text ?? '',
              to: addressText(parsed.to),
              subject: parsed.subject ?? '',
              text: parsed.text ?? null,
              html: typeof parsed.html === 'string' ? parsed.html : null,
            }));
            callback();
          })
          .catch(callback);
      },
    });
    // A broken client connection is the client's problem; the catcher keeps serving the others.
    this.server.on('error', () => undefined);
  }

  /** Resolves with the port once listening (pass 0 for any free one). */
  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(port, host, () => resolve((this.server.server.address() as AddressInfo).port));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function addressText(address: AddressObject | AddressObject[] | undefined): string {
  if (!address) return '';
  return (Array.isArray(address) ? address : [address]).map((entry) => entry.text).join(', ');
}
