import { createHmac } from 'node:crypto';
import { PHABRICATOR_PAYLOAD } from '../../test/hooks-fixtures.js';
import { verifyPhabricatorSignature } from './phabricator.verifier.js';

describe('verifyPhabricatorSignature', () => {
  const key = 'phab-hmac-key-1234';
  const body = Buffer.from(JSON.stringify(PHABRICATOR_PAYLOAD));
  // As Phabricator's docs compute it: hash_hmac('sha256', $request_body, $hmac_key).
  const signature = createHmac('sha256', key).update(body).digest('hex');

  it('accepts the hex HMAC-SHA256 of the body', () => {
    expect(verifyPhabricatorSignature(key, body, signature)).toEqual({ verified: true });
  });

  it('refuses a wrong or missing signature and an empty key', () => {
    expect(verifyPhabricatorSignature('other-key', body, signature)).toMatchObject({ verified: false });
    expect(
      verifyPhabricatorSignature(key, Buffer.concat([body, Buffer.from('\n')]), signature),
    ).toMatchObject({
      verified: false,
    });
    expect(verifyPhabricatorSignature(key, body, undefined)).toEqual({
      verified: false,
      reason: 'the X-Phabricator-Webhook-Signature header is missing',
    });
    expect(
      verifyPhabricatorSignature('', body, createHmac('sha256', '').update(body).digest('hex')),
    ).toMatchObject({
      verified: false,
    });
  });
});
