import {
  Counter,
  type CounterConfiguration,
  collectDefaultMetrics,
  Gauge,
  type GaugeConfiguration,
  Histogram,
  type HistogramConfiguration,
  Registry,
} from 'prom-client';

type Config<C> = Omit<C, 'registers'>;

let processRegistry: Registry | undefined;

/**
 * prom-client's default metrics (RSS, heap, CPU, event loop lag, GC) belong to the process, not to
 * one app in it: registered once, however many apps one process boots (tests boot several).
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * One app's metrics: its own registry (two apps in one process never clash on a name), scraped
 * together with the process's default metrics.
 */
export class AppMetrics {
  readonly registry = new Registry();

  constructor() {
    processMetrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The Prometheus text exposition of the process and the app. */
  async scrape(): Promise<string> {
    const [processText, appText] = await Promise.all([processMetrics().metrics(), this.registry.metrics()]);
    return `${processText}${processText.endsWith('\n') ? '' : '\n'}${appText}`;
  }

  counter<Label extends string>(config: Config<CounterConfiguration<Label>>): Counter<Label> {
    return new Counter({ ...config, registers: [this.registry] });
  }

  gauge<Label extends string>(config: Config<GaugeConfiguration<Label>>): Gauge<Label> {
    return new Gauge({ ...config, registers: [this.registry] });
  }

  histogram<Label extends string>(config: Config<HistogramConfiguration<Label>>): Histogram<Label> {
    return new Histogram({ ...config, registers: [this.registry] });
  }
}

/** For apps that type their metrics without depending on prom-client themselves. */
export type { Counter, Gauge, Histogram } from 'prom-client';
