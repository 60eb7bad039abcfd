import { verifyDockerHubToken } from './dockerhub.verifier.js';

describe('verifyDockerHubToken', () => {
  const token = 'dh-token-0123456789abcdef';

  it('accepts the exact token', () => {
    expect(verifyDockerHubToken(token, token)).toEqual({ verified: true });
  });

  it('refuses another token, a prefix, no token and an empty secret', () => {
    expect(verifyDockerHubToken(token, 'dh-token-0123456789abcdeX')).toMatchObject({ verified: false });
    expect(verifyDockerHubToken(token, token.slice(0, 10))).toMatchObject({ verified: false });
    expect(verifyDockerHubToken(token, undefined)).toMatchObject({
      verified: false,
      reason: expect.stringContaining('/v1/hooks/dockerhub/<account>/<token>'),
    });
    expect(verifyDockerHubToken('', '')).toMatchObject({ verified: false });
  });
});
