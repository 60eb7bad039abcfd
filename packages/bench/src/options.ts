/** What one `pnpm bench` invocation measures, from its command line. */
export interface BenchOptions {
  /** Events per phase (baseline jobs, each fixed-rate phase without `durationS`, the unthrottled phase). */
  n: number;
  /** Offered loads in events/s, one phase each, in this order. */
  rates: number[];
  /** After the fixed rates, a phase as fast as `concurrency` allows. */
  max: boolean;
  channel: 'webhook';
  /** Requests in flight at once from the load generator (undici Pool connections). */
  concurrency: number;
  /** A fixed-rate phase posts `rate * durationS` events instead of `n`. */
  durationS?: number;
  /** Soak: one phase at `soakRate` for this many seconds, no baseline. */
  soakS?: number;
  soakRate: number;
  baseline: boolean;
  /** Events posted (unmeasured) first, so the phases compare warm processes. */
  warmup: number;
  /** A phase fails its wait once no delivery arrived for this long. */
  drainTimeoutS: number;
  /** Writes .cpuprofile files of the apps (node --cpu-prof) and summarizes them. */
  profile: boolean;
  /** Extra environment for every app, over the benchmark's own (`--env KEY=VALUE`, repeatable). */
  env: Record<string, string>;
  /** Where the JSON and SVG go; default packages/bench/bench-results. */
  out?: string;
  help: boolean;
}

export const USAGE = `pnpm bench [options]

  --n N               events per phase, and baseline jobs (default 3000)
  --rates 100,500     offered loads in events/s, one phase each (default 100,500,1000)
  --no-max            skip the unthrottled phase that follows the fixed rates
  --duration S        each fixed-rate phase lasts S seconds (rate x S events) instead of N events
  --soak S --rate R   soak: one phase at R events/s for S seconds (no baseline); reports lost
                      deliveries and memory at start and end (default rate 500)
  --concurrency C     requests in flight from the load generator (default 64)
  --channel webhook   the channel delivered to (only webhook)
  --warmup N          unmeasured events first (default 500; 0 for none)
  --no-baseline       skip the raw BullMQ two-hop baseline
  --drain-timeout S   give up waiting once no delivery arrived for S seconds (default 60)
  --profile           node --cpu-prof on the apps; top functions in the report
  --env KEY=VALUE     extra environment for every app (repeatable), e.g. HERALD_CONCURRENCY=50
  --out DIR           where results go (default packages/bench/bench-results)
`;

const DEFAULTS: BenchOptions = {
  n: 3000,
  rates: [100, 500, 1000],
  max: true,
  channel: 'webhook',
  concurrency: 64,
  soakRate: 500,
  baseline: true,
  warmup: 500,
  drainTimeoutS: 60,
  profile: false,
  env: {},
  help: false,
};

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parses `argv` (without node and the script); throws UsageError naming the bad option. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { ...DEFAULTS, rates: [...DEFAULTS.rates], env: {} };
  for (let index = 0; index < argv.length; index++) {
    const [flag, inline] = splitFlag(argv[index]!);
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[++index];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--n':
        options.n = positiveInteger(flag, value());
        break;
      case '--rates':
        options.rates = value()
          .split(',')
          .filter((rate) => rate.trim() !== '')
          .map((rate) => positiveNumber(flag, rate.trim()));
        break;
      case '--no-max':
        options.max = false;
        break;
      case '--duration':
        options.durationS = positiveNumber(flag, value());
        break;
      case '--soak':
        options.soakS = positiveNumber(flag, value());
        break;
      case '--rate':
        options.soakRate = positiveNumber(flag, value());
        break;
      case '--concurrency':
        options.concurrency = positiveInteger(flag, value());
        break;
      case '--channel': {
        const channel = value();
        if (channel !== 'webhook') throw new UsageError(`--channel ${channel}: only webhook is benchmarked`);
        options.channel = channel;
        break;
      }
      case '--warmup':
        options.warmup = nonNegativeInteger(flag, value());
        break;
      case '--no-baseline':
        options.baseline = false;
        break;
      case '--drain-timeout':
        options.drainTimeoutS = positiveNumber(flag, value());
        break;
      case '--profile':
        options.profile = true;
        break;
      case '--env': {
        const pair = value();
        const equals = pair.indexOf('=');
        if (equals < 1) throw new UsageError(`--env ${pair}: expected KEY=VALUE`);
        options.env[pair.slice(0, equals)] = pair.slice(equals + 1);
        break;
      }
      case '--out':
        options.out = value();
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new UsageError(`unknown option ${flag}`);
    }
  }
  if (options.soakS === undefined && options.rates.length === 0 && !options.max) {
    throw new UsageError('nothing to measure: give --rates or drop --no-max');
  }
  return options;
}

function splitFlag(arg: string): [string, string | undefined] {
  const equals = arg.indexOf('=');
  return arg.startsWith('--') && equals > 0
    ? [arg.slice(0, equals), arg.slice(equals + 1)]
    : [arg, undefined];
}

function positiveNumber(flag: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new UsageError(`${flag} ${raw}: expected a positive number`);
  return value;
}

function positiveInteger(flag: string, raw: string): number {
  const value = positiveNumber(flag, raw);
  if (!Number.isInteger(value)) throw new UsageError(`${flag} ${raw}: expected a whole number`);
  return value;
}

function nonNegativeInteger(flag: string, raw: string): number {
  return raw === '0' ? 0 : positiveInteger(flag, raw);
}

/** One load phase: `count` events offered at `rate` events/s (null: as fast as the concurrency allows). */
export interface PhaseSpec {
  name: string;
  rate: number | null;
  count: number;
  /** Counted in the results (the warm-up is not). */
  measured: boolean;
}

export function planPhases(options: BenchOptions): PhaseSpec[] {
  const phases: PhaseSpec[] = [];
  if (options.warmup > 0) phases.push({ name: 'warmup', rate: 250, count: options.warmup, measured: false });
  if (options.soakS !== undefined) {
    const count = Math.round(options.soakRate * options.soakS);
    phases.push({ name: `soak@${options.soakRate}/s`, rate: options.soakRate, count, measured: true });
    return phases;
  }
  for (const rate of options.rates) {
    const count = options.durationS === undefined ? options.n : Math.round(rate * options.durationS);
    phases.push({ name: `${rate}/s`, rate, count, measured: true });
  }
  if (options.max) phases.push({ name: 'max', rate: null, count: options.n, measured: true });
  return phases;
}
