/** A parsed JSON object from a provider: nothing in it is trusted to have the documented shape. */
export type Payload = Record<string, unknown>;

export function field(payload: Payload | undefined, ...path: string[]): unknown {
  let value: unknown = payload;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Payload)[key];
  }
  return value;
}

/** A non-empty string at that path, else undefined. */
export function text(payload: Payload | undefined, ...path: string[]): string | undefined {
  const value = field(payload, ...path);
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
}

export function list(payload: Payload | undefined, ...path: string[]): unknown[] {
  const value = field(payload, ...path);
  return Array.isArray(value) ? value : [];
}

export function isPayload(value: unknown): value is Payload {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An absolute http(s) URL at that path, fit for an event action, else undefined. */
export function link(payload: Payload | undefined, ...path: string[]): string | undefined {
  const value = text(payload, ...path);
  return value && /^https?:\/\/\S+$/i.test(value) ? value : undefined;
}
