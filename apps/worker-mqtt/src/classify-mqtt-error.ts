import { classifyTransportError, DEFAULT_RETRY_AFTER_MS, DeliveryError } from '@herald/worker-kit';

// CONNACK return codes of MQTT 3.1.1 (§3.2.2.3) and reason codes of MQTT 5 (§2.4) that the same
// connection or publish would meet again: the config (credentials, client id, topic) is at fault.
const PERMANENT_CODES = new Set([
  1, // unacceptable protocol version
  2, // identifier rejected
  4, // bad user name or password
  5, // not authorized
  129, // malformed packet
  130, // protocol error
  132, // unsupported protocol version
  133, // client identifier not valid
  134, // bad user name or password
  135, // not authorized
  138, // banned
  140, // bad authentication method
  144, // topic name invalid
  149, // packet too large
  153, // payload format invalid
  154, // retain not supported
  155, // QoS not supported
  156, // use another server
  157, // server moved
]);

// The broker asks us to slow down.
const RATE_LIMIT_CODES = new Set([
  150, // message rate too high
  151, // quota exceeded
  159, // connection rate exceeded
]);

/**
 * Sorts why a publish failed. mqtt.js reports CONNACK and PUBACK refusals with their numeric
 * code: bad credentials, not authorized and the like are permanent, the broker asking to slow
 * down is rate limited, the rest (server unavailable or busy, 3) retryable. Socket errors
 * (refused, reset, TLS), `connack timeout` and a connection closed under us are retryable.
 */
export function classifyMqttError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'number') return classifyTransportError(error);
  const message = `MQTT broker refused: ${(error as Error).message}`;
  const options = { providerCode: String(code), cause: error };
  if (PERMANENT_CODES.has(code)) return DeliveryError.permanent(message, options);
  if (RATE_LIMIT_CODES.has(code)) {
    return DeliveryError.rateLimited(message, { ...options, retryAfterMs: DEFAULT_RETRY_AFTER_MS });
  }
  return DeliveryError.retryable(message, options);
}
