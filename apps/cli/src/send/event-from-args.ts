import type { HeraldEvent } from '@herald/client';
import { UsageError } from '../usage-error.js';

export interface SendArgs {
  /** `kind/id`, e.g. `project/web`. */
  source?: string;
  trigger?: string;
  user?: string[];
  email?: string[];
  channel?: string[];
  idempotencyKey?: string;
  /** The JSON text of `--data` or of the `--data-file`, and which one it was, for messages. */
  data?: { text: string; from: string };
}

/**
 * The event `herald send` posts. Only what the API cannot tell apart is checked here (a source
 * without its slash, JSON that does not parse or is not an object); the API validates the rest.
 */
export function eventFromArgs(type: string, args: SendArgs): HeraldEvent {
  const recipients = [
    ...(args.user ?? []).map((userId) => ({ userId })),
    ...(args.email ?? []).map((email) => ({ email })),
  ];
  return {
    type,
    ...(args.source !== undefined ? { source: parseSource(args.source) } : {}),
    ...(args.trigger !== undefined ? { trigger: args.trigger } : {}),
    ...(recipients.length > 0 ? { recipients } : {}),
    ...(args.data ? { data: parseData(args.data.text, args.data.from) } : {}),
    ...(args.channel?.length ? { channels: args.channel } : {}),
    ...(args.idempotencyKey !== undefined ? { idempotencyKey: args.idempotencyKey } : {}),
  } as HeraldEvent;
}

/** `project/web` → `{kind: "project", id: "web"}`; an id may itself hold slashes. */
export function parseSource(text: string): { kind: string; id: string } {
  const slash = text.indexOf('/');
  if (slash <= 0 || slash === text.length - 1)
    throw new UsageError(`--source must be kind/id (e.g. project/web), got "${text}"`);
  return { kind: text.slice(0, slash), id: text.slice(slash + 1) };
}

export function parseData(text: string, from: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${from} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UsageError(`${from} must be a JSON object, e.g. '{"job": "deploy web"}'`);
  return value as Record<string, unknown>;
}
