import { ChannelName, validateChannelConfig, type WebhookConfigDto } from '@herald/contracts';
import {
  DeliveryError,
  type ChannelAdapter,
  type OutboundDelivery,
  type OutboundNotifier,
  type SendResult,
} from '@herald/worker-kit';
import { Agent, request, type Dispatcher } from 'undici';
import { buildWebhookPayload } from './build-webhook-payload.js';
import { classifyWebhookError, type WebhookResponse } from './classify-webhook-error.js';

export interface WebhookAdapterOptions {
  /** How long to wait for the TCP (and TLS) connection, in ms. Default 10 000. */
  connectTimeoutMs?: number;
  /** How long an idle keep-alive connection is kept for the next delivery, in ms. Default 10 000. */
  keepAliveTimeoutMs?: number;
}

type ResponseBody = Dispatcher.ResponseData['body'];

// Enough of an error page to explain it; the classifier keeps the first 500 characters.
const EXCERPT_BYTES = 4 * 1024;
// A 2xx body is read this far so its connection can be reused, then the socket is dropped.
const DRAIN_LIMIT_BYTES = 64 * 1024;

/** Posts webhook deliveries with undici over keep-alive connections shared by every notifier. */
export class WebhookAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Webhook;
  private readonly agent: Agent;
  private insecureAgent: Agent | undefined;

  constructor(private readonly options: WebhookAdapterOptions = {}) {
    this.agent = this.createAgent(true);
  }

  async send(
    delivery: OutboundDelivery,
    notifier: OutboundNotifier,
    signal: AbortSignal,
  ): Promise<SendResult> {
    if (signal.aborted) throw dispatchTimeout(signal.reason);
    const config = webhookConfigOf(notifier);
    const { url, method, headers, body } = buildWebhookPayload(delivery, config);

    let response: WebhookResponse;
    try {
      const answer = await request(url, { method, headers, body, signal, dispatcher: this.agentFor(config) });
      const ok = answer.statusCode >= 200 && answer.statusCode < 300;
      response = {
        status: answer.statusCode,
        headers: answer.headers,
        body: ok ? await drain(answer.body) : await excerpt(answer.body),
      };
    } catch (error) {
      // undici rejects with the signal's reason, which says nothing about a dispatch timeout.
      if (signal.aborted) throw dispatchTimeout(error);
      throw classifyWebhookError({ error });
    }

    const failure = classifyWebhookError({ response });
    if (failure) throw failure;
    return { providerCode: String(response.status) };
  }

  /** Waits for requests in flight, then closes every connection. */
  async close(): Promise<void> {
    await Promise.all([this.agent.close(), this.insecureAgent?.close()]);
  }

  private agentFor(config: WebhookConfigDto): Agent {
    if (!config.tlsSkipVerify) return this.agent;
    // A separate agent, so a connection opened without certificate checks is never handed to
    // a notifier that asked for them.
    this.insecureAgent ??= this.createAgent(false);
    return this.insecureAgent;
  }

  private createAgent(rejectUnauthorized: boolean): Agent {
    return new Agent({
      keepAliveTimeout: this.options.keepAliveTimeoutMs ?? 10_000,
      connect: { timeout: this.options.connectTimeoutMs ?? 10_000, rejectUnauthorized },
    });
  }
}

/** The runtime hands configs over as plain records; one that fails its DTO can never send. */
function webhookConfigOf(notifier: OutboundNotifier): WebhookConfigDto {
  const problems = validateChannelConfig(ChannelName.Webhook, notifier.config);
  if (problems.length > 0) {
    const detail = problems.map((problem) => `${problem.field}: ${problem.messages.join(', ')}`).join('; ');
    throw DeliveryError.permanent(`invalid webhook config of notifier ${notifier.name}: ${detail}`);
  }
  return notifier.config as unknown as WebhookConfigDto;
}

/** The receiver answered 2xx, so the delivery is done whatever happens to the rest of the body. */
async function drain(body: ResponseBody): Promise<string> {
  await body.dump({ limit: DRAIN_LIMIT_BYTES }).catch(() => undefined);
  return '';
}

/** Reads the start of an error body for the attempt history and drops the rest. */
async function excerpt(body: ResponseBody): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= EXCERPT_BYTES) break;
    }
  } catch {
    // A body cut short still explains the status with what arrived of it.
  } finally {
    body.destroy();
  }
  return Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8');
}

function dispatchTimeout(cause: unknown): DeliveryError {
  return DeliveryError.retryable('dispatch timeout: the request was aborted before the receiver answered', {
    providerCode: 'UND_ERR_ABORTED',
    cause,
  });
}
