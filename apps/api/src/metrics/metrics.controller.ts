import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators.js';
import { ApiMetrics } from './api-metrics.js';

/**
 * Prometheus scrapes without a key, like the health probes (DESIGN: `/metrics` needs no key): it
 * shows counts and timings, never ids or payloads. Keep the port off the public internet, or
 * block `/metrics` at the proxy, where that matters.
 */
@ApiTags('health')
@Controller('metrics')
@Public()
export class MetricsController {
  constructor(private readonly metrics: ApiMetrics) {}

  @Get()
  @ApiOperation({
    summary: 'Prometheus metrics',
    description:
      'Text exposition format: `herald_http_requests_total`, `herald_http_request_duration_seconds`, ' +
      '`herald_events_accepted_total` and the process metrics (memory, CPU, event loop lag).',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'Prometheus text format 0.0.4',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    response.type(this.metrics.app.contentType);
    return this.metrics.app.scrape();
  }
}
