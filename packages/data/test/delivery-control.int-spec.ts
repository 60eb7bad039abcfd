import { randomUUID } from 'node:crypto';
import { AttemptOutcome, DeliveryStatus, NotificationStatus } from '@herald/contracts';
import { createTestDatabase, type TestDatabase } from '@herald/testing';
import { HeraldData, migrateDatabase, type NewDelivery } from '../src/index.js';
import { deliveryFixture, notificationFixture } from '../src/testing/fixtures.js';

const MESSAGE = { title: 't', markdown: 'b', text: 'b' };

describe('cancel and retry against a real Postgres', () => {
  let database: TestDatabase;
  let data: HeraldData;
  let notifierId: string;

  beforeAll(async () => {
    database = await createTestDatabase(migrateDatabase);
    data = await HeraldData.connect({ url: database.url });
    notifierId = (
      await data.notifiers.create({
        name: 'patient_hook',
        type: 'webhook',
        description: null,
        isDefault: false,
        fallback: null,
        config: { url: 'http://127.0.0.1:9/' },
        maxAttempts: 4,
      })
    ).id;
  });

  afterAll(async () => {
    await data?.close();
    await database?.drop();
  });

  async function notification(status = NotificationStatus.Routed): Promise<string> {
    const id = randomUUID();
    await data.notifications.insert(
      notificationFixture({
        id,
      }),
    );
    if (status !== NotificationStatus.Accepted) {
      await data.transaction((tx) => data.notifications.setStatus(tx, id, status));
    }
    return id;
  }

  async function delivery(notificationId: string, overrides: Partial<NewDelivery> = {}): Promise<string> {
    const id = randomUUID();
    await data.transaction((tx) =>
      data.deliveries.insertMany(tx, [
        deliveryFixture({
          id,
          notificationId,
          address: 'http://127.0.0.1:9/',
          message: MESSAGE,
          maxAttempts: 2,
          ...overrides,
        }),
      ]),
    );
    return id;
  }

  /** One real claim and record, as a worker would do them. */
  async function attempt(id: string, outcome: AttemptOutcome, status: DeliveryStatus): Promise<void> {
    const claimed = await data.deliveries.claim(id, 60_000);
    expect(claimed).not.toBeNull();
    await data.deliveries.recordAttempt(
      id,
      {
        number: claimed!.attemptCount,
        startedAt: new Date(),
        durationMs: 5,
        outcome,
        providerCode: null,
        error: outcome === AttemptOutcome.Sent ? null : 'provider said no',
      },
      status,
      outcome === AttemptOutcome.Sent ? null : 'provider said no',
    );
  }

  async function statuses(notificationId: string) {
    const view = await data.notifications.findView(notificationId);
    return { notification: view?.status, deliveries: view?.deliveries.map((d) => d.status) };
  }

  describe('cancel', () => {
    it('cancels pending and retrying deliveries, leaves a send in flight and finished ones alone', async () => {
      const id = await notification();
      const pending = await delivery(id);
      const retrying = await delivery(id);
      await attempt(retrying, AttemptOutcome.Retryable, DeliveryStatus.Retrying);
      const sending = await delivery(id);
      expect(await data.deliveries.claim(sending, 60_000)).not.toBeNull();
      const sent = await delivery(id);
      await attempt(sent, AttemptOutcome.Sent, DeliveryStatus.Sent);

      const result = await data.deliveryControl.cancel(id);

      expect(result?.cancelled.map((d) => d.id).sort()).toEqual([pending, retrying].sort());
      expect(result?.cancelled[0]).toEqual(expect.objectContaining({ channel: 'webhook' }));
      // The send in flight keeps the notification open until its worker records the outcome.
      expect(await statuses(id)).toEqual({
        notification: 'routed',
        deliveries: ['cancelled', 'cancelled', 'sending', 'sent'],
      });
      expect(await data.deliveries.claim(pending, 60_000)).toBeNull();

      await data.deliveries.recordAttempt(
        sending,
        {
          number: 1,
          startedAt: new Date(),
          durationMs: 5,
          outcome: AttemptOutcome.Sent,
          providerCode: null,
          error: null,
        },
        DeliveryStatus.Sent,
        null,
      );
      await data.notifications.completeIfSettled(id);
      expect((await statuses(id)).notification).toBe('completed');
    });

    it('completes the notification when nothing is in flight, and a second cancel changes nothing', async () => {
      const id = await notification();
      await delivery(id);
      await delivery(id, { status: DeliveryStatus.Skipped, message: null });

      expect((await data.deliveryControl.cancel(id))?.cancelled).toHaveLength(1);
      expect(await statuses(id)).toEqual({ notification: 'completed', deliveries: ['cancelled', 'skipped'] });
      expect(await data.deliveryControl.cancel(id)).toEqual({ cancelled: [] });
      expect((await statuses(id)).notification).toBe('completed');
    });

    it('completes a notification not routed yet, so the router routes nothing', async () => {
      const id = await notification(NotificationStatus.Accepted);
      expect(await data.deliveryControl.cancel(id)).toEqual({ cancelled: [] });
      expect(await statuses(id)).toEqual({ notification: 'completed', deliveries: [] });
    });

    it('answers null for an unknown notification', async () => {
      expect(await data.deliveryControl.cancel(randomUUID())).toBeNull();
    });
  });

  describe('redrive', () => {
    it('gives failed deliveries a fresh budget on top of the tries they used, keeping their history', async () => {
      const id = await notification();
      const viaNotifier = await delivery(id, { notifierId, notifierName: 'patient_hook' });
      await attempt(viaNotifier, AttemptOutcome.Retryable, DeliveryStatus.Retrying);
      await attempt(viaNotifier, AttemptOutcome.Retryable, DeliveryStatus.Failed);
      const withDefault = await delivery(id);
      await attempt(withDefault, AttemptOutcome.Permanent, DeliveryStatus.Failed);
      const renderFailed = await delivery(id, {
        status: DeliveryStatus.Failed,
        message: null,
        lastError: 'tag not closed',
      });
      await delivery(id, { status: DeliveryStatus.Skipped, message: null });
      await data.notifications.completeIfSettled(id);
      expect((await statuses(id)).notification).toBe('completed');

      const result = await data.deliveryControl.redrive(id, 3);

      expect(result?.retried).toBe(2);
      // Tries left: the notifier's 4, and the default 3 (its one try used is not counted again).
      expect(
        result?.dispatch.map(({ id: deliveryId, attemptsLeft }) => ({ deliveryId, attemptsLeft })),
      ).toEqual([
        { deliveryId: viaNotifier, attemptsLeft: 4 },
        { deliveryId: withDefault, attemptsLeft: 3 },
      ]);
      expect(await statuses(id)).toEqual({
        notification: 'routed',
        deliveries: ['pending', 'pending', 'failed', 'skipped'],
      });
      const view = await data.notifications.findView(id);
      expect(view?.deliveries[0]).toMatchObject({
        attemptCount: 2,
        attempts: [{ number: 1 }, { number: 2 }],
      });
      expect(view?.deliveries.find((d) => d.id === renderFailed)?.lastError).toBe('tag not closed');

      // The next claim counts on: attempt 3 of 2 + 4.
      const claimed = await data.deliveries.claim(viaNotifier, 60_000);
      expect(claimed).toMatchObject({ attemptCount: 3, maxAttempts: 6 });
    });

    it('retries nothing when nothing failed, and still lists what waits for a job', async () => {
      const id = await notification();
      const pending = await delivery(id);
      const sent = await delivery(id);
      await attempt(sent, AttemptOutcome.Sent, DeliveryStatus.Sent);

      const result = await data.deliveryControl.redrive(id, 5);

      expect(result).toEqual({
        retried: 0,
        dispatch: [{ id: pending, channel: 'webhook', attemptsLeft: 2 }],
      });
      expect((await statuses(id)).notification).toBe('routed');
    });

    it('answers null for an unknown notification', async () => {
      expect(await data.deliveryControl.redrive(randomUUID(), 5)).toBeNull();
    });
  });
});

describe('pause flags against a real Postgres', () => {
  let database: TestDatabase;
  let data: HeraldData;

  beforeAll(async () => {
    database = await createTestDatabase(migrateDatabase);
    data = await HeraldData.connect({ url: database.url });
  });

  afterAll(async () => {
    await data?.close();
    await database?.drop();
  });

  it('keeps the global switch and each channel switch apart', async () => {
    expect(await data.settings.readPauseFlags()).toEqual({ paused: false, channels: [] });

    await data.settings.writePauseFlag(null, true);
    await data.settings.writePauseFlag('webhook', true);
    await data.settings.writePauseFlag('email', true);
    expect(await data.settings.readPauseFlags()).toEqual({ paused: true, channels: ['email', 'webhook'] });

    await data.settings.writePauseFlag(null, false);
    await data.settings.writePauseFlag('email', false);
    expect(await data.settings.readPauseFlags()).toEqual({ paused: false, channels: ['webhook'] });
  });

  it('survives a new connection', async () => {
    await data.settings.writePauseFlag(null, true);
    const again = await HeraldData.connect({ url: database.url });
    try {
      expect((await again.settings.readPauseFlags()).paused).toBe(true);
    } finally {
      await again.close();
    }
  });
});
