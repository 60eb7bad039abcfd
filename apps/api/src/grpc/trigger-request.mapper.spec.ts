import { ErrorCode } from '@herald/contracts';
import type { ApiError } from '../errors/api-error.js';
import type { TriggerRequestMessage } from './herald-grpc.messages.js';
import { toEventBody } from './trigger-request.mapper.js';

// What proto-loader hands over for a request that set only `type`.
const EMPTY: TriggerRequestMessage = {
  type: 'job.failed',
  idempotencyKey: '',
  source: null,
  trigger: '',
  recipients: [],
  dataJson: '',
  actions: [],
  channels: [],
};

function refusal(message: TriggerRequestMessage): ApiError {
  try {
    toEventBody(message);
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected the request to be refused');
}

describe('toEventBody', () => {
  it('leaves out every field proto3 sent empty, as a REST body that omits them', () => {
    expect(toEventBody(EMPTY)).toEqual({ type: 'job.failed' });
  });

  it('maps every field to the REST body', () => {
    expect(
      toEventBody({
        type: 'job.failed',
        idempotencyKey: 'run-7',
        source: { kind: 'job_template', id: '42', ancestors: [{ kind: 'project', id: 'web' }] },
        trigger: 'error',
        recipients: [
          { userId: 'u-1', email: '' },
          { userId: '', email: 'ops@example.com' },
        ],
        dataJson: '{"job": "deploy", "exitCode": 2, "nested": {"ok": null}}',
        actions: [{ label: 'Open', url: 'https://ci.example.com' }],
        channels: ['email', 'slack'],
      }),
    ).toEqual({
      type: 'job.failed',
      idempotencyKey: 'run-7',
      source: { kind: 'job_template', id: '42', ancestors: [{ kind: 'project', id: 'web' }] },
      trigger: 'error',
      recipients: [{ userId: 'u-1' }, { email: 'ops@example.com' }],
      data: { job: 'deploy', exitCode: 2, nested: { ok: null } },
      actions: [{ label: 'Open', url: 'https://ci.example.com' }],
      channels: ['email', 'slack'],
    });
  });

  it('gives a source without ancestors no ancestors field', () => {
    expect(toEventBody({ ...EMPTY, source: { kind: 'project', id: 'web', ancestors: [] } }).source).toEqual({
      kind: 'project',
      id: 'web',
    });
  });

  it.each([
    ['{oops', /dataJson is not valid JSON/],
    ['[1, 2]', /dataJson must hold a JSON object/],
    ['"text"', /dataJson must hold a JSON object/],
    ['null', /dataJson must hold a JSON object/],
  ])('refuses dataJson %s as a validation failure of that field', (dataJson, message) => {
    const error = refusal({ ...EMPTY, dataJson });
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.details).toEqual([{ field: 'dataJson', messages: [expect.stringMatching(message)] }]);
  });
});
