/** What Discord sends with a 429 on a webhook, as its rate-limit docs describe the headers. */
export const RATE_LIMIT_HEADERS = {
  'content-type': 'application/json',
  'retry-after': '1',
  'x-ratelimit-limit': '5',
  'x-ratelimit-remaining': '0',
  'x-ratelimit-reset-after': '0.640',
  'x-ratelimit-bucket': 'abcd1234',
  'x-ratelimit-scope': 'shared',
};

export const RATE_LIMIT_BODY = { message: 'You are being rate limited.', retry_after: 0.64, global: false };
