import { IsBoolean, IsIn, IsOptional, IsString, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';
import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/**
 * MQTT notifier config: each delivery is published to `topic` on the broker, by default with QoS 1,
 * and counts as sent once the broker acknowledges it (PUBACK).
 */
export class MqttConfigDto {
  /** `mqtt://`, `mqtts://`, `ws://` or `wss://` with host and port. */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['mqtt', 'mqtts', 'ws', 'wss'] })
  @MaxLength(2048)
  brokerUrl: string;

  /** A topic name to publish to: no wildcards (`+`, `#`). */
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  @Matches(/^[^+#\0]+$/, { message: '$property must be a topic name, without the wildcards + and #' })
  topic: string;

  /** 0, 1 (default) or 2. */
  @IsOptional()
  @IsIn([0, 1, 2])
  qos?: 0 | 1 | 2;

  /** Keep the message as the topic's last known value for later subscribers. */
  @IsOptional()
  @IsBoolean()
  retain?: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  username?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;

  /** A fixed client id; default a random `herald-...` one per connection. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  clientId?: string;

  @IsOptional()
  @IsBoolean()
  tlsSkipVerify?: boolean;
}

export const MQTT_CHANNEL: ChannelDefinition = {
  name: ChannelName.Mqtt,
  configDto: MqttConfigDto,
  addressKind: AddressKind.Notifier,
  secretFields: ['password'],
  // Brokers take thousands of publishes a second; this only keeps one notifier from starving the
  // others.
  defaultRateLimit: { max: 500, durationMs: 1000 },
  notifierAddress: (config) => `${brokerOf(config.brokerUrl)} topic "${String(config.topic ?? '')}"`,
};

/** The broker without any credentials in its URL, or "mqtt" when it does not parse. */
function brokerOf(url: unknown): string {
  try {
    const { protocol, host, pathname } = new URL(String(url));
    return `${protocol}//${host}${pathname === '/' ? '' : pathname}`;
  } catch {
    return 'mqtt';
  }
}
