import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { eventually } from './eventually.js';

// What a run keeps for `waitForOutput`; a long run's older lines only matter to `output`.
const RUN_OUTPUT_LIMIT = 200_000;

/** A built Herald app run as a real child process, its output kept for failure messages. */
export class AppProcess {
  private child?: ChildProcess;
  private exited?: Promise<unknown>;
  /** The tail of everything every run printed, for failure messages. */
  output = '';
  /** What the current run printed, for `waitForOutput`. */
  private runOutput = '';
  /** How many times `start` was called: a test can tell a restarted process from the first one. */
  starts = 0;

  constructor(
    readonly name: string,
    private readonly entry: string,
    private readonly env: Record<string, string>,
  ) {}

  /** Starts the app; again after a stop or a kill, as an orchestrator would, with the same env. */
  start(): void {
    if (this.running) throw new Error(`${this.name} is already running (pid ${this.pid})`);
    this.starts += 1;
    if (this.starts > 1) this.output += `\n----- ${this.name} started again (run ${this.starts})\n`;
    this.runOutput = '';
    const child = spawn(process.execPath, ['--enable-source-maps', this.entry], {
      // Plain text: the output ends up in assertion messages and in pattern matches.
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      this.output = (this.output + text).slice(-20_000);
      this.runOutput = (this.runOutput + text).slice(-RUN_OUTPUT_LIMIT);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.exited = once(child, 'exit');
    this.child = child;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Waits until the current run prints a line matching `pattern`; fails if the process exits first. */
  async waitForOutput(pattern: RegExp, timeoutMs = 30_000): Promise<void> {
    await eventually(
      () => {
        if (pattern.test(this.runOutput)) return true;
        if (!this.running) throw new Error(`${this.name} exited before printing ${pattern}:\n${this.output}`);
        return undefined;
      },
      timeoutMs,
      `${this.name} to print ${pattern}`,
    );
  }

  /** Kills without warning (SIGKILL by default): no shutdown hook runs, in-flight work is cut off. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.child || !this.running) return;
    this.child.kill(signal);
    await this.exited;
  }

  /** SIGTERM, the way an orchestrator stops it; SIGKILL if it has not exited within the deadline. */
  async stop(deadlineMs = 10_000): Promise<void> {
    if (!this.child || !this.running) return;
    const child = this.child;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
    await this.exited;
    clearTimeout(timer);
  }
}
