import { Body, Controller, Headers, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { type AcceptedEventView, CreateEventDto } from '@herald/contracts';
import { type ApiKeyRecord } from '@herald/data';
import { ApiScope } from '../auth/api-scope.enum.js';
import { Caller, RequireScope } from '../auth/auth.decorators.js';
import { EventsService } from './events.service.js';

@Controller('v1/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @RequireScope(ApiScope.EventsWrite)
  async accept(
    @Body() event: CreateEventDto,
    @Caller() caller: ApiKeyRecord,
    @Res({ passthrough: true }) response: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<AcceptedEventView> {
    const { view, replayed } = await this.events.accept(event, caller, idempotencyKey);
    // Tells a retrying caller its first request got through (the Stripe convention).
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return view;
  }
}
