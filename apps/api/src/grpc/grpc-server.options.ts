import { type GrpcOptions, Transport } from '@nestjs/microservices';
import { HERALD_GRPC_PACKAGE, HERALD_PROTO_LOADER_OPTIONS, heraldProtoPath } from '@herald/contracts';
import type { ApiEnv } from '../config/api-env.js';

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** The gRPC transport of the API, on `port` (HERALD_GRPC_PORT) of HOST. */
export function grpcServerOptions(env: ApiEnv, port: number): GrpcOptions {
  return {
    transport: Transport.GRPC,
    options: {
      package: HERALD_GRPC_PACKAGE,
      protoPath: heraldProtoPath(),
      url: grpcAddress(env.host, port),
      loader: { ...HERALD_PROTO_LOADER_OPTIONS },
      // The REST body limit applies to a Trigger too (grpc-js answers RESOURCE_EXHAUSTED above it).
      maxReceiveMessageLength: sizeInBytes(env.bodyLimit),
      // In-flight calls finish on shutdown, as HTTP requests do.
      gracefulShutdown: true,
    },
  };
}

/** `host:port`, with an IPv6 host in brackets as gRPC addresses need. */
export function grpcAddress(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** HERALD_BODY_LIMIT (`1mb`, `512kb`, `1048576`) in bytes, as body-parser reads it. */
export function sizeInBytes(limit: string): number {
  const [, amount, unit] = /^(\d+)([a-z]*)$/i.exec(limit.trim())!;
  return Number(amount) * UNITS[(unit || 'b').toLowerCase()]!;
}
