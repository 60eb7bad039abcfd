import { ChannelName, type IrcConfigDto } from '@herald/contracts';
import {
  type ChannelAdapter,
  channelConfigOf,
  DeliveryError,
  type OutboundDelivery,
  type OutboundNotifier,
  type SendResult,
} from '@herald/worker-kit';
import { buildIrcPayload } from './build-irc-payload.js';
import { classifyIrcError } from './classify-irc-error.js';
import { IrcConnection } from './irc-connection.js';
import { type IrcIdentity, type IrcMiss, IrcSession } from './irc-session.js';

export interface IrcAdapterOptions {
  /** How long the TCP (and TLS) handshake may take, in ms. Default 10 000. */
  connectTimeoutMs?: number;
  /** How long to wait for the server to close the link after QUIT, in ms. Default 5 000. */
  quitTimeoutMs?: number;
  /** Lines sent before waiting for the server to process them (a PING/PONG). Default 4. */
  windowLines?: number;
}

/**
 * Sends each delivery over a connection of its own: connect, register, join the notifier's
 * channels (or message the user's nick), quit. IRC has no delivery receipt; a message counts as
 * sent once the server has processed it without refusing it.
 */
export class IrcAdapter implements ChannelAdapter {
  readonly channel = ChannelName.Irc;

  constructor(private readonly options: IrcAdapterOptions = {}) {}

  async send(
    delivery: OutboundDelivery,
    notifier: OutboundNotifier,
    signal: AbortSignal,
  ): Promise<SendResult> {
    const config = channelConfigOf<IrcConfigDto>(ChannelName.Irc, notifier);
    const payload = buildIrcPayload(delivery, config);
    const identity = identityOf(config);
    if (signal.aborted) throw dispatchTimeout(signal.reason);

    const connection = await IrcConnection.open(
      { ...config, connectTimeoutMs: this.options.connectTimeoutMs ?? 10_000 },
      signal,
    ).catch((error: unknown) => {
      throw signal.aborted ? dispatchTimeout(error) : classifyIrcError({ error });
    });
    const abort = () => connection.destroy(dispatchTimeout(signal.reason));
    signal.addEventListener('abort', abort, { once: true });
    try {
      const session = new IrcSession(connection, this.options.windowLines);
      await session.register(identity);
      const { joined, misses: joinMisses } = await session.join(payload.joins);
      const reachable = payload.messages.filter(
        ({ target }) => payload.joins.length === 0 || joined.includes(target),
      );
      const sendMisses = await session.deliver(reachable);
      await session.quit(this.options.quitTimeoutMs ?? 5_000);
      return resultOf([...joinMisses, ...sendMisses]);
    } catch (error) {
      throw error instanceof DeliveryError ? error : classifyIrcError({ error });
    } finally {
      signal.removeEventListener('abort', abort);
      connection.destroy();
    }
  }
}

function identityOf(config: IrcConfigDto): IrcIdentity {
  const { saslUsername, saslPassword } = config;
  if ((saslUsername === undefined) !== (saslPassword === undefined)) {
    throw DeliveryError.permanent(
      'the IRC notifier config needs both saslUsername and saslPassword, or neither',
    );
  }
  return {
    nick: config.nick,
    username: config.username ?? config.nick,
    realname: config.realname ?? 'Herald',
    password: config.password,
    sasl: saslUsername && saslPassword ? { username: saslUsername, password: saslPassword } : undefined,
  };
}

/** Misses are no failure, but the attempt history says which targets did not get the message. */
function resultOf(misses: IrcMiss[]): SendResult {
  if (misses.length === 0) return {};
  return {
    providerCode: misses.map(({ code, target, reason }) => `${code} ${target} (${reason})`).join('; '),
  };
}

function dispatchTimeout(cause: unknown): DeliveryError {
  return DeliveryError.retryable('dispatch timeout: the IRC conversation was aborted before it ended', {
    providerCode: 'ABORT_ERR',
    cause,
  });
}
