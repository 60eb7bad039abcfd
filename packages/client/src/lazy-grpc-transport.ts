import type { AdminStatusView, NotificationView } from '@herald/contracts';
import type { GrpcTransport } from './grpc-transport.js';
import type { HeraldEvent, HeraldTransport, TriggeredEvent } from './herald-client.js';

/**
 * The gRPC transport, loaded on its first call: @grpc/grpc-js and the .proto take a while to load,
 * and REST-only callers (the CLI) should not pay for them.
 */
export class LazyGrpcTransport implements HeraldTransport {
  private transport?: Promise<GrpcTransport>;

  constructor(private readonly options: { target: string; apiKey: string; timeoutMs: number }) {}

  async trigger(event: HeraldEvent, idempotencyKey: string): Promise<Omit<TriggeredEvent, 'idempotencyKey'>> {
    return (await this.loaded()).trigger(event, idempotencyKey);
  }

  async getNotification(id: string): Promise<NotificationView> {
    return (await this.loaded()).getNotification(id);
  }

  async pause(channel?: string): Promise<AdminStatusView> {
    return (await this.loaded()).pause(channel);
  }

  async resume(channel?: string): Promise<AdminStatusView> {
    return (await this.loaded()).resume(channel);
  }

  async status(): Promise<AdminStatusView> {
    return (await this.loaded()).status();
  }

  close(): void {
    void this.transport?.then((transport) => transport.close());
  }

  private loaded(): Promise<GrpcTransport> {
    this.transport ??= import('./grpc-transport.js').then(
      ({ GrpcTransport }) => new GrpcTransport(this.options),
    );
    return this.transport;
  }
}
