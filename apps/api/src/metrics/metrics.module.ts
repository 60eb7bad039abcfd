import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AcceptedEventsInterceptor } from './accepted-events.interceptor.js';
import { ApiMetrics } from './api-metrics.js';
import { HttpMetricsMiddleware } from './http-metrics.middleware.js';
import { MetricsController } from './metrics.controller.js';

@Module({
  controllers: [MetricsController],
  providers: [
    ApiMetrics,
    AcceptedEventsInterceptor,
    { provide: APP_INTERCEPTOR, useExisting: AcceptedEventsInterceptor },
  ],
  // Global interceptors do not reach a hybrid app's gRPC server: its controller needs
  // @UseInterceptors(AcceptedEventsInterceptor) to count Trigger.
  exports: [ApiMetrics, AcceptedEventsInterceptor],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('/{*path}');
  }
}
