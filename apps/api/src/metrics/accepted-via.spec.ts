import { acceptedVia } from './accepted-via.js';

describe('acceptedVia', () => {
  it('names the ways in that accept events', () => {
    expect(acceptedVia('POST', '/v1/events')).toBe('events');
    expect(acceptedVia('POST', '/v1/hooks/:provider/:account')).toBe('hook');
    expect(acceptedVia('POST', '/v1/hooks/dockerhub/:account/:token')).toBe('hook');
    expect(acceptedVia('POST', '/v1/notifiers/:name/test')).toBe('notifier_test');
  });

  it('is null for any other route, method, or no route at all', () => {
    expect(acceptedVia('GET', '/v1/notifications/:id')).toBeNull();
    expect(acceptedVia('GET', '/v1/events')).toBeNull();
    expect(acceptedVia('POST', '/v1/notifications/:id/cancel')).toBeNull();
    expect(acceptedVia('POST', undefined)).toBeNull();
  });
});
