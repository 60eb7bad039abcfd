import { constantTimeEqual, hmacSha256Hex } from './hook-crypto.js';

describe('constantTimeEqual', () => {
  it('compares strings of any length without throwing', () => {
    expect(constantTimeEqual('token-1234567890', 'token-1234567890')).toBe(true);
    expect(constantTimeEqual('token-1234567890', 'token-1234567891')).toBe(false);
    expect(constantTimeEqual('short', 'a much longer expected value')).toBe(false);
    expect(constantTimeEqual('', 'x')).toBe(false);
  });
});

describe('hmacSha256Hex', () => {
  it('covers its parts as if concatenated', () => {
    expect(hmacSha256Hex('k', '12.', Buffer.from('{"a":1}'))).toBe(hmacSha256Hex('k', '12.{"a":1}'));
    // RFC 4231 test case 2.
    expect(hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
});
