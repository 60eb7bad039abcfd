import { Injectable, type PipeTransform } from '@nestjs/common';
import type { TriggerRequestMessage } from './herald-grpc.messages.js';
import { toEventBody } from './trigger-request.mapper.js';

/** Turns a Trigger request into REST's event body, ahead of the validation pipe. */
@Injectable()
export class TriggerRequestPipe implements PipeTransform<TriggerRequestMessage, Record<string, unknown>> {
  transform(message: TriggerRequestMessage): Record<string, unknown> {
    return toEventBody(message);
  }
}
