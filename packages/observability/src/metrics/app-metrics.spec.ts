import { AppMetrics } from './app-metrics.js';

describe('AppMetrics', () => {
  it("scrapes the process's default metrics and the app's own", async () => {
    const metrics = new AppMetrics();
    metrics.counter({ name: 'herald_things_total', help: 'Things', labelNames: ['kind'] }).inc({ kind: 'a' });
    const text = await metrics.scrape();
    expect(text).toContain('herald_things_total{kind="a"} 1');
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^process_cpu_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(metrics.contentType).toMatch(/^text\/plain/);
  });

  it('lets two apps in one process define the same metric', async () => {
    const [one, two] = [new AppMetrics(), new AppMetrics()];
    one.gauge({ name: 'herald_same', help: 'Same' }).set(1);
    two.gauge({ name: 'herald_same', help: 'Same' }).set(2);
    expect(await one.scrape()).toMatch(/^herald_same 1$/m);
    expect(await two.scrape()).toMatch(/^herald_same 2$/m);
    // The default metrics once per scrape, however many apps registered them.
    expect((await two.scrape()).match(/^# TYPE process_cpu_seconds_total/gm)).toHaveLength(1);
  });
});
