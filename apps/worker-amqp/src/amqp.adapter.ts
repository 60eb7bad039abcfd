import { type AmqpConfigDto, ChannelName } from '@herald/contracts';
import {
  type ChannelAdapter,
  channelConfigOf,
  DeliveryError,
  type OutboundDelivery,
  type OutboundNotifier,
  type SendResult,
} from '@herald/worker-kit';
import { AmqpLink } from './amqp-link.js';
import { buildAmqpPayload } from './build-amqp-payload.js';
import { type AmqpOutcome, classifyAmqpError } from './classify-amqp-error.js';

export interface AmqpAdapterOptions {
  /** How long the TCP (and TLS) connection and the AMQP handshake may take, in ms. Default 10 000. */
  connectTimeoutMs?: number;
}

/**
 * Publishes each delivery on a confirm channel and resolves once the broker has confirmed it. One
 * connection per broker URL is kept open across deliveries and replaced when it closes.
 */
export class AmqpAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Amqp;
  private readonly links = new Map<string, Promise<AmqpLink>>();

  constructor(private readonly options: AmqpAdapterOptions = {}) {}

  async send(
    delivery: OutboundDelivery,
    notifier: OutboundNotifier,
    signal: AbortSignal,
  ): Promise<SendResult> {
    const config = channelConfigOf<AmqpConfigDto>(ChannelName.Amqp, notifier);
    const payload = buildAmqpPayload(delivery, config);
    if (signal.aborted) throw dispatchTimeout(signal);
    const outcome = await untilAborted(
      this.link(config.url).then(
        (link) => link.publish(payload),
        (error: unknown): AmqpOutcome => ({ error }),
      ),
      signal,
    );
    const failure = classifyAmqpError(outcome, payload);
    if (failure) throw failure;
    return { providerMessageId: delivery.id };
  }

  async close(): Promise<void> {
    const links = [...this.links.values()];
    this.links.clear();
    await Promise.all(links.map((link) => link.then((open) => open.close()).catch(() => undefined)));
  }

  private link(url: string): Promise<AmqpLink> {
    const cached = this.links.get(url);
    if (cached) return cached;
    const opening = AmqpLink.open(url, this.options.connectTimeoutMs ?? 10_000, () =>
      this.forget(url, opening),
    );
    this.links.set(url, opening);
    opening.catch(() => this.forget(url, opening));
    return opening;
  }

  private forget(url: string, link: Promise<AmqpLink>): void {
    if (this.links.get(url) === link) this.links.delete(url);
  }
}

/**
 * A publish cannot be called back once sent; on abort the delivery fails (to be retried) without
 * waiting for the confirm. The message id lets consumers drop the duplicate that may follow.
 */
function untilAborted(outcome: Promise<AmqpOutcome>, signal: AbortSignal): Promise<AmqpOutcome> {
  return new Promise((resolve) => {
    const onAbort = () => resolve({ error: dispatchTimeout(signal) });
    signal.addEventListener('abort', onAbort, { once: true });
    void outcome.then((settled) => {
      signal.removeEventListener('abort', onAbort);
      resolve(settled);
    });
  });
}

function dispatchTimeout(signal: AbortSignal): DeliveryError {
  return DeliveryError.retryable('dispatch timeout: the broker did not confirm in time', {
    providerCode: 'ABORT_ERR',
    cause: signal.reason,
  });
}
