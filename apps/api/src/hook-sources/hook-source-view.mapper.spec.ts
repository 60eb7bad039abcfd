import { toHookSourceView } from './hook-source-view.mapper.js';

describe('toHookSourceView', () => {
  const record = {
    id: '0b6f9a8e-3c9d-4f7e-9a55-0f2b1d2c3e4f',
    provider: 'github',
    account: 'acme',
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-02T00:00:00Z'),
  };

  it('masks the secret and gives the path to configure at the provider', () => {
    expect(toHookSourceView(record)).toEqual({
      provider: 'github',
      account: 'acme',
      secret: '$encrypted$',
      path: '/v1/hooks/github/acme',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
    });
  });

  it('leaves a placeholder for the Docker Hub token', () => {
    expect(toHookSourceView({ ...record, provider: 'dockerhub' }).path).toBe(
      '/v1/hooks/dockerhub/acme/{secret}',
    );
  });
});
