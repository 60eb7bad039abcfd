import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface CaughtMail {
  envelope: { from: string; to: string[] };
  parsed: ParsedMail;
}

/** A real SMTP server on 127.0.0.1 that keeps every message it accepts, parsed. */
export class SmtpCatcher {
  readonly messages: CaughtMail[] = [];
  private server?: SMTPServer;
  port = 0;

  async start(options: Partial<SMTPServerOptions> = {}): Promise<number> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      ...options,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            this.messages.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              parsed,
            });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export interface CaughtRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface ScriptedAnswer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  /** Answer this late, e.g. to keep sends in flight when a worker is killed. */
  delayMs?: number;
}

export type Responder = (request: CaughtRequest, countForPath: number) => ScriptedAnswer;

/** A real HTTP server that records every request and answers as the test scripts it. */
export class HttpCatcher {
  readonly requests: CaughtRequest[] = [];
  private server?: http.Server;
  port = 0;

  constructor(private readonly respond: Responder = () => ({ status: 200, body: 'ok' })) {}

  async start(): Promise<number> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request: CaughtRequest = {
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          at: Date.now(),
        };
        this.requests.push(request);
        const count = this.requests.filter((r) => r.path === request.path).length;
        const answer = this.respond(request, count);
        const reply = () => {
          // The sender may be gone (killed mid-send); there is no one left to answer then.
          if (res.destroyed) return;
          res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
          res.end(answer.body ?? '');
        };
        if (answer.delayMs) setTimeout(reply, answer.delayMs);
        else reply();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this.port;
  }

  /** How many requests carried each value of `header` (e.g. `x-message-id`), to count duplicates. */
  countByHeader(header: string, path?: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const request of this.requests) {
      if (path !== undefined && request.path !== path) continue;
      const raw = request.headers[header.toLowerCase()];
      const value = Array.isArray(raw) ? raw[0] : raw;
      if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return counts;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
