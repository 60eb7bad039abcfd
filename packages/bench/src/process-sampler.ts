import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';

export interface ProcStatus {
  /** Resident set size now, in kB. */
  rssKb: number;
  /** Peak resident set size since the process started (VmHWM), in kB. */
  hwmKb: number;
}

/** VmRSS and VmHWM from the text of /proc/<pid>/status. */
export function parseProcStatus(text: string): ProcStatus {
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
}

/** utime + stime (clock ticks) from the text of /proc/<pid>/stat; the command name may hold spaces and parentheses. */
export function parseProcStatCpuTicks(text: string): number {
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 of proc(5) (state): utime and stime are fields 14 and 15.
  return Number(fields[11]) + Number(fields[12]);
}

export interface WatchedProcess {
  name: string;
  pid: number;
}

/** What one process did during a window (a phase): memory at its start, end and peak, CPU used. */
export interface ProcessWindow {
  name: string;
  pid: number;
  rssStartMb: number;
  rssEndMb: number;
  /** Highest VmRSS seen by the sampler during the window. */
  peakRssMb: number;
  /** VmHWM at the window's end: the process's peak since it started. */
  hwmMb: number;
  cpuMs: number;
}

interface Tracked {
  start?: ProcStatus & { cpuTicks: number };
  last?: ProcStatus & { cpuTicks: number };
  peakKb: number;
}

const clockTicksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Polls /proc for the watched processes' memory and CPU; `beginWindow`/`endWindow` frame a phase. */
export class ProcessSampler {
  private timer?: NodeJS.Timeout;
  private tracked = new Map<number, Tracked>();

  constructor(
    private readonly processes: () => WatchedProcess[],
    private readonly intervalMs = 250,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sample(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async beginWindow(): Promise<void> {
    this.tracked = new Map();
    await this.sample();
  }

  async endWindow(): Promise<ProcessWindow[]> {
    await this.sample();
    const toMb = (kb: number) => Math.round((kb / 1024) * 10) / 10;
    return this.processes().flatMap(({ name, pid }) => {
      const tracked = this.tracked.get(pid);
      if (!tracked?.start || !tracked.last) return [];
      return [
        {
          name,
          pid,
          rssStartMb: toMb(tracked.start.rssKb),
          rssEndMb: toMb(tracked.last.rssKb),
          peakRssMb: toMb(tracked.peakKb),
          hwmMb: toMb(tracked.last.hwmKb),
          cpuMs: Math.round(((tracked.last.cpuTicks - tracked.start.cpuTicks) * 1000) / clockTicksPerSecond),
        },
      ];
    });
  }

  private async sample(): Promise<void> {
    await Promise.all(
      this.processes().map(async ({ pid }) => {
        const reading = await readProcess(pid);
        if (!reading) return;
        let tracked = this.tracked.get(pid);
        if (!tracked) this.tracked.set(pid, (tracked = { start: reading, peakKb: 0 }));
        tracked.last = reading;
        tracked.peakKb = Math.max(tracked.peakKb, reading.rssKb);
      }),
    );
  }
}

async function readProcess(pid: number): Promise<(ProcStatus & { cpuTicks: number }) | undefined> {
  try {
    const [status, stat] = await Promise.all([
      readFile(`/proc/${pid}/status`, 'utf8'),
      readFile(`/proc/${pid}/stat`, 'utf8'),
    ]);
    return { ...parseProcStatus(status), cpuTicks: parseProcStatCpuTicks(stat) };
  } catch {
    // The process is gone (it exited or was killed); its last reading stands.
    return undefined;
  }
}

/** `some avg60` of /proc/pressure/cpu: the share of the last minute some task waited for a CPU, in percent. */
export function parseCpuPressure(text: string): number {
  return Number(/^some .*avg60=([\d.]+)/m.exec(text)?.[1] ?? NaN);
}

export async function readCpuPressure(): Promise<number> {
  return parseCpuPressure(await readFile('/proc/pressure/cpu', 'utf8').catch(() => ''));
}
