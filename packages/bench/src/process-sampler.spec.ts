import { parseCpuPressure, parseProcStatCpuTicks, parseProcStatus } from './process-sampler.js';

describe('/proc parsing', () => {
  it('reads VmRSS and VmHWM in kB from /proc/<pid>/status', () => {
    const status =
      'Name:\tnode\nVmPeak:\t 1200000 kB\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\nThreads:\t11\n';
    expect(parseProcStatus(status)).toEqual({ rssKb: 102_400, hwmKb: 204_800 });
  });

  it('adds utime and stime from /proc/<pid>/stat, whatever the command name holds', () => {
    const stat =
      '4242 (node (main) x) S 1 4242 4242 0 -1 4194560 5000 0 0 0 150 25 0 0 20 0 11 0 900 1000 2000';
    expect(parseProcStatCpuTicks(stat)).toBe(175);
  });

  it('reads the one-minute "some" CPU pressure', () => {
    const pressure =
      'some avg10=98.38 avg60=94.01 avg300=83.90 total=4270870152\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n';
    expect(parseCpuPressure(pressure)).toBe(94.01);
    expect(parseCpuPressure('')).toBeNaN();
  });

  it('reads this very process', async () => {
    const { readFile } = await import('node:fs/promises');
    const status = parseProcStatus(await readFile(`/proc/${process.pid}/status`, 'utf8'));
    expect(status.rssKb).toBeGreaterThan(1000);
    expect(status.hwmKb).toBeGreaterThanOrEqual(status.rssKb);
    expect(parseProcStatCpuTicks(await readFile(`/proc/${process.pid}/stat`, 'utf8'))).toBeGreaterThan(0);
  });
});
