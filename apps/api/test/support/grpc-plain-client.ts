import { createServer } from 'node:net';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import {
  HERALD_GRPC_ERROR_CODE_KEY,
  HERALD_GRPC_ERROR_DETAILS_KEY,
  HERALD_PROTO_LOADER_OPTIONS,
  heraldProtoPath,
} from '@herald/contracts';
import { ADMIN_KEY } from './test-app.js';

// Answers are read loosely; each assertion states the shape it expects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = any;
type Unary = (
  request: object,
  metadata: grpc.Metadata,
  callback: (error: grpc.ServiceError | null, answer: Answer) => void,
) => void;

/** A plain grpc-js client of herald.proto, as any other language's generated client would be. */
export class PlainClient {
  private readonly client: grpc.Client & Record<string, Unary>;

  constructor(port: number) {
    const definition = protoLoader.loadSync(heraldProtoPath(), { ...HERALD_PROTO_LOADER_OPTIONS });
    const herald = (grpc.loadPackageDefinition(definition).herald as grpc.GrpcObject).v1 as grpc.GrpcObject;
    const Herald = herald.Herald as grpc.ServiceClientConstructor;
    this.client = new Herald(`127.0.0.1:${port}`, grpc.credentials.createInsecure()) as never;
  }

  call(
    method: string,
    request: object,
    headers: Record<string, string> = bearer(ADMIN_KEY),
  ): Promise<Answer> {
    const metadata = new grpc.Metadata();
    for (const [key, value] of Object.entries(headers)) metadata.set(key, value);
    return new Promise((resolve, reject) => {
      this.client[method]!.call(this.client, request, metadata, (error, answer) =>
        error ? reject(error) : resolve(answer),
      );
    });
  }

  /** The error the call fails with, with the REST envelope read back from the trailers. */
  async failure(method: string, request: object, headers?: Record<string, string>) {
    const error = await this.call(method, request, headers).then(
      () => {
        throw new Error(`${method} succeeded`);
      },
      (failure: grpc.ServiceError) => failure,
    );
    const details = error.metadata.get(HERALD_GRPC_ERROR_DETAILS_KEY)[0];
    return {
      status: grpc.status[error.code],
      code: error.metadata.get(HERALD_GRPC_ERROR_CODE_KEY)[0],
      message: error.details,
      details: details ? JSON.parse(details.toString()) : undefined,
    };
  }

  close(): void {
    this.client.close();
  }
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** A port nothing listens on now, for the gRPC server (Nest does not report the port it bound). */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
