import { AppMetrics } from '../metrics/app-metrics.js';
import { OpsServer } from './ops-server.js';

describe('OpsServer', () => {
  const metrics = new AppMetrics();
  metrics.counter({ name: 'herald_probe_total', help: 'Probe' }).inc(3);
  let redisUp = true;
  const server = new OpsServer({
    app: 'test',
    metrics,
    readiness: {
      postgres: async () => undefined,
      redis: async () => {
        if (!redisUp) throw new Error('ECONNREFUSED');
      },
      consuming: () => true,
    },
  });
  let base: string;

  beforeAll(async () => {
    // An ephemeral port, through a port picked by the OS from a throwaway server.
    const probe = new OpsServer({ app: 'probe', metrics, readiness: {} });
    const port = (await probe.listen(await freeLocalPort(), '127.0.0.1'))!;
    await probe.close();
    expect(await server.listen(port, '127.0.0.1')).toBe(port);
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(() => server.close());

  it('serves the metrics as Prometheus text', async () => {
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await response.text()).toMatch(/^herald_probe_total 3$/m);
  });

  it('answers liveness, and readiness from its checks', async () => {
    expect(await (await fetch(`${base}/health/live`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/health/ready`);
    expect([ready.status, await ready.json()]).toEqual([
      200,
      { status: 'ok', checks: { postgres: 'up', redis: 'up', consuming: 'up' } },
    ]);
    redisUp = false;
    const unready = await fetch(`${base}/health/ready`);
    expect([unready.status, await unready.json()]).toEqual([
      503,
      { status: 'unavailable', checks: { postgres: 'up', redis: 'down', consuming: 'up' } },
    ]);
    redisUp = true;
  });

  it('answers anything else with a 404 in the error envelope', async () => {
    const response = await fetch(`${base}/v1/events`);
    expect([response.status, await response.json()]).toEqual([
      404,
      { error: { code: 'not_found', message: 'No route /v1/events' } },
    ]);
  });

  it('serves nothing on port 0, and warns rather than fails on a taken port', async () => {
    const off = new OpsServer({ app: 'off', metrics, readiness: {} });
    expect(await off.listen(0)).toBeNull();
    const taken = new OpsServer({ app: 'taken', metrics, readiness: {} });
    expect(await taken.listen(Number(new URL(base).port), '127.0.0.1')).toBeNull();
  });
});

async function freeLocalPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
