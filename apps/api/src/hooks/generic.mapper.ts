import { ApiError } from '../errors/api-error.js';
import type { HookEvent } from './hook-event.js';
import { link, type Payload, text } from './payload-fields.js';

/**
 * Herald's own hook format: any JSON object, its type from the body's `type` (else the
 * `X-Herald-Event` header), with optional `trigger`, `title`, `summary` and `url`.
 */
export function mapGenericEvent(
  account: string,
  payload: Payload,
  headerType: string | undefined,
): HookEvent {
  const type = text(payload, 'type') ?? headerType?.trim();
  if (!type) {
    throw ApiError.invalid([
      { field: 'type', messages: ['the body needs a "type" (or the request an X-Herald-Event header)'] },
    ]);
  }
  const title = text(payload, 'title');
  const summary = text(payload, 'summary') ?? title ?? `[${account}] ${type}`;
  const url = link(payload, 'url');
  return {
    type: `generic.${type}`,
    trigger: text(payload, 'trigger') ?? null,
    summary,
    title: title ?? summary,
    link: url ? { label: 'Open', url } : null,
  };
}
