import { CreateEventDto } from '@herald/contracts';
import { plainToInstance } from 'class-transformer';
import { canonicalJson, requestHash } from './request-hash.js';

const event = (body: Record<string, unknown>) => plainToInstance(CreateEventDto, body);

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: null }], c: undefined } })).toBe(
      '{"a":{"d":[{"y":null,"z":1}]},"b":1}',
    );
    expect(canonicalJson([undefined, 'x'])).toBe('[null,"x"]');
  });
});

describe('requestHash', () => {
  const body = { type: 'job.failed', data: { job: 'deploy', exitCode: 2 }, recipients: [{ userId: 'u-1' }] };

  it('ignores the idempotency key and the order of keys', () => {
    const reordered = {
      recipients: [{ userId: 'u-1' }],
      data: { exitCode: 2, job: 'deploy' },
      type: 'job.failed',
    };
    expect(requestHash(event({ ...body, idempotencyKey: 'k-1' }))).toBe(requestHash(event(reordered)));
    expect(requestHash(event(body))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tells bodies apart by any value, array order included', () => {
    const hash = requestHash(event(body));
    expect(requestHash(event({ ...body, data: { job: 'deploy', exitCode: 3 } }))).not.toBe(hash);
    expect(
      requestHash(event({ ...body, recipients: [{ email: 'a@example.com' }, { userId: 'u-1' }] })),
    ).not.toBe(requestHash(event({ ...body, recipients: [{ userId: 'u-1' }, { email: 'a@example.com' }] })));
  });
});
