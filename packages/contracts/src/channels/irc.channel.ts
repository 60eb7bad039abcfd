import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

// RFC 2812 §2.3.1: a letter or special first, then letters, digits, specials and '-'.
const NICK = /^[A-Za-z[\]\\`_^{|}][A-Za-z0-9[\]\\`_^{|}-]*$/;
// RFC 2812 §1.3: a prefix, then anything but space, comma, BELL, colon and line ends.
// eslint-disable-next-line no-control-regex -- BELL is one of the characters the RFC forbids.
const CHANNEL = /^[#&+!][^\s,:\x07\0]+$/;
// A parameter of a command: no spaces or line ends, and never starting with ':'.
const WORD = /^[^\s:\0][^\s\0]*$/;

/**
 * IRC notifier config. Each delivery connects, registers (server password and SASL PLAIN
 * optional), joins `channels` for a notifier target, messages them (or a user's nick), and quits.
 */
export class IrcConfigDto {
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  host: string;

  @IsInt()
  @Min(1)
  @Max(65535)
  port: number;

  @IsBoolean()
  tls: boolean;

  @IsOptional()
  @IsBoolean()
  tlsSkipVerify?: boolean;

  @IsString()
  @Matches(NICK, { message: '$property must be an IRC nickname' })
  @MaxLength(30)
  nick: string;

  /** The USER name (ident); defaults to the nick. */
  @IsOptional()
  @IsString()
  @Matches(/^[^\s@\0]+$/, { message: '$property must not contain spaces or @' })
  @MaxLength(30)
  username?: string;

  /** The real name shown by WHOIS; defaults to "Herald". */
  @IsOptional()
  @IsString()
  @Matches(/^[^\r\n\0]+$/, { message: '$property must be one line' })
  @MaxLength(100)
  realname?: string;

  /** Server password, sent with PASS before registering. */
  @IsOptional()
  @IsString()
  @Matches(WORD, { message: '$property must not contain spaces or start with ":"' })
  @MaxLength(255)
  password?: string;

  /** SASL PLAIN account; both or neither of `saslUsername` and `saslPassword`. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  saslUsername?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  saslPassword?: string;

  /** Channels (with their prefix, e.g. `#ops`) a notifier target is posted to. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  @Matches(CHANNEL, { each: true, message: 'each of $property must be a channel name such as #ops' })
  channels?: string[];

  /** Keys of channels that have one (mode +k), by channel name. */
  @IsOptional()
  @IsObject()
  channelKeys?: Record<string, string>;
}

export const IRC_CHANNEL: ChannelDefinition = {
  name: ChannelName.Irc,
  configDto: IrcConfigDto,
  addressKind: AddressKind.Handle,
  // `channelKeys` is a map, and only string fields are sealed at rest: channel keys are shared with
  // everyone in the channel anyway.
  secretFields: ['password', 'saslPassword'],
  // Every delivery is a connection of its own, and networks throttle connections per host (a few
  // a minute on Libera) on top of the RFC 1459 flood control the worker paces its lines by.
  defaultRateLimit: { max: 1, durationMs: 2000 },
  notifierAddress: (config) => {
    const channels = Array.isArray(config.channels) ? (config.channels as string[]) : [];
    return channels.length > 0 ? channels.join(', ') : null;
  },
};
