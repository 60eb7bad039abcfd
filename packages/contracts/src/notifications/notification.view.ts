import type { NotifierMessagesView } from '../notifiers/notifier-messages.dto.js';
import type { AttemptOutcome, DeliveryStatus, NotificationStatus, SkipReason } from '../status.enum.js';

export interface AttemptView {
  number: number;
  startedAt: string;
  durationMs: number;
  outcome: AttemptOutcome;
  providerCode: string | null;
  error: string | null;
}

export interface DeliveryView {
  id: string;
  channel: string;
  notifier: string | null;
  userId: string | null;
  address: string | null;
  status: DeliveryStatus;
  reason: SkipReason | null;
  attemptCount: number;
  attempts: AttemptView[];
  lastError: string | null;
  sentAt: string | null;
  /** Set on a failover delivery: the delivery that failed for good and which this one replaces. */
  fallbackOf: string | null;
}

export interface NotificationSummaryView {
  id: string;
  type: string;
  status: NotificationStatus;
  createdAt: string;
  source: { kind: string; id: string } | null;
}

export interface NotificationView extends NotificationSummaryView {
  deliveries: DeliveryView[];
}

export interface ListResponse<Item> {
  items: Item[];
  nextCursor: string | null;
}

export interface AcceptedEventView {
  id: string;
  status: NotificationStatus;
}

/** `POST /v1/notifications/:id/retry`: how many failed deliveries went back to `pending`. */
export interface RetriedNotificationView {
  id: string;
  retried: number;
}

export interface NotifierView {
  name: string;
  type: string;
  description: string | null;
  default: boolean;
  fallback: string | null;
  config: Record<string, unknown>;
  messages: NotifierMessagesView | null;
  /** Tries per delivery; null: the deployment's `HERALD_MAX_ATTEMPTS`. */
  maxAttempts: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface ResourceView {
  kind: string;
  id: string;
  name: string | null;
  parent: { kind: string; id: string } | null;
  inheritNotifiers: boolean;
}

export interface AttachmentView {
  notifier: string;
  triggers: string[];
}

export interface UserView {
  id: string;
  email: string | null;
  name: string | null;
  username: string | null;
  phone: string | null;
  addresses: Record<string, string>;
  timezone: string | null;
}
