import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { HeraldData } from '@herald/data';
import { OpsServer } from '@herald/observability';
import { DeliveryQueues } from '../queues/delivery-queues.service.js';
import { RouteProcessor } from '../routing/route.processor.js';
import { RouterMetrics } from './router-metrics.js';

/**
 * The router's `/metrics` and `/health/*` (it has no HTTP server of its own). Listening is the
 * entry point's call (`HERALD_METRICS_PORT`), so that tests booting routers side by side bind nothing.
 */
@Injectable()
export class RouterOps implements OnApplicationShutdown {
  private readonly server: OpsServer;

  constructor(metrics: RouterMetrics, data: HeraldData, queues: DeliveryQueues, routes: RouteProcessor) {
    this.server = new OpsServer({
      app: 'router',
      metrics: metrics.app,
      readiness: {
        postgres: () => data.ping(),
        redis: () => queues.connection.ping(),
        consuming: () => routes.worker.isRunning(),
      },
    });
  }

  /** Resolves with the port bound, or null (port 0, or taken: a warning). */
  listen(port: number): Promise<number | null> {
    return this.server.listen(port);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server.close();
  }
}
