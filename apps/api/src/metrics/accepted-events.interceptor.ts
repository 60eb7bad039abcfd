import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import type { Response } from 'express';
import { type Observable, tap } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.decorators.js';
import { type AcceptedVia, acceptedVia } from './accepted-via.js';
import { ApiMetrics } from './api-metrics.js';

interface AcceptedAnswer {
  id: string;
  status: 'accepted';
  replayed?: boolean;
}

/**
 * Counts each accepted event and logs it with its `notificationId`, from the answer the caller got:
 * every way in (REST events, inbound hooks, notifier tests, gRPC Trigger) answers `{id, status:
 * "accepted"}`, and a replay of an idempotent request is no new event.
 */
@Injectable()
export class AcceptedEventsInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Events');

  constructor(private readonly metrics: ApiMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(tap((answer) => this.observe(context, answer)));
  }

  private observe(context: ExecutionContext, answer: unknown): void {
    if (!isAccepted(answer)) return;
    const fields: Record<string, unknown> = { notificationId: answer.id };
    let via: AcceptedVia | null;
    if (context.getType() === 'rpc') {
      via = answer.replayed ? null : 'grpc';
    } else {
      const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
      const response = context.switchToHttp().getResponse<Response>();
      via = response.getHeader('Idempotent-Replayed')
        ? null
        : acceptedVia(request.method, request.route?.path);
      if (request.apiKey) fields.apiKeyId = request.apiKey.id;
      const type = (request.body as { type?: unknown } | undefined)?.type;
      if (typeof type === 'string') fields.type = type;
    }
    if (!via) return;
    this.metrics.eventAccepted(via);
    this.logger.log({ msg: `event accepted via ${via}`, via, ...fields });
  }
}

function isAccepted(answer: unknown): answer is AcceptedAnswer {
  const candidate = answer as Partial<AcceptedAnswer> | null;
  return typeof candidate?.id === 'string' && candidate.status === 'accepted';
}
