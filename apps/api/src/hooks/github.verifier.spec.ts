import { sign } from '@octokit/webhooks-methods';
import { githubExample } from '../../test/hooks-fixtures.js';
import { verifyGitHubSignature } from './github.verifier.js';

describe('verifyGitHubSignature', () => {
  const secret = "It's a Secret to Everybody";
  const body = JSON.stringify(githubExample('push'));

  it('accepts the signature GitHub computes (as @octokit/webhooks-methods signs)', async () => {
    const signature = await sign(secret, body);
    expect(verifyGitHubSignature(secret, Buffer.from(body), signature)).toEqual({ verified: true });
  });

  it('refuses a signature made with another secret, or over other bytes', async () => {
    const other = await sign('another secret', body);
    expect(verifyGitHubSignature(secret, Buffer.from(body), other)).toMatchObject({ verified: false });
    const signature = await sign(secret, body);
    expect(verifyGitHubSignature(secret, Buffer.from(`${body} `), signature)).toMatchObject({
      verified: false,
    });
  });

  it('refuses a missing header, a bare hex digest and an empty secret', async () => {
    expect(verifyGitHubSignature(secret, Buffer.from(body), undefined)).toEqual({
      verified: false,
      reason: 'the X-Hub-Signature-256 header is missing',
    });
    const hexOnly = (await sign(secret, body)).slice('sha256='.length);
    expect(verifyGitHubSignature(secret, Buffer.from(body), hexOnly)).toMatchObject({ verified: false });
    // Whoever knows the empty key can sign anything: never "verification off".
    const { createHmac } = await import('node:crypto');
    const emptyKeySignature = `sha256=${createHmac('sha256', '').update(body).digest('hex')}`;
    expect(verifyGitHubSignature('', Buffer.from(body), emptyKeySignature)).toMatchObject({
      verified: false,
    });
  });
});
