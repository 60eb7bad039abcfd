import type { HookProvider } from '@herald/contracts';
import type { Payload } from './payload-fields.js';

/** What a provider's payload says happened, in Herald's terms, before it becomes an event. */
export interface HookEvent {
  type: string;
  /** `success`, `error`, `started`, `approval` where the payload says so, else the provider's action. */
  trigger: string | null;
  /** One line: `[acme/web] alice pushed 3 commits to main`. */
  summary: string;
  /** The headline; the summary unless the sender chose one (generic hooks). */
  title?: string;
  /** The page about it at the provider, offered as the event's action. */
  link: { label: string; url: string } | null;
}

/**
 * The body of the event, as `POST /v1/events` would take it: the payload is the data, with the
 * summary as `title` (the headline every channel's built-in template shows) and `summary`.
 */
export function toEventBody(
  provider: HookProvider,
  account: string,
  event: HookEvent,
  payload: Payload,
): Record<string, unknown> {
  return {
    type: event.type,
    source: { kind: `${provider}_account`, id: account },
    ...(event.trigger ? { trigger: event.trigger } : {}),
    data: { ...payload, title: event.title ?? event.summary, summary: event.summary },
    actions: event.link ? [event.link] : [],
  };
}
