import { parse } from 'yaml';
import { UsageError } from '../usage-error.js';

export interface ResourceRef {
  kind: string;
  id: string;
}

export interface NotifierSpec {
  name: string;
  type: string;
  description?: string;
  default?: boolean;
  fallback?: string;
  config: Record<string, unknown>;
  messages?: Record<string, { title?: string; body?: string }>;
  maxAttempts?: number | null;
}

export interface EventTypeSpec {
  name: string;
  templates?: Record<string, Record<string, unknown>>;
  defaultMethods?: string[];
  enabledByDefault?: boolean;
  critical?: boolean;
  group?: string;
  dedupeWindowSeconds?: number | null;
  /** The admin's delivery methods (PUT /v1/admin/event-types/:name/methods). */
  adminMethods?: string[] | null;
}

export interface AttachmentSpec {
  notifier: string;
  triggers: string[];
}

export interface ResourceSpec extends ResourceRef {
  name?: string;
  parent?: ResourceRef;
  inheritNotifiers?: boolean;
  notifiers?: AttachmentSpec[];
}

export interface UserSpec {
  id: string;
  email?: string;
  name?: string;
  username?: string;
  phone?: string;
  addresses?: Record<string, string>;
  timezone?: string;
}

/** What one herald.yaml declares. */
export interface HeraldFile {
  notifiers: NotifierSpec[];
  eventTypes: EventTypeSpec[];
  resources: ResourceSpec[];
  users: UserSpec[];
}

/** A usage error: the file, not the server, is wrong (exit 2). */
export class HeraldFileError extends UsageError {
  constructor(problems: string[]) {
    super(`herald.yaml is not valid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'HeraldFileError';
  }
}

const SECTIONS = ['notifiers', 'eventTypes', 'resources', 'users'] as const;

/**
 * Parses a herald.yaml. `${VAR}` in any string is replaced from `env`, so secrets stay out of the
 * file; a missing variable is an error, never an empty secret. Field values are checked by the
 * API on apply; here only the shape that the plan relies on is.
 */
export function parseHeraldFile(text: string, env: Record<string, string | undefined>): HeraldFile {
  const problems: string[] = [];
  const raw: unknown = interpolate(parse(text) ?? {}, env, problems, '');
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new HeraldFileError(['the top level must be a map']);
  const document = raw as Record<string, unknown>;
  for (const key of Object.keys(document)) {
    if (!(SECTIONS as readonly string[]).includes(key))
      problems.push(`unknown section "${key}" (known: ${SECTIONS.join(', ')})`);
  }
  const section = <Item>(
    name: (typeof SECTIONS)[number],
    check: (item: Record<string, unknown>, at: string) => void,
  ) => {
    const value = document[name] ?? [];
    if (!Array.isArray(value)) {
      problems.push(`${name} must be a list`);
      return [] as Item[];
    }
    value.forEach((item, index) => {
      if (typeof item !== 'object' || item === null) problems.push(`${name}[${index}] must be a map`);
      else check(item as Record<string, unknown>, `${name}[${index}]`);
    });
    return value as Item[];
  };
  const requireString = (item: Record<string, unknown>, field: string, at: string) => {
    if (typeof item[field] !== 'string' || item[field] === '') problems.push(`${at}.${field} is required`);
  };

  const file: HeraldFile = {
    notifiers: section('notifiers', (item, at) => {
      requireString(item, 'name', at);
      requireString(item, 'type', at);
      if (typeof item.config !== 'object' || item.config === null) problems.push(`${at}.config is required`);
    }),
    eventTypes: section('eventTypes', (item, at) => requireString(item, 'name', at)),
    resources: section('resources', (item, at) => {
      requireString(item, 'kind', at);
      requireString(item, 'id', at);
      if (item.notifiers !== undefined && !Array.isArray(item.notifiers))
        problems.push(`${at}.notifiers must be a list`);
    }),
    users: section('users', (item, at) => requireString(item, 'id', at)),
  };
  duplicates(
    file.notifiers.map((n) => n.name),
    'notifier',
    problems,
  );
  duplicates(
    file.eventTypes.map((e) => e.name),
    'event type',
    problems,
  );
  duplicates(
    file.resources.map((r) => `${r.kind}/${r.id}`),
    'resource',
    problems,
  );
  duplicates(
    file.users.map((u) => u.id),
    'user',
    problems,
  );
  if (problems.length > 0) throw new HeraldFileError(problems);
  return file;
}

function interpolate(
  value: unknown,
  env: Record<string, string | undefined>,
  problems: string[],
  at: string,
): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_match, name: string) => {
      const found = env[name];
      if (found === undefined) problems.push(`${at || 'a value'} refers to \${${name}}, which is not set`);
      return found ?? '';
    });
  }
  if (Array.isArray(value))
    return value.map((item, index) => interpolate(item, env, problems, `${at}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        interpolate(item, env, problems, at ? `${at}.${key}` : key),
      ]),
    );
  }
  return value;
}

function duplicates(keys: string[], what: string, problems: string[]): void {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) problems.push(`${what} "${key}" is declared twice`);
    seen.add(key);
  }
}
