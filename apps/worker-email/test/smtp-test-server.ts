import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface ReceivedMail {
  mailFrom: string;
  rcptTo: string[];
  /** Whether the session was encrypted (implicit TLS or after STARTTLS) when DATA came. */
  secure: boolean;
  helo: string;
  parsed: ParsedMail;
}

export interface ReceivedAuth {
  method: string;
  username: string | undefined;
  password: string | null | undefined;
}

export interface SmtpTestServer {
  port: number;
  received: ReceivedMail[];
  auths: ReceivedAuth[];
  /** SMTP sessions opened so far; shows whether the client reused a pooled connection. */
  sessions: () => number;
  close: () => Promise<void>;
}

export const TEST_CREDENTIALS = { username: 'mailer', password: 's3cret pass' };

/** Replies an SMTP handler can give with a chosen code, e.g. 451 greylisting on RCPT. */
export function smtpReply(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * A real SMTP server on 127.0.0.1 and a free port. Accepts every message (parsed with
 * mailparser) and the TEST_CREDENTIALS; `options` override any handler. With `secure: true` or
 * STARTTLS it uses smtp-server's built-in self-signed certificate.
 */
export async function startSmtpServer(options: SMTPServerOptions = {}): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const auths: ReceivedAuth[] = [];
  let sessions = 0;

  const server = new SMTPServer({
    logger: false,
    disableReverseLookup: true,
    authOptional: true,
    closeTimeout: 500,
    onAuth(auth, _session, callback) {
      auths.push({ method: auth.method, username: auth.username, password: auth.password });
      const valid =
        auth.username === TEST_CREDENTIALS.username && auth.password === TEST_CREDENTIALS.password;
      if (valid) callback(null, { user: auth.username });
      else callback(smtpReply(535, 'Authentication credentials invalid'));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            secure: session.secure,
            helo: session.hostNameAppearsAs,
            parsed,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
    ...options,
  });
  server.on('connect', () => {
    sessions += 1;
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;

  return {
    port,
    received,
    auths,
    sessions: () => sessions,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
