/** The ways an event comes in, as `herald_events_accepted_total{via}` tells them apart. */
export type AcceptedVia = 'events' | 'hook' | 'notifier_test' | 'grpc';

/**
 * Which way in a REST route is, from its Express pattern; null for a route that accepts no events
 * (a notification read answers `status: "accepted"` too, and is no new event).
 */
export function acceptedVia(method: string, route: string | undefined): AcceptedVia | null {
  if (method !== 'POST' || !route) return null;
  if (route === '/v1/events') return 'events';
  if (route.startsWith('/v1/hooks/')) return 'hook';
  if (/^\/v1\/notifiers\/[^/]+\/test$/.test(route)) return 'notifier_test';
  return null;
}
