import { randomUUID } from 'node:crypto';
import { hashApiKey } from '../src/auth/api-key-credentials.js';
import { type ApiResponse, expectErrorEnvelope, startTestApp, type TestApp } from './support/test-app.js';

const OTHER_KEY = 'test-other-writer-key-0123456789';

describe('POST /v1/events with an idempotency key', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
    await api.data.apiKeys.ensure('other-writer', hashApiKey(OTHER_KEY), ['events:write']);
  });

  afterAll(async () => {
    await api?.close();
  });

  const event = {
    type: 'job.failed',
    data: { job: 'deploy web', exitCode: 2 },
    recipients: [{ userId: 'u-1' }],
  };

  const post = (body: unknown, key?: string, apiKey?: string): Promise<ApiResponse> =>
    api.request('POST', '/v1/events', {
      body,
      ...(key ? { headers: { 'idempotency-key': key } } : {}),
      ...(apiKey ? { key: apiKey } : {}),
    });

  async function rowsWithKey(key: string): Promise<{ id: string }[]> {
    return api.data.transaction((tx) =>
      tx.query(`SELECT id FROM notifications WHERE idempotency_key = $1`, [key]),
    ) as Promise<{ id: string }[]>;
  }

  function expectFirst(response: ApiResponse): void {
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ id: expect.any(String), status: 'accepted' });
    expect(response.headers.get('idempotent-replayed')).toBeNull();
  }

  function expectReplayOf(response: ApiResponse, first: ApiResponse): void {
    expect(response.status).toBe(202);
    expect(response.body).toEqual(first.body);
    expect(response.headers.get('idempotent-replayed')).toBe('true');
  }

  it('replays the first answer for the same header key and body', async () => {
    const key = `hdr-${randomUUID()}`;
    const first = await post(event, key);
    expectFirst(first);
    const again = await post({ ...event }, key);
    expectReplayOf(again, first);
    expect(await rowsWithKey(key)).toEqual([{ id: first.body.id }]);
    expect((await api.data.notifications.findById(first.body.id))?.requestHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('replays for the same body key, and when the key moves between field and header', async () => {
    const key = `fld-${randomUUID()}`;
    const first = await post({ ...event, idempotencyKey: key });
    expectFirst(first);
    // The same JSON with its keys in another order is the same request.
    expectReplayOf(
      await post({ recipients: event.recipients, idempotencyKey: key, data: event.data, type: event.type }),
      first,
    );
    expectReplayOf(await post(event, key), first);
    expect(await rowsWithKey(key)).toHaveLength(1);
  });

  it('refuses the same key with another body: 422 idempotency_conflict, nothing stored', async () => {
    const key = `conflict-${randomUUID()}`;
    expectFirst(await post(event, key));
    const other = await post({ ...event, data: { job: 'deploy web', exitCode: 3 } }, key);
    expectErrorEnvelope(other, 422, 'idempotency_conflict');
    expect(other.body.error.message).toContain(key);
    expect(await rowsWithKey(key)).toHaveLength(1);
  });

  it('keeps each API key its own keys', async () => {
    const key = `per-caller-${randomUUID()}`;
    const mine = await post(event, key);
    const theirs = await post({ ...event, data: {} }, key, OTHER_KEY);
    expectFirst(mine);
    expectFirst(theirs);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expectReplayOf(await post({ ...event, data: {} }, key, OTHER_KEY), theirs);
  });

  it('stores one notification for 20 concurrent posts of the same key and body', async () => {
    const key = `race-${randomUUID()}`;
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(event, key)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(202));
    const ids = new Set(answers.map((answer) => answer.body.id));
    expect(ids.size).toBe(1);
    expect(answers.filter((answer) => answer.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
    expect(await rowsWithKey(key)).toEqual([{ id: [...ids][0] }]);
  });

  it('lets a key be used again once it is older than 24 hours', async () => {
    const key = `reuse-${randomUUID()}`;
    const first = await post(event, key);
    expectFirst(first);
    await api.data.transaction((tx) =>
      tx.query(`UPDATE notifications SET created_at = now() - interval '24 hours 1 minute' WHERE id = $1`, [
        first.body.id,
      ]),
    );

    // A new request under the old key is a new notification, even with another body.
    const later = await post({ ...event, data: { job: 'deploy api' } }, key);
    expectFirst(later);
    expect(later.body.id).not.toBe(first.body.id);
    expectReplayOf(await post({ ...event, data: { job: 'deploy api' } }, key), later);
    expect(await rowsWithKey(key)).toEqual([{ id: later.body.id }]);
    // The old notification stays, only without its key.
    expect(await api.data.notifications.findById(first.body.id)).toMatchObject({ idempotencyKey: null });
  });
});
