import type { IncomingHttpHeaders } from 'node:http';
import { ErrorCode, HookProvider } from '@herald/contracts';
import { ApiError } from '../errors/api-error.js';
import { verifyDockerHubToken } from './dockerhub.verifier.js';
import { mapDockerHubEvent } from './dockerhub.mapper.js';
import { mapGenericEvent } from './generic.mapper.js';
import { verifyGenericSignature } from './generic.verifier.js';
import { mapGitHubEvent } from './github.mapper.js';
import { verifyGitHubSignature } from './github.verifier.js';
import { sha256Hex, type Verification } from './hook-crypto.js';
import type { HookEvent } from './hook-event.js';
import { isPayload, type Payload } from './payload-fields.js';
import { mapPhabricatorEvent } from './phabricator.mapper.js';
import { verifyPhabricatorSignature } from './phabricator.verifier.js';

/** One request to `POST /v1/hooks/...`, as the controller received it. */
export interface InboundHook {
  account: string;
  /** Docker Hub's token, from the URL path; absent on the other routes. */
  token?: string;
  /** The exact bytes received: what the signatures cover. */
  body: Buffer;
  headers: IncomingHttpHeaders;
}

/** Is the hook from the holder of `secret`? Pure: the clock is passed in. */
export function verifyHook(
  provider: HookProvider,
  secret: string,
  hook: InboundHook,
  nowMs: number,
): Verification {
  switch (provider) {
    case HookProvider.GitHub:
      return verifyGitHubSignature(secret, hook.body, header(hook.headers, 'x-hub-signature-256'));
    case HookProvider.DockerHub:
      return verifyDockerHubToken(secret, hook.token);
    case HookProvider.Phabricator:
      return verifyPhabricatorSignature(
        secret,
        hook.body,
        header(hook.headers, 'x-phabricator-webhook-signature'),
      );
    case HookProvider.Generic:
      return verifyGenericSignature(
        secret,
        hook.body,
        {
          timestamp: header(hook.headers, 'x-herald-timestamp'),
          signature: header(hook.headers, 'x-herald-signature'),
        },
        nowMs,
      );
  }
}

/** The body as a JSON object; GitHub may also be set to send it form-encoded as `payload=<json>`. */
export function parseHookBody(provider: HookProvider, hook: InboundHook): Payload {
  let json = hook.body.toString('utf8');
  const form = /^application\/x-www-form-urlencoded\b/i.test(header(hook.headers, 'content-type') ?? '');
  if (provider === HookProvider.GitHub && form) json = new URLSearchParams(json).get('payload') ?? '';
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ApiError(ErrorCode.InvalidJson, 'The request body is not valid JSON');
  }
  if (!isPayload(value)) throw invalid('body', 'the body must be a JSON object');
  return value;
}

/** A GitHub `ping` (sent when the hook is created): answered, never an event. */
export function gitHubPing(
  provider: HookProvider,
  hook: InboundHook,
  payload: Payload,
): { zen: string | null } | null {
  if (provider !== HookProvider.GitHub || header(hook.headers, 'x-github-event') !== 'ping') return null;
  return { zen: typeof payload.zen === 'string' ? payload.zen : null };
}

export interface ReadHook {
  event: HookEvent;
  /**
   * Makes a provider's retry the same notification: GitHub's delivery id (kept on redelivery);
   * for the others, which send none, a hash of what they signed, which a retry repeats exactly.
   */
  idempotencyKey: string;
}

/** What happened, in Herald's terms, and the key that makes a redelivery harmless. */
export function readHook(provider: HookProvider, hook: InboundHook, payload: Payload): ReadHook {
  const bodyKey = `sha256:${sha256Hex(hook.body)}`;
  switch (provider) {
    case HookProvider.GitHub: {
      const event = header(hook.headers, 'x-github-event');
      if (!event) throw invalid('X-GitHub-Event', 'the X-GitHub-Event header is missing');
      const delivery = header(hook.headers, 'x-github-delivery')?.trim();
      return { event: mapGitHubEvent(event, payload), idempotencyKey: delivery || bodyKey };
    }
    case HookProvider.DockerHub:
      return { event: mapDockerHubEvent(hook.account, payload), idempotencyKey: bodyKey };
    case HookProvider.Phabricator:
      return { event: mapPhabricatorEvent(hook.account, payload), idempotencyKey: bodyKey };
    case HookProvider.Generic: {
      const timestamp = header(hook.headers, 'x-herald-timestamp')?.trim() ?? '';
      const given = header(hook.headers, 'idempotency-key')?.trim();
      return {
        event: mapGenericEvent(hook.account, payload, header(hook.headers, 'x-herald-event')),
        idempotencyKey: given || `sha256:${sha256Hex(`${timestamp}.`, hook.body)}`,
      };
    }
  }
}

function invalid(field: string, message: string): ApiError {
  return ApiError.invalid([{ field, messages: [message] }]);
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
