import { matchesTrigger } from './trigger-match.js';

describe('matchesTrigger', () => {
  it('fires `any` for every event', () => {
    expect(matchesTrigger(['any'], null, 'job.failed')).toBe(true);
  });

  it('fires a named trigger only for events carrying it', () => {
    expect(matchesTrigger(['error'], 'error', 'job.failed')).toBe(true);
    expect(matchesTrigger(['error'], 'success', 'job.succeeded')).toBe(false);
    expect(matchesTrigger(['success', 'error'], 'success', 'job.succeeded')).toBe(true);
    expect(matchesTrigger(['started'], null, 'started')).toBe(false);
  });

  it('treats anything else as an event-type glob', () => {
    expect(matchesTrigger(['github.*'], null, 'github.push')).toBe(true);
    expect(matchesTrigger(['github.push'], null, 'github.push')).toBe(true);
    expect(matchesTrigger(['github.push'], null, 'github.pull_request')).toBe(false);
    expect(matchesTrigger(['github.*'], null, 'gitlab.push')).toBe(false);
    expect(matchesTrigger(['job.?'], null, 'job.x')).toBe(false);
  });
});
