import { ApiError } from '../errors/api-error.js';
import type { ResourceRefMessage, TriggerRequestMessage } from './herald-grpc.messages.js';

/**
 * A Trigger request as the body REST's POST /v1/events would have received, for the same DTO to
 * validate it. proto3 cannot send "unset", so empty strings and lists are left out: the same event
 * sent over REST and gRPC then has the same request hash, and its idempotency key replays across both.
 */
export function toEventBody(message: TriggerRequestMessage): Record<string, unknown> {
  const body: Record<string, unknown> = { type: message.type };
  if (message.idempotencyKey) body.idempotencyKey = message.idempotencyKey;
  if (message.source) {
    const ancestors = message.source.ancestors ?? [];
    body.source = {
      ...toRef(message.source),
      ...(ancestors.length > 0 ? { ancestors: ancestors.map(toRef) } : {}),
    };
  }
  if (message.trigger) body.trigger = message.trigger;
  if (message.recipients?.length) {
    body.recipients = message.recipients.map((recipient) => ({
      ...(recipient.userId ? { userId: recipient.userId } : {}),
      ...(recipient.email ? { email: recipient.email } : {}),
    }));
  }
  if (message.dataJson) body.data = parseData(message.dataJson);
  if (message.actions?.length) body.actions = message.actions.map(({ label, url }) => ({ label, url }));
  if (message.channels?.length) body.channels = [...message.channels];
  return body;
}

function toRef({ kind, id }: ResourceRefMessage): ResourceRefMessage {
  return { kind, id };
}

function parseData(json: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw invalidData(`dataJson is not valid JSON: ${(error as Error).message}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw invalidData('dataJson must hold a JSON object');
  }
  return data as Record<string, unknown>;
}

function invalidData(message: string): ApiError {
  return ApiError.invalid([{ field: 'dataJson', messages: [message] }]);
}
