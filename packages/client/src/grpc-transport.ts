import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import {
  type AdminStatusView,
  HERALD_PROTO_LOADER_OPTIONS,
  heraldProtoPath,
  type NotificationView,
} from '@herald/contracts';
import { toHeraldApiError } from './grpc-error.mapper.js';
import { toNotificationView, toTriggerRequest } from './grpc-message.mapper.js';
import type { HeraldEvent, HeraldTransport, TriggeredEvent } from './herald-client.js';

type Unary = (
  request: object,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  callback: (error: grpc.ServiceError | null, answer: unknown) => void,
) => void;

/** HeraldTransport over gRPC `herald.v1.Herald`, with the .proto shipped in @herald/contracts. */
export class GrpcTransport implements HeraldTransport {
  private readonly client: grpc.Client;

  constructor(private readonly options: { target: string; apiKey: string; timeoutMs: number }) {
    const definition = protoLoader.loadSync(heraldProtoPath(), { ...HERALD_PROTO_LOADER_OPTIONS });
    const herald = grpc.loadPackageDefinition(definition).herald as grpc.GrpcObject;
    const Herald = (herald.v1 as grpc.GrpcObject).Herald as grpc.ServiceClientConstructor;
    this.client = new Herald(options.target, grpc.credentials.createInsecure());
  }

  async trigger(event: HeraldEvent, idempotencyKey: string): Promise<Omit<TriggeredEvent, 'idempotencyKey'>> {
    return this.call('Trigger', toTriggerRequest({ ...event, idempotencyKey }));
  }

  async getNotification(id: string): Promise<NotificationView> {
    return toNotificationView(await this.call('GetNotification', { id }));
  }

  pause(channel?: string): Promise<AdminStatusView> {
    return this.call('Pause', { channel: channel ?? '' });
  }

  resume(channel?: string): Promise<AdminStatusView> {
    return this.call('Resume', { channel: channel ?? '' });
  }

  status(): Promise<AdminStatusView> {
    return this.call('Status', {});
  }

  close(): void {
    this.client.close();
  }

  private call<Answer>(method: string, request: object): Promise<Answer> {
    const metadata = new grpc.Metadata();
    metadata.set('authorization', `Bearer ${this.options.apiKey}`);
    const unary = (this.client as unknown as Record<string, Unary>)[method]!;
    return new Promise((resolve, reject) => {
      unary.call(
        this.client,
        request,
        metadata,
        { deadline: Date.now() + this.options.timeoutMs },
        (error, answer) => (error ? reject(toHeraldApiError(error)) : resolve(answer as Answer)),
      );
    });
  }
}
