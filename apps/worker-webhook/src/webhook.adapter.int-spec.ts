import { createHmac } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { WebhookConfigDto } from '@herald/contracts';
import { DeliveryErrorCode } from '@herald/worker-kit';
import { failureOf, openSignal } from '@herald/worker-kit/testing';
import { startHttpServer, type HttpTestServer } from '../test/http-test-server.js';
import { outboundDelivery, webhookConfig, webhookNotifier } from '../test/outbound-delivery.fixture.js';
import { buildWebhookPayload } from './build-webhook-payload.js';
import { WebhookAdapter } from './webhook.adapter.js';

const servers: HttpTestServer[] = [];
const adapters: WebhookAdapter[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  await Promise.all(adapters.splice(0).map((adapter) => adapter.close()));
});

async function httpServer(options?: { tls?: boolean }): Promise<HttpTestServer> {
  const server = await startHttpServer(options);
  servers.push(server);
  return server;
}

function adapter(): WebhookAdapter {
  const created = new WebhookAdapter();
  adapters.push(created);
  return created;
}

function answering(server: HttpTestServer, status: number, headers: Record<string, string> = {}, body = '') {
  server.reply((_request, response) => {
    response.writeHead(status, headers);
    response.end(body);
  });
}

describe('WebhookAdapter against a real HTTP server', () => {
  it('POSTs the signed body with every header the receiver needs', async () => {
    const server = await httpServer();
    const delivery = outboundDelivery();
    const config: WebhookConfigDto = webhookConfig({
      url: `${server.origin}/hooks/herald?team=ops`,
      secret: 'whsec_test',
      username: 'herald',
      password: 'p@ss',
      headers: { 'X-Team': 'ops' },
    });

    const result = await adapter().send(delivery, webhookNotifier(config), openSignal());

    expect(result).toEqual({ providerCode: '200' });
    expect(server.received).toHaveLength(1);
    const [request] = server.received;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/hooks/herald?team=ops');
    expect(request.body.toString('utf8')).toBe(buildWebhookPayload(delivery, config).body);
    expect(JSON.parse(request.body.toString('utf8'))).toMatchObject({ _version: '1.1', msg_id: delivery.id });
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'Herald',
      'x-message-id': delivery.id,
      'x-team': 'ops',
      authorization: `Basic ${Buffer.from('herald:p@ss').toString('base64')}`,
    });
    const expected = `sha256=${createHmac('sha256', 'whsec_test').update(request.body).digest('hex')}`;
    expect(request.headers['x-herald-signature']).toBe(expected);
  });

  it('PUTs with a bearer token and no signature when there is no secret', async () => {
    const server = await httpServer();
    const config = webhookConfig({ url: `${server.origin}/put-here`, method: 'PUT', bearerToken: 'tok_123' });

    await adapter().send(outboundDelivery(), webhookNotifier(config), openSignal());

    const [request] = server.received;
    expect(request.method).toBe('PUT');
    expect(request.url).toBe('/put-here');
    expect(request.headers.authorization).toBe('Bearer tok_123');
    expect(request.headers).not.toHaveProperty('x-herald-signature');
  });

  it('takes any 2xx, with or without a body, as delivered', async () => {
    const server = await httpServer();
    const sender = adapter();
    const notifier = webhookNotifier(webhookConfig({ url: server.origin }));

    answering(server, 204);
    const empty = await sender.send(outboundDelivery(), notifier, openSignal());
    answering(server, 202, {}, 'x'.repeat(1024 * 1024));
    const large = await sender.send(outboundDelivery(), notifier, openSignal());

    expect([empty, large]).toEqual([{ providerCode: '204' }, { providerCode: '202' }]);
  });

  it('keeps the connection alive between deliveries', async () => {
    const server = await httpServer();
    const sender = adapter();
    const notifier = webhookNotifier(webhookConfig({ url: server.origin }));

    await sender.send(outboundDelivery({ id: 'd-1' }), notifier, openSignal());
    // undici hands the socket back to its pool one turn of the event loop after the body ends;
    // a request started in the same turn gets a second connection, as concurrent ones would.
    await nextTurn();
    await sender.send(outboundDelivery({ id: 'd-2' }), notifier, openSignal());

    expect(server.received.map((request) => request.headers['x-message-id'])).toEqual(['d-1', 'd-2']);
    expect(server.connections()).toBe(1);
  });

  it.each([
    [500, DeliveryErrorCode.Retryable],
    [503, DeliveryErrorCode.Retryable],
    [400, DeliveryErrorCode.Permanent],
    [404, DeliveryErrorCode.Permanent],
  ])('classifies HTTP %i as %s, quoting the response', async (status, expected) => {
    const server = await httpServer();
    answering(server, status, { 'content-type': 'application/json' }, `{"error":"status ${status}"}`);
    const notifier = webhookNotifier(webhookConfig({ url: server.origin }));

    const error = await failureOf(adapter().send(outboundDelivery(), notifier, openSignal()));

    expect(error.code).toBe(expected);
    expect(error.providerCode).toBe(String(status));
    expect(error.message).toBe(`webhook answered HTTP ${status}: {"error":"status ${status}"}`);
  });

  it('quotes no more than 500 characters of a huge error page', async () => {
    const server = await httpServer();
    answering(server, 502, {}, '<html>'.padEnd(4 * 1024 * 1024, 'x'));
    const notifier = webhookNotifier(webhookConfig({ url: server.origin }));

    const error = await failureOf(adapter().send(outboundDelivery(), notifier, openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.message.replace('webhook answered HTTP 502: ', '')).toHaveLength(500);
  });

  it('is rate limited for as long as Retry-After says', async () => {
    const server = await httpServer();
    answering(server, 429, { 'retry-after': '2' }, 'slow down');
    const notifier = webhookNotifier(webhookConfig({ url: server.origin }));

    const error = await failureOf(adapter().send(outboundDelivery(), notifier, openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.RateLimited);
    expect(error.providerCode).toBe('429');
    expect(error.retryAfterMs).toBe(2000);
  });

  it('retries when the connection is refused', async () => {
    const server = await httpServer();
    const notifier = webhookNotifier(webhookConfig({ url: server.origin }));
    await servers.splice(0)[0].close();

    const error = await failureOf(adapter().send(outboundDelivery(), notifier, openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.providerCode).toBe('ECONNREFUSED');
  });

  it('gives up with a retryable dispatch timeout when aborted', async () => {
    const server = await httpServer();
    const controller = new AbortController();
    // Never answer, like a receiver that hangs, and let the runtime's timeout fire.
    server.reply(() => controller.abort());
    const notifier = webhookNotifier(webhookConfig({ url: server.origin }));

    const error = await failureOf(adapter().send(outboundDelivery(), notifier, controller.signal));

    expect(error.code).toBe(DeliveryErrorCode.Retryable);
    expect(error.message).toMatch(/^dispatch timeout/);
    expect(server.received).toHaveLength(1);
  });

  it('checks certificates, and skips the check only for a notifier with tlsSkipVerify', async () => {
    const server = await httpServer({ tls: true });
    const sender = adapter();
    const strict = webhookNotifier(webhookConfig({ url: server.origin }), 'strict');
    const lax = webhookNotifier(webhookConfig({ url: server.origin, tlsSkipVerify: true }), 'lax');

    const refused = await failureOf(sender.send(outboundDelivery(), strict, openSignal()));
    const accepted = await sender.send(outboundDelivery(), lax, openSignal());
    const refusedAgain = await failureOf(sender.send(outboundDelivery(), strict, openSignal()));

    expect(refused.code).toBe(DeliveryErrorCode.Retryable);
    expect(refused.providerCode).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(accepted).toEqual({ providerCode: '200' });
    expect(refusedAgain.providerCode).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(server.received).toHaveLength(1);
  });

  it('fails permanently, without a request, on an invalid notifier config', async () => {
    const server = await httpServer();
    const notifier = webhookNotifier(webhookConfig({ url: `ftp://127.0.0.1/${server.origin}` }));

    const error = await failureOf(adapter().send(outboundDelivery(), notifier, openSignal()));

    expect(error.code).toBe(DeliveryErrorCode.Permanent);
    expect(error.message).toContain('config.url');
    expect(server.received).toHaveLength(0);
  });
});
