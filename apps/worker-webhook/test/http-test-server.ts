import { createServer as createHttpServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { TEST_TLS_CERT, TEST_TLS_KEY } from './test-tls-certificate.js';

export interface ReceivedRequest {
  method: string;
  /** Path and query as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The raw body bytes, to check a signature exactly as a receiver would. */
  body: Buffer;
}

/** Answers one received request; the default answers 200 "ok". */
export type Reply = (request: ReceivedRequest, response: ServerResponse) => void;

export interface HttpTestServer {
  /** `http(s)://127.0.0.1:<port>` without a trailing slash. */
  origin: string;
  received: ReceivedRequest[];
  /** TCP connections accepted so far; shows whether the client kept one alive. */
  connections: () => number;
  reply: (handler: Reply) => void;
  close: () => Promise<void>;
}

/** A real HTTP (or, with `tls`, HTTPS with a self-signed certificate) server on 127.0.0.1:0. */
export async function startHttpServer(options: { tls?: boolean } = {}): Promise<HttpTestServer> {
  const received: ReceivedRequest[] = [];
  let connections = 0;
  let handler: Reply = (_request, response) => response.end('ok');

  const server = options.tls
    ? createHttpsServer({ key: TEST_TLS_KEY, cert: TEST_TLS_CERT })
    : createHttpServer();
  server.on('request', (incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request: ReceivedRequest = {
        method: incoming.method ?? '',
        url: incoming.url ?? '',
        headers: incoming.headers,
        body: Buffer.concat(chunks),
      };
      received.push(request);
      handler(request, response);
    });
  });
  server.on(options.tls ? 'secureConnection' : 'connection', () => {
    connections += 1;
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    received,
    connections: () => connections,
    reply: (next) => {
      handler = next;
    },
    close: async () => {
      // Kept-alive and deliberately unanswered requests would otherwise hold close() open.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
