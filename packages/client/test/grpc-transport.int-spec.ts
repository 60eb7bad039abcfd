import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import {
  HERALD_GRPC_ERROR_CODE_KEY,
  HERALD_GRPC_ERROR_DETAILS_KEY,
  HERALD_PROTO_LOADER_OPTIONS,
  heraldProtoPath,
} from '@herald/contracts';
import { createHeraldClient, HeraldApiError } from '../src/index.js';

type Call = grpc.ServerUnaryCall<Record<string, unknown>, unknown>;
type Handler = (call: Call) => { error: Partial<grpc.StatusObject> } | { answer: unknown };

/** A stand-in for the API's gRPC server: the same .proto, answers from a script, every call kept. */
async function scriptedServer(handlers: Record<string, Handler>) {
  const definition = protoLoader.loadSync(heraldProtoPath(), { ...HERALD_PROTO_LOADER_OPTIONS });
  const Herald = ((grpc.loadPackageDefinition(definition).herald as grpc.GrpcObject).v1 as grpc.GrpcObject)
    .Herald as grpc.ServiceClientConstructor;
  const calls: { method: string; request: Record<string, unknown>; metadata: grpc.Metadata }[] = [];
  const implementation: grpc.UntypedServiceImplementation = {};
  for (const method of ['Trigger', 'GetNotification', 'Pause', 'Resume', 'Status']) {
    implementation[method] = (call: Call, callback: grpc.sendUnaryData<unknown>) => {
      calls.push({ method, request: call.request, metadata: call.metadata });
      const outcome = handlers[method]?.(call) ?? { error: { code: grpc.status.UNIMPLEMENTED } };
      if ('error' in outcome) callback(outcome.error);
      else callback(null, outcome.answer);
    };
  }
  const server = new grpc.Server();
  server.addService(Herald.service, implementation);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return { target: `127.0.0.1:${port}`, calls, server };
}

function heraldError(code: grpc.status, envelope: string, message: string, details?: unknown[]) {
  const metadata = new grpc.Metadata();
  metadata.set(HERALD_GRPC_ERROR_CODE_KEY, envelope);
  if (details) metadata.set(HERALD_GRPC_ERROR_DETAILS_KEY, Buffer.from(JSON.stringify(details)));
  return { error: { code, details: message, metadata } };
}

const FAST = { retryBaseMs: 5, retryCapMs: 20 };

describe('createHeraldClient over gRPC', () => {
  const servers: grpc.Server[] = [];

  afterAll(() => servers.forEach((server) => server.forceShutdown()));

  async function start(handlers: Record<string, Handler>) {
    const scripted = await scriptedServer(handlers);
    servers.push(scripted.server);
    return scripted;
  }

  it('retries UNAVAILABLE with the same idempotency key, then returns the answer', async () => {
    let tries = 0;
    const api = await start({
      Trigger: () =>
        ++tries === 1
          ? heraldError(grpc.status.UNAVAILABLE, 'service_unavailable', 'The database is unavailable')
          : { answer: { id: 'n-1', status: 'accepted', replayed: false } },
    });
    const client = createHeraldClient({ grpcTarget: api.target }, { apiKey: 'k-1', ...FAST });

    const triggered = await client.trigger({
      type: 'job.failed',
      source: { kind: 'project', id: 'web' },
      recipients: [{ email: 'ops@example.com' }],
      data: { job: 'web', exitCode: 2 },
    });
    client.close();

    expect(triggered).toEqual({
      id: 'n-1',
      status: 'accepted',
      replayed: false,
      idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(api.calls).toHaveLength(2);
    for (const { request, metadata } of api.calls) {
      expect(metadata.get('authorization')).toEqual(['Bearer k-1']);
      expect(request).toMatchObject({
        type: 'job.failed',
        idempotencyKey: triggered.idempotencyKey,
        source: { kind: 'project', id: 'web', ancestors: [] },
        recipients: [{ userId: '', email: 'ops@example.com' }],
        dataJson: '{"job":"web","exitCode":2}',
      });
    }
  });

  it('throws the envelope the server put in the trailers, without retrying', async () => {
    const details = [{ field: 'recipients.0.email', messages: ['email must be an email'] }];
    const api = await start({
      Trigger: () =>
        heraldError(grpc.status.INVALID_ARGUMENT, 'validation_failed', 'The request is invalid', details),
    });
    const client = createHeraldClient({ grpcTarget: api.target }, { apiKey: 'k-1', ...FAST });
    const error = await client.trigger({ type: 'x' }).catch((failure: unknown) => failure);
    client.close();
    expect(error).toBeInstanceOf(HeraldApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'The request is invalid',
      details,
      grpcStatus: grpc.status.INVALID_ARGUMENT,
    });
    expect(api.calls).toHaveLength(1);
  });

  it('names a status without trailers by its REST code (an unreachable server is a 503)', async () => {
    const api = await start({ Status: () => ({ error: { code: grpc.status.NOT_FOUND, details: 'gone' } }) });
    const client = createHeraldClient({ grpcTarget: api.target }, { apiKey: 'k-1', ...FAST });
    await expect(client.status()).rejects.toMatchObject({ status: 404, code: 'not_found', message: 'gone' });
    client.close();

    const nowhere = createHeraldClient({ grpcTarget: '127.0.0.1:1' }, { apiKey: 'k-1', retries: 1, ...FAST });
    await expect(nowhere.status()).rejects.toMatchObject({ status: 503, code: 'service_unavailable' });
    nowhere.close();
  });

  it('answers a notification as REST does, unset optional fields as null', async () => {
    const api = await start({
      GetNotification: (call) => ({
        answer: {
          id: call.request.id,
          type: 'job.failed',
          status: 'routed',
          createdAt: '2025-01-01T00:00:00.000Z',
          deliveries: [
            {
              id: 'd-1',
              channel: 'email',
              userId: 'u-1',
              address: 'a@example.com',
              status: 'failed',
              attemptCount: 1,
              attempts: [
                {
                  number: 1,
                  startedAt: '2025-01-01T00:00:01.000Z',
                  durationMs: 12,
                  outcome: 'permanent',
                  error: 'bounced',
                },
              ],
              lastError: 'bounced',
            },
          ],
        },
      }),
      Pause: (call) => ({
        answer: { paused: call.request.channel === '', channels: {}, route: { waiting: 1 } },
      }),
    });
    const client = createHeraldClient({ grpcTarget: api.target }, { apiKey: 'k-1' });
    expect(await client.getNotification('n-1')).toEqual({
      id: 'n-1',
      type: 'job.failed',
      status: 'routed',
      createdAt: '2025-01-01T00:00:00.000Z',
      source: null,
      deliveries: [
        {
          id: 'd-1',
          channel: 'email',
          notifier: null,
          userId: 'u-1',
          address: 'a@example.com',
          status: 'failed',
          reason: null,
          attemptCount: 1,
          attempts: [
            {
              number: 1,
              startedAt: '2025-01-01T00:00:01.000Z',
              durationMs: 12,
              outcome: 'permanent',
              providerCode: null,
              error: 'bounced',
            },
          ],
          lastError: 'bounced',
          sentAt: null,
          fallbackOf: null,
        },
      ],
    });
    expect(await client.pause()).toEqual({
      paused: true,
      channels: {},
      route: { waiting: 1, active: 0, delayed: 0, failed: 0, completed: 0 },
    });
    expect((await client.pause('email')).paused).toBe(false);
    client.close();
  });
});
