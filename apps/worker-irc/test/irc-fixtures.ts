import { ChannelName, type IrcConfigDto } from '@herald/contracts';
import type { OutboundDelivery, OutboundNotifier } from '@herald/worker-kit';
import { outboundDelivery as sharedDelivery, outboundNotifier } from '@herald/worker-kit/testing';

/** A notifier-targeted delivery (no user): it goes to the config's channels. */
export function channelDelivery(overrides: Partial<OutboundDelivery> = {}): OutboundDelivery {
  return sharedDelivery({ channel: ChannelName.Irc, user: null, address: null, ...overrides });
}

/** A delivery for a user whose IRC address is `nick`. */
export function nickDelivery(nick: string, overrides: Partial<OutboundDelivery> = {}): OutboundDelivery {
  return sharedDelivery({ channel: ChannelName.Irc, address: nick, ...overrides });
}

export function ircConfig(overrides: Partial<IrcConfigDto> = {}): IrcConfigDto {
  return { host: '127.0.0.1', port: 6667, tls: false, nick: 'herald', channels: ['#ops'], ...overrides };
}

export function ircNotifier(config: IrcConfigDto): OutboundNotifier {
  return outboundNotifier(ChannelName.Irc, config);
}
