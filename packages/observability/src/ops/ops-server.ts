import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import type { AppMetrics } from '../metrics/app-metrics.js';
import { checkReadiness, type ReadinessCheck } from './readiness.js';

export interface OpsServerOptions {
  /** Which app serves, for its log lines. */
  app: string;
  metrics: AppMetrics;
  /** What `/health/ready` checks (`postgres`, `redis`, `consuming`...). */
  readiness: Record<string, ReadinessCheck>;
}

/**
 * `/metrics`, `/health/live` and `/health/ready` for an app that has no HTTP server of its own (the
 * router, the channel workers): plain node:http, no framework, no key, like the API's probes.
 */
export class OpsServer {
  private readonly logger: Logger;
  private server?: Server;

  constructor(private readonly options: OpsServerOptions) {
    this.logger = new Logger(`${options.app}-ops`);
  }

  /**
   * Listens on `port` (0: serves nothing) and resolves with the port, or null. A port already taken
   * is a warning, not a failed start: the app's work matters more than its metrics, and a probe
   * pointed at this port makes the missing server visible.
   */
  async listen(port: number, host = '0.0.0.0'): Promise<number | null> {
    if (port === 0) return null;
    const server = createServer((request, response) => void this.handle(request, response));
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      this.logger.warn(
        `metrics and health not served: cannot listen on ${host}:${port} (HERALD_METRICS_PORT): ${(error as Error).message}`,
      );
      return null;
    }
    this.server = server;
    const bound = (server.address() as AddressInfo).port;
    this.logger.log(`/metrics and /health/* on http://${host}:${bound}`);
    return bound;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return send(
          response,
          405,
          'application/json',
          error('method_not_allowed', 'Only GET is served here'),
        );
      }
      if (path === '/metrics') {
        return send(response, 200, this.options.metrics.contentType, await this.options.metrics.scrape());
      }
      if (path === '/health/live') return send(response, 200, 'application/json', { status: 'ok' });
      if (path === '/health/ready') {
        const readiness = await checkReadiness(this.options.readiness);
        return send(response, readiness.status === 'ok' ? 200 : 503, 'application/json', readiness);
      }
      send(response, 404, 'application/json', error('not_found', `No route ${path}`));
    } catch (thrown) {
      this.logger.error(`${path} failed: ${(thrown as Error).message}`);
      send(response, 503, 'application/json', error('unavailable', 'Could not collect the answer'));
    }
  }
}

function error(code: string, message: string): object {
  return { error: { code, message } };
}

function send(response: ServerResponse, status: number, type: string, body: string | object): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
