import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ApiMetrics } from './api-metrics.js';

/**
 * Times every HTTP request, those the guards refuse and those no route matches included. The route
 * label is the pattern Express matched (`/v1/notifications/:id`), read once the answer is sent; a
 * request no route matched is `unmatched`, so scanners cannot grow the series.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: ApiMetrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = request.route ? `${request.baseUrl}${String(request.route.path)}` : 'unmatched';
      this.metrics.requestAnswered(request.method, route, response.statusCode, seconds);
    });
    next();
  }
}
