import { createHash } from 'node:crypto';
import { ChannelName, type MqttConfigDto } from '@herald/contracts';
import {
  type ChannelAdapter,
  channelConfigOf,
  DeliveryError,
  type OutboundDelivery,
  type OutboundNotifier,
  type SendResult,
} from '@herald/worker-kit';
import { buildMqttPayload } from './build-mqtt-payload.js';
import { classifyMqttError } from './classify-mqtt-error.js';
import { MqttLink } from './mqtt-link.js';

export interface MqttAdapterOptions {
  /** How long the connection may take up to CONNACK, in ms. Default 10 000. */
  connectTimeoutMs?: number;
}

/**
 * Publishes each delivery to the notifier's topic and resolves once the broker acknowledged it.
 * One connection per broker and credentials is kept open across deliveries.
 */
export class MqttAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Mqtt;
  private readonly links = new Map<string, Promise<MqttLink>>();

  constructor(private readonly options: MqttAdapterOptions = {}) {}

  async send(
    delivery: OutboundDelivery,
    notifier: OutboundNotifier,
    signal: AbortSignal,
  ): Promise<SendResult> {
    const config = channelConfigOf<MqttConfigDto>(ChannelName.Mqtt, notifier);
    const publish = buildMqttPayload(delivery, config);
    if (signal.aborted) throw dispatchTimeout(signal);
    try {
      await untilAborted(
        this.link(config).then((link) => link.publish(publish)),
        signal,
      );
    } catch (error) {
      throw classifyMqttError(error);
    }
    return {};
  }

  async close(): Promise<void> {
    const links = [...this.links.values()];
    this.links.clear();
    await Promise.all(links.map((link) => link.then((open) => open.close()).catch(() => undefined)));
  }

  private link(config: MqttConfigDto): Promise<MqttLink> {
    const key = linkKey(config);
    const cached = this.links.get(key);
    if (cached) return cached;
    const opening = MqttLink.open(config, this.options.connectTimeoutMs ?? 10_000, () =>
      this.forget(key, opening),
    );
    this.links.set(key, opening);
    opening.catch(() => this.forget(key, opening));
    return opening;
  }

  private forget(key: string, link: Promise<MqttLink>): void {
    if (this.links.get(key) === link) this.links.delete(key);
  }
}

/** Everything the connection depends on; hashed so no password sits in the map's keys. */
function linkKey({ brokerUrl, username, password, clientId, tlsSkipVerify }: MqttConfigDto): string {
  return createHash('sha256')
    .update(JSON.stringify([brokerUrl, username, password, clientId, tlsSkipVerify ?? false]))
    .digest('hex');
}

/** A publish cannot be taken back; on abort the delivery fails (to be retried) without waiting. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(dispatchTimeout(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function dispatchTimeout(signal: AbortSignal): DeliveryError {
  return DeliveryError.retryable('dispatch timeout: the broker did not acknowledge in time', {
    providerCode: 'ABORT_ERR',
    cause: signal.reason,
  });
}
