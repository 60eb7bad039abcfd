import { checkReadiness } from './readiness.js';

describe('checkReadiness', () => {
  it('is ok when every check resolves, down for a false, a throw or a hang', async () => {
    const readiness = await checkReadiness(
      {
        postgres: async () => 'PONG',
        redis: () => {
          throw new Error('refused');
        },
        consuming: () => false,
        slow: () => new Promise(() => undefined),
      },
      50,
    );
    expect(readiness).toEqual({
      status: 'unavailable',
      checks: { postgres: 'up', redis: 'down', consuming: 'down', slow: 'down' },
    });
    expect(await checkReadiness({ postgres: async () => undefined })).toEqual({
      status: 'ok',
      checks: { postgres: 'up' },
    });
  });
});
