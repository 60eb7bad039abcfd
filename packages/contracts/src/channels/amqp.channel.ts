import { IsObject, IsOptional, IsString, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';
import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/**
 * AMQP 0-9-1 (RabbitMQ) notifier config: each delivery is published, persistent and mandatory, to
 * `exchange` with `routingKey` on a confirm channel, and counts as sent once the broker confirms.
 */
export class AmqpConfigDto {
  /** `amqp(s)://user:pass@host:port/vhost`; a secret, since it carries the credentials. */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['amqp', 'amqps'] })
  @MaxLength(2048)
  url: string;

  /** The exchange to publish to; "" is the default exchange, which routes by queue name. */
  @IsString()
  @MaxLength(255)
  @Matches(/^[A-Za-z0-9_.:-]*$/, { message: '$property must be an exchange name (letters, digits, - _ . :)' })
  exchange: string;

  /** May be "" (a fanout exchange ignores it). */
  @IsString()
  @MaxLength(255)
  routingKey: string;

  /** Extra message headers (AMQP `headers` table), next to Herald's own. */
  @IsOptional()
  @IsObject()
  headers?: Record<string, string | number | boolean>;

  /** Default `application/json`: the body is Herald's JSON document either way. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  contentType?: string;
}

export const AMQP_CHANNEL: ChannelDefinition = {
  name: ChannelName.Amqp,
  configDto: AmqpConfigDto,
  addressKind: AddressKind.Notifier,
  secretFields: ['url'],
  // A broker takes thousands of confirmed publishes a second; this only keeps one notifier from
  // starving the others.
  defaultRateLimit: { max: 500, durationMs: 1000 },
  notifierAddress: (config) => {
    const exchange = config.exchange ? `exchange "${String(config.exchange)}"` : 'default exchange';
    return `${brokerOf(config.url)} ${exchange} routing key "${String(config.routingKey ?? '')}"`;
  },
};

/** The broker without the credentials the URL carries, or "amqp" when it does not parse. */
function brokerOf(url: unknown): string {
  try {
    const { protocol, host, pathname } = new URL(String(url));
    return `${protocol}//${host}${pathname === '/' ? '' : pathname}`;
  } catch {
    return 'amqp';
  }
}
