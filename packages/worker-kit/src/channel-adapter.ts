import type { ChannelName, RenderedMessage } from '@herald/contracts';
import type { HeraldData } from '@herald/data';
import type { WorkerEnv } from './worker-env.js';

/** Everything an adapter needs to send one delivery; loaded by the runtime after the claim. */
export interface OutboundDelivery {
  id: string;
  channel: ChannelName;
  /** Where to: a user's email, a comma-separated `to` list, a URL; null when the notifier config alone decides. */
  address: string | null;
  message: RenderedMessage;
  /** 1 on the first try. */
  attemptNumber: number;
  notification: {
    id: string;
    type: string;
    data: Record<string, unknown>;
    actions: { label: string; url: string }[];
    source: { kind: string; id: string } | null;
    trigger: string | null;
    createdAt: Date;
  };
  /** The user the delivery is for, when it targets one. */
  user: { id: string; email: string | null; name: string | null; username: string | null } | null;
}

/** The notifier the delivery goes through, with its config decrypted. */
export interface OutboundNotifier {
  id: string;
  name: string;
  type: ChannelName;
  config: Record<string, unknown>;
}

export interface SendResult {
  /** The provider's status (HTTP status, SMTP reply code) for the attempt history. */
  providerCode?: string;
  /** The provider's id of the message, when it gives one. */
  providerMessageId?: string;
}

/**
 * One channel's way of sending. `send` resolves when the provider accepted the message and throws a
 * `DeliveryError` otherwise (anything else thrown is treated as retryable). It must honour `signal`:
 * the runtime aborts it at the dispatch timeout.
 */
export interface ChannelAdapter {
  readonly channel: ChannelName;
  send(delivery: OutboundDelivery, notifier: OutboundNotifier, signal: AbortSignal): Promise<SendResult>;
  /**
   * Called once at boot, before any job: for an adapter that needs Herald's own database or the
   * worker's env (the in-app inbox writes rows and publishes on Redis).
   */
  init?(context: AdapterContext): Promise<void>;
  /** Release pooled connections on shutdown. */
  close?(): Promise<void>;
}

export interface AdapterContext {
  data: HeraldData;
  env: WorkerEnv;
}
