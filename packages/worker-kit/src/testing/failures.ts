import { DeliveryError } from '../delivery-error.js';

/** A signal that never aborts, for sends a test lets finish. */
export function openSignal(): AbortSignal {
  return new AbortController().signal;
}

/** The DeliveryError a send rejects with; fails the test if it resolves or throws anything else. */
export async function failureOf(send: Promise<unknown>): Promise<DeliveryError> {
  let outcome: unknown;
  try {
    outcome = await send;
  } catch (error) {
    if (error instanceof DeliveryError) return error;
    throw new Error(`expected a DeliveryError, got ${String(error)}`, { cause: error });
  }
  throw new Error(`expected the send to fail, it resolved with ${JSON.stringify(outcome)}`);
}

/** The DeliveryError a synchronous call throws (a payload builder refusing its input). */
export function thrownBy(action: () => unknown): DeliveryError {
  try {
    action();
  } catch (error) {
    if (error instanceof DeliveryError) return error;
    throw new Error(`expected a DeliveryError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a DeliveryError, nothing was thrown');
}
