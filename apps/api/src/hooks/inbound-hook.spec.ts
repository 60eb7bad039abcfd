import { ErrorCode, HookProvider } from '@herald/contracts';
import { ApiError } from '../errors/api-error.js';
import { githubExample } from '../../test/hooks-fixtures.js';
import { toEventBody } from './hook-event.js';
import { gitHubPing, type InboundHook, parseHookBody, readHook } from './inbound-hook.js';

const hook = (body: string, headers: Record<string, string> = {}): InboundHook => ({
  account: 'acme',
  body: Buffer.from(body),
  headers,
});

function thrown(work: () => unknown): ApiError {
  try {
    work();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('nothing thrown');
}

describe('parseHookBody', () => {
  it('parses a JSON object, and GitHub form-encoded payloads', () => {
    expect(parseHookBody(HookProvider.Generic, hook('{"type":"x"}'))).toEqual({ type: 'x' });
    const form = `payload=${encodeURIComponent('{"zen":"Keep it simple."}')}`;
    expect(
      parseHookBody(HookProvider.GitHub, hook(form, { 'content-type': 'application/x-www-form-urlencoded' })),
    ).toEqual({ zen: 'Keep it simple.' });
  });

  it('refuses malformed JSON and JSON that is not an object', () => {
    expect(thrown(() => parseHookBody(HookProvider.Generic, hook('{"type":')))).toMatchObject({
      code: ErrorCode.InvalidJson,
    });
    expect(thrown(() => parseHookBody(HookProvider.Generic, hook('')))).toMatchObject({
      code: ErrorCode.InvalidJson,
    });
    expect(thrown(() => parseHookBody(HookProvider.Generic, hook('[1,2]')))).toMatchObject({
      code: ErrorCode.ValidationFailed,
    });
  });
});

describe('gitHubPing', () => {
  it('recognises GitHub pings only', () => {
    const ping = githubExample('ping');
    expect(gitHubPing(HookProvider.GitHub, hook('', { 'x-github-event': 'ping' }), ping)).toEqual({
      zen: 'Anything added dilutes everything else.',
    });
    expect(gitHubPing(HookProvider.GitHub, hook('', { 'x-github-event': 'push' }), ping)).toBeNull();
    expect(gitHubPing(HookProvider.Generic, hook('', { 'x-github-event': 'ping' }), ping)).toBeNull();
  });
});

describe('readHook', () => {
  it('keys a GitHub hook by its delivery id, and needs its event header', () => {
    const headers = { 'x-github-event': 'push', 'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958' };
    const read = readHook(HookProvider.GitHub, hook('{}', headers), githubExample('push'));
    expect(read.idempotencyKey).toBe('72d3162e-cc78-11e3-81ab-4c9367dc0958');
    expect(read.event.type).toBe('github.push');
    expect(thrown(() => readHook(HookProvider.GitHub, hook('{}'), {})).details?.[0]?.field).toBe(
      'X-GitHub-Event',
    );
  });

  it('keys the providers without delivery ids by what they signed', () => {
    const a = readHook(HookProvider.Phabricator, hook('{"object":{"type":"TASK"}}'), {
      object: { type: 'TASK' },
    });
    const b = readHook(HookProvider.Phabricator, hook('{"object":{"type":"TASK"}}'), {
      object: { type: 'TASK' },
    });
    expect(a.idempotencyKey).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a.idempotencyKey).toBe(b.idempotencyKey);
    const at = (timestamp: string, extra: Record<string, string> = {}) =>
      readHook(HookProvider.Generic, hook('{"type":"x"}', { 'x-herald-timestamp': timestamp, ...extra }), {
        type: 'x',
      });
    expect(at('100').idempotencyKey).not.toBe(at('101').idempotencyKey);
    expect(at('100', { 'idempotency-key': 'run-7' }).idempotencyKey).toBe('run-7');
  });
});

describe('toEventBody', () => {
  it('makes the payload the data, with title and summary, from the provider account', () => {
    const event = { type: 'github.push', trigger: null, summary: '[a/b] x pushed', link: null };
    expect(toEventBody(HookProvider.GitHub, 'acme', event, { ref: 'refs/heads/main' })).toEqual({
      type: 'github.push',
      source: { kind: 'github_account', id: 'acme' },
      data: { ref: 'refs/heads/main', title: '[a/b] x pushed', summary: '[a/b] x pushed' },
      actions: [],
    });
  });
});
