import { InitialSchema1763830000000 } from './1763830000000-initial-schema.js';
import { NotifierMessages1763900000000 } from './1763900000000-notifier-messages.js';
import { DeliveryGuarantees1763950000000 } from './1763950000000-delivery-guarantees.js';
import { InFlightIndex1764000000000 } from './1764000000000-in-flight-index.js';
import { Failover1764050000000 } from './1764050000000-failover.js';
import { Inbox1764100000000 } from './1764100000000-inbox.js';
import { ApiKeyLimits1764200000000 } from './1764200000000-api-key-limits.js';
import { HookSources1764300000000 } from './1764300000000-hook-sources.js';

/** Every migration, oldest first. A new one is a new file here, never an edit of an old one. */
export const MIGRATIONS = [
  InitialSchema1763830000000,
  NotifierMessages1763900000000,
  DeliveryGuarantees1763950000000,
  InFlightIndex1764000000000,
  Failover1764050000000,
  Inbox1764100000000,
  ApiKeyLimits1764200000000,
  HookSources1764300000000,
];
