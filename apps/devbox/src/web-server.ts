import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CaptureStore } from './capture-store.js';
import type { CaughtMail } from './mail-catcher.js';

export interface CaughtWebhook {
  id: number;
  receivedAt: string;
  method: string;
  /** Path and query, e.g. `/hooks/demo`. */
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The body as sent, and parsed when it is JSON (null otherwise). */
  body: string;
  json: unknown;
}

/** What `GET /api/messages` answers, newest first in both lists. */
export interface CaughtMessages {
  mails: CaughtMail[];
  webhooks: CaughtWebhook[];
}

const MAX_WEBHOOK_BYTES = 1024 * 1024;

/** `/` the page, `/api/messages` what was caught, `/hooks/*` the webhook receiver (any method). */
export class WebServer {
  readonly webhooks = new CaptureStore<CaughtWebhook>();
  private readonly server: http.Server;

  constructor(
    private readonly mails: CaptureStore<CaughtMail>,
    private readonly page: string,
  ) {
    this.server = http.createServer((request, response) => this.handle(request, response));
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve((this.server.address() as AddressInfo).port));
    });
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    const path = request.url ?? '/';
    if (path === '/hooks' || path.startsWith('/hooks/') || path.startsWith('/hooks?')) {
      this.receiveWebhook(request, response, path);
    } else if (request.method === 'GET' && path === '/') {
      send(response, 200, 'text/html; charset=utf-8', this.page);
    } else if (request.method === 'GET' && path === '/api/messages') {
      const messages: CaughtMessages = { mails: this.mails.list(), webhooks: this.webhooks.list() };
      send(response, 200, 'application/json', JSON.stringify(messages));
    } else {
      send(
        response,
        404,
        'application/json',
        JSON.stringify({ error: `nothing at ${request.method} ${path}` }),
      );
    }
  }

  private receiveWebhook(request: http.IncomingMessage, response: http.ServerResponse, path: string): void {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_WEBHOOK_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > MAX_WEBHOOK_BYTES) {
        send(response, 413, 'application/json', JSON.stringify({ error: 'body over 1 MB' }));
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      this.webhooks.add((id) => ({
        id,
        receivedAt: new Date().toISOString(),
        method: request.method ?? '',
        path,
        headers: request.headers,
        body,
        json: parseJson(body),
      }));
      send(response, 200, 'application/json', JSON.stringify({ ok: true }));
    });
  }
}

function send(response: http.ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

function parseJson(body: string): unknown {
  try {
    return body === '' ? null : (JSON.parse(body) as unknown);
  } catch {
    return null;
  }
}
