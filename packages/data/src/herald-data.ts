import type { DataSource, EntityManager } from 'typeorm';
import { createDataSource, type DatabaseOptions, migrateDatabase, redactUrl } from './data-source.js';
import { ApiKeyRepository } from './repositories/api-key.repository.js';
import { DeliveryControlRepository } from './repositories/delivery-control.repository.js';
import { DeliveryRepository } from './repositories/delivery.repository.js';
import { EventTypeRepository } from './repositories/event-type.repository.js';
import { HookSourceRepository } from './repositories/hook-source.repository.js';
import { InboxRepository } from './repositories/inbox.repository.js';
import { FailoverRepository } from './repositories/failover.repository.js';
import { NotificationRepository } from './repositories/notification.repository.js';
import { NotificationUpkeepRepository } from './repositories/notification-upkeep.repository.js';
import { NotifierRepository } from './repositories/notifier.repository.js';
import { PreferenceRepository } from './repositories/preference.repository.js';
import { ResourceRepository } from './repositories/resource.repository.js';
import { SettingRepository } from './repositories/setting.repository.js';
import { UserRepository } from './repositories/user.repository.js';
import { DEVELOPMENT_KEY_WARNING, SecretBox, type SecretKeys } from './secrets/secret-box.js';

export type Transaction = EntityManager;

/** Where start-up says what it did (a Nest Logger fits). */
export interface StartLog {
  log(message: string): void;
  warn(message: string): void;
}

export interface HeraldDataOptions extends DatabaseOptions {
  /**
   * Keys for the notifier secrets encrypted at rest. Omitted or without `current` (tests, local
   * tools): the public development key; apps warn when `usesDevelopmentKey` is true.
   */
  secretKeys?: SecretKeys;
}

/** One connection pool and every repository over it; what apps inject. */
export class HeraldData {
  readonly apiKeys: ApiKeyRepository;
  readonly deliveries: DeliveryRepository;
  readonly deliveryControl: DeliveryControlRepository;
  readonly eventTypes: EventTypeRepository;
  /** Senders of inbound webhooks and their (sealed) secrets. */
  readonly hookSources: HookSourceRepository;
  /** The in-app channel's per-user inbox. */
  readonly inbox: InboxRepository;
  readonly failover: FailoverRepository;
  readonly notifications: NotificationRepository;
  readonly notifiers: NotifierRepository;
  /** Outbox relay, recovery and retention queries. */
  readonly upkeep: NotificationUpkeepRepository;
  readonly preferences: PreferenceRepository;
  readonly resources: ResourceRepository;
  readonly settings: SettingRepository;
  readonly users: UserRepository;

  private constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: SecretBox,
  ) {
    this.apiKeys = new ApiKeyRepository(dataSource);
    this.deliveries = new DeliveryRepository(dataSource, secrets);
    this.eventTypes = new EventTypeRepository(dataSource);
    this.hookSources = new HookSourceRepository(dataSource, secrets);
    this.inbox = new InboxRepository(dataSource);
    this.failover = new FailoverRepository(dataSource);
    this.notifications = new NotificationRepository(dataSource);
    this.notifiers = new NotifierRepository(dataSource, secrets);
    this.upkeep = new NotificationUpkeepRepository(dataSource);
    this.preferences = new PreferenceRepository(dataSource);
    this.resources = new ResourceRepository(dataSource);
    this.settings = new SettingRepository(dataSource);
    this.users = new UserRepository(dataSource);
    this.deliveryControl = new DeliveryControlRepository(dataSource, this.notifications);
  }

  static async connect(options: HeraldDataOptions): Promise<HeraldData> {
    // Before connecting: a bad key should stop the start without a pool left open.
    const secrets = SecretBox.fromKeys(options.secretKeys);
    const dataSource = createDataSource(options);
    await dataSource.initialize();
    return new HeraldData(dataSource, secrets);
  }

  /**
   * What every Herald process does at start: create and migrate the database (whichever process
   * starts first does it; the others wait on the lock), open the pool, and warn when secrets are
   * under the public development key.
   */
  static async start(options: HeraldDataOptions, log: StartLog): Promise<HeraldData> {
    const ran = await migrateDatabase(options.url).catch((error: unknown) => {
      throw new Error(
        `Cannot create or migrate the database at ${redactUrl(options.url)}: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    });
    if (ran.length > 0) log.log(`Migrated ${redactUrl(options.url)}: ${ran.join(', ')}`);
    const data = await HeraldData.connect(options);
    if (data.usesDevelopmentKey) log.warn(DEVELOPMENT_KEY_WARNING);
    return data;
  }

  /** True when notifier secrets are encrypted with the public development key. */
  get usesDevelopmentKey(): boolean {
    return this.secrets.usesDevelopmentKey;
  }

  transaction<Result>(work: (tx: Transaction) => Promise<Result>): Promise<Result> {
    return this.dataSource.transaction(work);
  }

  /** For readiness probes. */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
