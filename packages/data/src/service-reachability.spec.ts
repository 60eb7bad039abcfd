import { serviceEndpoint, unreachableMessage } from './service-reachability.js';

describe('serviceEndpoint', () => {
  it('reads host and port, with the default port when none is given', () => {
    expect(serviceEndpoint('postgres://herald:pw@db.internal:6543/herald', 5432)).toEqual({
      host: 'db.internal',
      port: 6543,
    });
    expect(serviceEndpoint('rediss://cache.internal', 6379)).toEqual({ host: 'cache.internal', port: 6379 });
    expect(serviceEndpoint('redis://[::1]:6380', 6379)).toEqual({ host: '::1', port: 6380 });
  });

  it("takes Postgres' Unix socket directory from ?host=", () => {
    expect(serviceEndpoint('postgres://postgres@localhost/herald?host=/run/postgresql', 5432)).toEqual({
      path: '/run/postgresql/.s.PGSQL.5432',
    });
  });

  it('leaves what it cannot read to the driver', () => {
    expect(serviceEndpoint('not a url', 5432)).toBeNull();
    expect(serviceEndpoint('postgres://a:5432,b:5432/herald', 5432)).toBeNull();
  });
});

describe('unreachableMessage', () => {
  const postgres = {
    service: 'Postgres',
    variable: 'DATABASE_URL',
    url: 'postgres://postgres:s3cret@127.0.0.1:5999/herald',
    reason: 'ECONNREFUSED',
  } as const;
  const redis = {
    service: 'Redis',
    variable: 'REDIS_URL',
    url: 'redis://127.0.0.1:6999',
    reason: 'ECONNREFUSED',
  } as const;

  it('names the store, where it looked without the password, and how to start it, on one line', () => {
    const message = unreachableMessage([postgres]);

    expect(message).toBe(
      'Postgres is unreachable at postgres://postgres:***@127.0.0.1:5999/herald (ECONNREFUSED): start it with ' +
        '`docker compose up -d postgres redis` or the local service (`sudo systemctl start postgresql`), ' +
        'or point DATABASE_URL at a running one.',
    );
  });

  it('names both stores in the same line when both are down', () => {
    const message = unreachableMessage([postgres, { ...redis, reason: 'no answer within 3 s' }]);

    expect(message).toContain(
      'Postgres at postgres://postgres:***@127.0.0.1:5999/herald and Redis at redis://127.0.0.1:6999 are unreachable ' +
        '(ECONNREFUSED, no answer within 3 s)',
    );
    expect(message).toContain('DATABASE_URL / REDIS_URL');
    expect(message).not.toContain('\n');
  });
});
