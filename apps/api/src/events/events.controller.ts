import { Body, Controller, Headers, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type AcceptedEventView, CreateEventDto } from '@herald/contracts';
import { type ApiKeyRecord } from '@herald/data';
import { ApiScope } from '../auth/api-scope.enum.js';
import { Caller, RequireScope } from '../auth/auth.decorators.js';
import { ApiErrors, ApiJsonBody } from '../openapi/api-docs.decorators.js';
import { viewRef } from '../openapi/view-schemas.js';
import { EventsService } from './events.service.js';

@ApiTags('events')
@Controller('v1/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @RequireScope(ApiScope.EventsWrite)
  @ApiOperation({
    summary: 'Accept an event',
    description:
      'Answers once the notification is stored; routing and delivery follow. With an idempotency key ' +
      '(header or `idempotencyKey` field, kept 24 h per API key) a repeat of the same request answers ' +
      'the first answer again with `Idempotent-Replayed: true`; the same key with another request is a 422.',
  })
  @ApiJsonBody(CreateEventDto)
  // Named as @Headers() reads it, so this replaces the parameter swagger infers (as required) from it.
  @ApiHeader({ name: 'idempotency-key', required: false, description: '`Idempotency-Key`: 1-255 characters' })
  @ApiAcceptedResponse({
    description: 'Stored; the route job follows (or the outbox relay, if Redis is away)',
    schema: viewRef('AcceptedEventView'),
    headers: {
      'Idempotent-Replayed': { description: '`true` on a replayed answer', schema: { type: 'string' } },
    },
  })
  @ApiErrors(422)
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
