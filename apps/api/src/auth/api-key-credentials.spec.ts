import { ErrorCode } from '@herald/contracts';
import { ApiError } from '../errors/api-error.js';
import { hashApiKey, hasScope, parseApiKeyCredentials } from './api-key-credentials.js';
import { ApiScope } from './api-scope.enum.js';

function refusal(headers: Record<string, string>): ApiError {
  try {
    parseApiKeyCredentials(headers);
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected the headers to be refused');
}

describe('parseApiKeyCredentials', () => {
  it('reads a bearer token, whatever the case of the scheme', () => {
    expect(parseApiKeyCredentials({ authorization: 'Bearer abc.123' })).toEqual({
      key: 'abc.123',
      appId: null,
    });
    expect(parseApiKeyCredentials({ authorization: 'bearer abc' })).toEqual({ key: 'abc', appId: null });
  });

  it('reads X-App-Id and X-App-Secret as a pair', () => {
    expect(parseApiKeyCredentials({ 'x-app-id': 'ci', 'x-app-secret': 's3cret' })).toEqual({
      key: 's3cret',
      appId: 'ci',
    });
  });

  it('prefers Authorization when both kinds are sent', () => {
    expect(
      parseApiKeyCredentials({ authorization: 'Bearer one', 'x-app-id': 'ci', 'x-app-secret': 'two' }),
    ).toEqual({ key: 'one', appId: null });
  });

  it.each([
    [{}, /API key is required/],
    [{ authorization: 'Basic dXNlcjpwYXNz' }, /must be "Bearer <api key>"/],
    [{ authorization: 'Bearer ' }, /must be "Bearer <api key>"/],
    [{ authorization: 'Bearer two tokens' }, /must be "Bearer <api key>"/],
    [{ 'x-app-id': 'ci' }, /sent together/],
    [{ 'x-app-secret': 's3cret' }, /sent together/],
  ])('refuses %j with a 401', (headers, message) => {
    const error = refusal(headers as Record<string, string>);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe(ErrorCode.Unauthorized);
    expect(error.message).toMatch(message);
  });
});

describe('hashApiKey', () => {
  it('is the hex SHA-256 of the key', () => {
    expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('hasScope', () => {
  it('grants the scope listed, and everything to admin', () => {
    expect(hasScope([ApiScope.Read], ApiScope.Read)).toBe(true);
    expect(hasScope([ApiScope.Admin], ApiScope.EventsWrite)).toBe(true);
    expect(hasScope([ApiScope.EventsWrite], ApiScope.Read)).toBe(false);
    expect(hasScope([ApiScope.Read, ApiScope.EventsWrite], ApiScope.Admin)).toBe(false);
    expect(hasScope([], ApiScope.Read)).toBe(false);
  });
});
