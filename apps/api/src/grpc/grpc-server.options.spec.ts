import { ApiEnv, ApiEnvError } from '../config/api-env.js';
import { grpcAddress, grpcServerOptions, sizeInBytes } from './grpc-server.options.js';

describe('HERALD_GRPC_PORT', () => {
  it('is 50051 by default, a port when given, and null when off', () => {
    expect(ApiEnv.from({}).grpcPort).toBe(50051);
    expect(ApiEnv.from({ HERALD_GRPC_PORT: '6000' }).grpcPort).toBe(6000);
    expect(ApiEnv.from({ HERALD_GRPC_PORT: 'off' }).grpcPort).toBeNull();
  });

  it.each(['0', '70000', 'grpc'])('refuses %s, naming the variable', (value) => {
    expect(() => ApiEnv.from({ HERALD_GRPC_PORT: value })).toThrow(ApiEnvError);
    expect(() => ApiEnv.from({ HERALD_GRPC_PORT: value })).toThrow(
      `HERALD_GRPC_PORT must be a port (1-65535) or off (got "${value}")`,
    );
  });
});

describe('grpcServerOptions', () => {
  it('serves herald.v1 on HOST, with the body limit as the largest message', () => {
    const env = ApiEnv.from({ HOST: '127.0.0.1', HERALD_BODY_LIMIT: '2mb' });
    expect(grpcServerOptions(env, 50051).options).toMatchObject({
      package: 'herald.v1',
      protoPath: expect.stringMatching(/proto\/herald\.proto$/),
      url: '127.0.0.1:50051',
      maxReceiveMessageLength: 2 * 1024 * 1024,
    });
  });

  it('puts an IPv6 host in brackets', () => {
    expect(grpcAddress('::', 50051)).toBe('[::]:50051');
    expect(grpcAddress('0.0.0.0', 50051)).toBe('0.0.0.0:50051');
  });

  it.each([
    ['1mb', 1048576],
    ['512kb', 524288],
    ['1048576', 1048576],
    ['1GB', 1073741824],
  ])('reads %s as %i bytes', (limit, bytes) => {
    expect(sizeInBytes(limit)).toBe(bytes);
  });
});
