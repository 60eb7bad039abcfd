import { redisOptionsFromUrl } from './redis-connection.js';

describe('redisOptionsFromUrl', () => {
  it('reads host, port, credentials, db and TLS', () => {
    expect(redisOptionsFromUrl('rediss://user:p%40ss@cache.internal:6380/2')).toEqual({
      host: 'cache.internal',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 2,
      tls: {},
    });
  });

  it('defaults the port', () => {
    expect(redisOptionsFromUrl('redis://127.0.0.1')).toEqual({ host: '127.0.0.1', port: 6379 });
  });
});
