import { parseArgs } from 'node:util';
import { HeraldApiError } from '@herald/client';
import { EnvValidationError } from '@herald/contracts';
import { HeraldFileError } from './apply/herald-file.js';
import { describeFailure, ExitCode, exitCodeFor } from './exit-code.js';
import { UsageError } from './usage-error.js';

describe('exitCodeFor', () => {
  it('is 2 for every way the command line or its input can be wrong', () => {
    expect(exitCodeFor(new UsageError('missing <type>'))).toBe(ExitCode.Usage);
    expect(exitCodeFor(new HeraldFileError(['notifiers[0].name: required']))).toBe(ExitCode.Usage);
    expect(exitCodeFor(new EnvValidationError(['HERALD_URL: must be a URL']))).toBe(ExitCode.Usage);
    let parseError: unknown;
    try {
      parseArgs({ args: ['--nope'], options: {}, strict: true });
    } catch (error) {
      parseError = error;
    }
    expect(exitCodeFor(parseError)).toBe(ExitCode.Usage);
  });

  it('is 3 when the API refuses (4xx), whatever the reason', () => {
    for (const [status, code] of [
      [400, 'validation_failed'],
      [401, 'unauthorized'],
      [403, 'forbidden'],
      [404, 'not_found'],
      [422, 'idempotency_conflict'],
      [429, 'rate_limited'],
    ] as const) {
      expect(exitCodeFor(new HeraldApiError(status, code, 'no'))).toBe(ExitCode.ApiRefused);
    }
  });

  it('is 4 when the API is away (the client reports no answer as a 503) or failing', () => {
    expect(exitCodeFor(new HeraldApiError(503, 'service_unavailable', 'did not answer'))).toBe(
      ExitCode.ApiUnavailable,
    );
    expect(exitCodeFor(new HeraldApiError(500, 'internal_error', 'oops'))).toBe(ExitCode.ApiUnavailable);
    expect(exitCodeFor(new HeraldApiError(502, 'http_error', 'Bad Gateway'))).toBe(ExitCode.ApiUnavailable);
  });

  it('is 1 for anything else', () => {
    expect(exitCodeFor(new Error('database is gone'))).toBe(ExitCode.Failed);
    expect(exitCodeFor('a string')).toBe(ExitCode.Failed);
  });
});

describe('describeFailure', () => {
  it("gives the contract's code and message for API errors, the message otherwise", () => {
    const error = new HeraldApiError(400, 'validation_failed', 'The event is not valid', [
      { field: 'type', messages: ['type must be ...'] },
    ]);
    expect(describeFailure(error)).toBe(
      '400 validation_failed: The event is not valid (type: type must be ...)',
    );
    expect(describeFailure(new UsageError('missing <id>'))).toBe('missing <id>');
    expect(describeFailure(42)).toBe('42');
  });
});
