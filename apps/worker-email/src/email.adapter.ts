import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { ChannelName, validateChannelConfig, type EmailConfigDto } from '@herald/contracts';
import {
  DeliveryError,
  type ChannelAdapter,
  type OutboundDelivery,
  type OutboundNotifier,
  type SendResult,
} from '@herald/worker-kit';
import {
  createTransport,
  type Mail,
  type SMTPPoolOptions,
  type SMTPPoolSentMessageInfo,
  type SMTPTransportOptions,
} from 'nodemailer';
import { buildEmailPayload } from './build-email-payload.js';
import { classifyEmailError } from './classify-email-error.js';

export interface EmailAdapterOptions {
  /** Simultaneous SMTP connections per notifier. Default 5. */
  maxConnections?: number;
  /** Messages sent over one connection before it is replaced. Default 100. */
  maxMessages?: number;
  /** How long an unused pooled connection stays open, in ms. Default 30 000. */
  idleTimeout?: number;
}

type PooledMailer = Mail<SMTPPoolSentMessageInfo, SMTPPoolOptions>;

interface Pool {
  configHash: string;
  mailer: PooledMailer;
}

const REPLY_CODE = /^([2-5]\d\d)\b/;

/** Sends email deliveries over SMTP with nodemailer, keeping a connection pool per notifier. */
export class EmailAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Email;
  private readonly logger = new Logger(EmailAdapter.name);
  private readonly pools = new Map<string, Pool>();

  constructor(private readonly options: EmailAdapterOptions = {}) {}

  async send(
    delivery: OutboundDelivery,
    notifier: OutboundNotifier,
    signal: AbortSignal,
  ): Promise<SendResult> {
    if (signal.aborted) throw dispatchTimeout(signal.reason);
    const { transport, message } = buildEmailPayload(delivery, emailConfigOf(notifier));
    const mailer = this.mailerFor(notifier, transport);
    try {
      // nodemailer takes the signal through to the pool: an abort drops the queued message or
      // closes only the connection carrying it, so other deliveries of the notifier go on.
      const info = await mailer.sendMail({ ...message, signal });
      return {
        providerCode: REPLY_CODE.exec(info.response)?.[1] ?? '250',
        // A server that rewrites Message-ID (Microsoft 365, SES) reports its own; prefer it.
        providerMessageId: info.serverMessageId ?? info.messageId,
      };
    } catch (error) {
      if (signal.aborted) throw dispatchTimeout(error);
      throw classifyEmailError(error);
    }
  }

  /** Closes every pool; messages already on a connection finish first. */
  async close(): Promise<void> {
    for (const pool of this.pools.values()) pool.mailer.close();
    this.pools.clear();
  }

  private mailerFor(notifier: OutboundNotifier, transport: SMTPTransportOptions): PooledMailer {
    // Keyed by the transport options (credentials included), so an edited notifier gets fresh
    // connections instead of reusing ones authenticated with its old settings.
    const configHash = createHash('sha256').update(JSON.stringify(transport)).digest('hex');
    const current = this.pools.get(notifier.id);
    if (current?.configHash === configHash) return current.mailer;
    current?.mailer.close();

    const mailer = createTransport({
      ...transport,
      pool: true,
      maxConnections: this.options.maxConnections ?? 5,
      maxMessages: this.options.maxMessages ?? 100,
      idleTimeout: this.options.idleTimeout ?? 30_000,
    });
    // Send failures reach the sendMail promise; this only keeps a stray transport error from
    // becoming an unhandled 'error' event that would take the whole worker down.
    mailer.on('error', (error: Error) => {
      this.logger.warn(`SMTP transport of notifier ${notifier.name} failed: ${error.message}`);
    });
    this.pools.set(notifier.id, { configHash, mailer });
    return mailer;
  }
}

/** The runtime hands configs over as plain records; one that fails its DTO can never send. */
function emailConfigOf(notifier: OutboundNotifier): EmailConfigDto {
  const problems = validateChannelConfig(ChannelName.Email, notifier.config);
  if (problems.length > 0) {
    const detail = problems.map((problem) => `${problem.field}: ${problem.messages.join(', ')}`).join('; ');
    throw DeliveryError.permanent(`invalid email config of notifier ${notifier.name}: ${detail}`, {
      providerCode: 'ECONFIG',
    });
  }
  return notifier.config as unknown as EmailConfigDto;
}

function dispatchTimeout(cause: unknown): DeliveryError {
  return DeliveryError.retryable('dispatch timeout: the send was aborted before the server accepted it', {
    providerCode: 'EABORT',
    cause,
  });
}
