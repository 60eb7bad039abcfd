import { fileURLToPath } from 'node:url';

/** The gRPC package and service every server and client of Herald's gRPC API loads. */
export const HERALD_GRPC_PACKAGE = 'herald.v1';
export const HERALD_GRPC_SERVICE = 'herald.v1.Herald';

/**
 * Absolute path of `herald.proto`, shipped beside `dist` (also exported as
 * `@herald/contracts/proto/herald.proto` for tools that want the file itself).
 */
export function heraldProtoPath(): string {
  // From src/grpc or dist/grpc alike, the proto folder is two levels up.
  return fileURLToPath(new URL('../../proto/herald.proto', import.meta.url));
}

/**
 * How servers and clients load it with `@grpc/proto-loader`: camelCase fields (`idempotencyKey`, as
 * in REST), unset scalars as their defaults, and an unset `optional` field left out.
 */
export const HERALD_PROTO_LOADER_OPTIONS = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: false,
} as const;

/** Trailing metadata of a gRPC error: the REST error envelope's `code`... */
export const HERALD_GRPC_ERROR_CODE_KEY = 'herald-error-code';
/** ...and its `details`, as UTF-8 JSON (binary metadata, hence the -bin suffix). */
export const HERALD_GRPC_ERROR_DETAILS_KEY = 'herald-error-details-bin';
