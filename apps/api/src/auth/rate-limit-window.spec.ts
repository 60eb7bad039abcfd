import { ApiEnv } from '../config/api-env.js';
import { decideRateLimit, rateLimitHeaders, rateLimitWindow } from './rate-limit-window.js';

describe('rateLimitWindow', () => {
  it('numbers the minutes since the epoch and says what is left of this one', () => {
    expect(rateLimitWindow(120_000)).toEqual({ index: 2, remainingMs: 60_000 });
    expect(rateLimitWindow(179_999)).toEqual({ index: 2, remainingMs: 1 });
    expect(rateLimitWindow(150_500)).toEqual({ index: 2, remainingMs: 29_500 });
  });
});

describe('decideRateLimit', () => {
  const window = { index: 2, remainingMs: 29_500 };

  it('allows up to the limit, counting down what remains', () => {
    expect(decideRateLimit(1, 3, window)).toEqual({
      allowed: true,
      limit: 3,
      remaining: 2,
      resetSeconds: 30,
    });
    expect(decideRateLimit(3, 3, window)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('refuses past the limit, never with a negative remainder', () => {
    expect(decideRateLimit(4, 3, window)).toMatchObject({ allowed: false, remaining: 0 });
    expect(decideRateLimit(40, 3, window)).toMatchObject({ allowed: false, remaining: 0 });
  });

  it('never tells a client to retry in 0 seconds', () => {
    expect(decideRateLimit(4, 3, { index: 2, remainingMs: 1 }).resetSeconds).toBe(1);
  });
});

describe('rateLimitHeaders', () => {
  it('sends Retry-After on refusals only', () => {
    const window = { index: 0, remainingMs: 12_000 };
    expect(rateLimitHeaders(decideRateLimit(1, 5, window))).toEqual({
      'RateLimit-Limit': '5',
      'RateLimit-Remaining': '4',
      'RateLimit-Reset': '12',
    });
    expect(rateLimitHeaders(decideRateLimit(6, 5, window))).toEqual({
      'RateLimit-Limit': '5',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': '12',
      'Retry-After': '12',
    });
  });
});

describe('HERALD_INGEST_RATE_LIMIT_PER_MINUTE', () => {
  it('defaults to 6000, takes 0 for no limit and refuses anything else', () => {
    expect(ApiEnv.from({}).ingestRateLimitPerMinute).toBe(6000);
    expect(ApiEnv.from({ HERALD_INGEST_RATE_LIMIT_PER_MINUTE: '0' }).ingestRateLimitPerMinute).toBe(0);
    for (const value of ['-1', 'lots', '1.5']) {
      expect(() => ApiEnv.from({ HERALD_INGEST_RATE_LIMIT_PER_MINUTE: value })).toThrow(
        /HERALD_INGEST_RATE_LIMIT_PER_MINUTE/,
      );
    }
  });
});
