import { redactPath } from './api-exception.filter.js';

describe('redactPath', () => {
  it("hides a Docker Hub hook's token, the last segment of its path", () => {
    expect(redactPath('/v1/hooks/dockerhub/acme/s3cr3t-token-123456')).toBe('/v1/hooks/dockerhub/acme/***');
    expect(redactPath('/v1/hooks/dockerhub/acme/s3cr3t?x=1')).toBe('/v1/hooks/dockerhub/acme/***?x=1');
  });

  it('leaves every other path alone', () => {
    expect(redactPath('/v1/hooks/github/acme')).toBe('/v1/hooks/github/acme');
    expect(redactPath('/v1/notifications/42')).toBe('/v1/notifications/42');
  });
});
