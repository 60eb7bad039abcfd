import { type ChannelModel, type ConfirmChannel, connect } from 'amqplib';
import type { AmqpOutcome } from './classify-amqp-error.js';
import type { AmqpPublish } from './build-amqp-payload.js';

/**
 * One broker connection with one confirm channel, shared by every delivery to the same URL. It
 * is done for as soon as either closes; the adapter then opens a new one.
 */
export class AmqpLink {
  private closeError: Error | undefined;
  private done = false;
  // RabbitMQ sends basic.return before the basic.ack of the same message.
  private readonly returned = new Map<string, { replyCode: number; replyText: string }>();

  private constructor(
    private readonly connection: ChannelModel,
    private readonly channel: ConfirmChannel,
    onClose: () => void,
  ) {
    const end = (error?: Error) => {
      this.closeError ??= error;
      if (!this.done) onClose();
      this.done = true;
    };
    // Without 'error' listeners a broker closing the channel would crash the worker.
    connection.on('error', end);
    connection.on('close', end);
    channel.on('error', end);
    channel.on('close', () => {
      end();
      // A closed channel leaves the connection open and useless.
      connection.close().catch(() => undefined);
    });
    channel.on('return', ({ fields, properties }) => {
      // amqplib's types describe a delivery; a returned message carries the basic.return fields.
      const { replyCode, replyText } = fields as unknown as { replyCode: number; replyText: string };
      if (typeof properties.messageId === 'string')
        this.returned.set(properties.messageId, { replyCode, replyText });
    });
  }

  static async open(url: string, connectTimeoutMs: number, onClose: () => void): Promise<AmqpLink> {
    const connection = await connect(url, {
      timeout: connectTimeoutMs,
      clientProperties: { connection_name: 'herald worker-amqp' },
    });
    try {
      return new AmqpLink(connection, await connection.createConfirmChannel(), onClose);
    } catch (error) {
      await connection.close().catch(() => undefined);
      throw error;
    }
  }

  /** Publishes and waits for the broker's confirm; never rejects, the outcome says what happened. */
  publish({ exchange, routingKey, content, properties }: AmqpPublish): Promise<AmqpOutcome> {
    return new Promise((resolve) => {
      const settle = (error: unknown) => {
        const returned = this.returned.get(properties.messageId);
        this.returned.delete(properties.messageId);
        if (error === null || error === undefined) resolve(returned ? { returned } : { confirmed: true });
        else if (error instanceof Error && error.message === 'message nacked') resolve({ nacked: true });
        // amqplib fails pending confirms with a bare "channel closed"; the close says why.
        else resolve({ error: this.closeError ?? error });
      };
      try {
        this.channel.publish(exchange, routingKey, Buffer.from(content, 'utf8'), properties, settle);
      } catch (error) {
        settle(error ?? new Error('publish failed'));
      }
    });
  }

  async close(): Promise<void> {
    this.done = true;
    await this.connection.close().catch(() => undefined);
  }
}
