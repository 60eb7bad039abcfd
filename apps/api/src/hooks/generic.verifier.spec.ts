import { createHmac } from 'node:crypto';
import { verifyGenericSignature } from './generic.verifier.js';

describe('verifyGenericSignature', () => {
  const secret = 'generic-secret';
  const body = Buffer.from('{"type":"deploy.finished"}');
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);
  const nowSeconds = now / 1000;
  const sign = (timestamp: number | string, key = secret) =>
    `sha256=${createHmac('sha256', key).update(`${timestamp}.${body.toString()}`).digest('hex')}`;
  const verify = (timestamp: string | undefined, signature: string | undefined, key = secret) =>
    verifyGenericSignature(key, body, { timestamp, signature }, now);

  it('accepts a fresh signature over "<timestamp>.<body>", up to 5 minutes either way', () => {
    expect(verify(String(nowSeconds), sign(nowSeconds))).toEqual({ verified: true });
    expect(verify(String(nowSeconds - 300), sign(nowSeconds - 300))).toEqual({ verified: true });
    expect(verify(String(nowSeconds + 300), sign(nowSeconds + 300))).toEqual({ verified: true });
  });

  it('refuses stale and future timestamps, even correctly signed', () => {
    expect(verify(String(nowSeconds - 301), sign(nowSeconds - 301))).toMatchObject({
      verified: false,
      reason: expect.stringContaining('300 seconds'),
    });
    expect(verify(String(nowSeconds + 301), sign(nowSeconds + 301))).toMatchObject({ verified: false });
  });

  it('refuses a signature moved to another timestamp, a wrong key, and missing headers', () => {
    expect(verify(String(nowSeconds), sign(nowSeconds - 10))).toMatchObject({ verified: false });
    expect(verify(String(nowSeconds), sign(nowSeconds, 'other'))).toMatchObject({ verified: false });
    expect(verify(undefined, sign(nowSeconds))).toMatchObject({ verified: false });
    expect(verify('soon', sign('soon'))).toMatchObject({ verified: false });
    expect(verify(String(nowSeconds), undefined)).toMatchObject({ verified: false });
    expect(verify(String(nowSeconds), sign(nowSeconds, ''), '')).toMatchObject({ verified: false });
  });
});
