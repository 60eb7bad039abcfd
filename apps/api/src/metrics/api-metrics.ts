import { Injectable } from '@nestjs/common';
import { AppMetrics } from '@herald/observability';
import { type AcceptedVia } from './accepted-via.js';

const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The API's metrics. Events are counted by the way they came in, never by event type: types are
 * the callers' strings, and a label per type would let any caller grow the series without bound.
 * Requests are labelled by route pattern (`/v1/notifications/:id`), never by the raw URL.
 */
@Injectable()
export class ApiMetrics {
  readonly app = new AppMetrics();
  private readonly accepted = this.app.counter({
    name: 'herald_events_accepted_total',
    help: 'Events accepted (202, not an idempotent replay), by the way they came in.',
    labelNames: ['via'],
  });
  private readonly requests = this.app.counter({
    name: 'herald_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'],
  });
  private readonly duration = this.app.histogram({
    name: 'herald_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'],
    buckets: HTTP_BUCKETS,
  });

  eventAccepted(via: AcceptedVia): void {
    this.accepted.inc({ via });
  }

  requestAnswered(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
  }
}
