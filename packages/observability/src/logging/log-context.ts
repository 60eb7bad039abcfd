import { AsyncLocalStorage } from 'node:async_hooks';

/** Fields every log line written inside a context carries: the correlation ids of what is worked on. */
export interface LogFields {
  notificationId?: string;
  deliveryId?: string;
  channel?: string;
  [field: string]: unknown;
}

const storage = new AsyncLocalStorage<LogFields>();

/**
 * Runs `work` with `fields` added to every line it logs, however deep the call that logs and whether
 * or not it knows the ids: an existing `new Logger('X').warn(...)` inside gets them too. Nested
 * contexts add to the outer one.
 */
export function withLogContext<Result>(fields: LogFields, work: () => Result): Result {
  return storage.run({ ...storage.getStore(), ...fields }, work);
}

/** The fields of the context the caller runs in; empty outside any. */
export function currentLogContext(): LogFields {
  return storage.getStore() ?? {};
}
