import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** A numeric chat id (negative for groups and channels) or a public channel's `@username`. */
export const TELEGRAM_CHAT_ID = /^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31})$/;

/**
 * Telegram notifier config: a bot of @BotFather. `chatIds` are where a notifier attached to a
 * resource posts; a user-targeted delivery goes to the user's own chat id instead.
 */
export class TelegramConfigDto {
  // Checked for shape here: the token goes into the request path, and a typo should fail at once.
  @Matches(/^\d{1,20}:[A-Za-z0-9_-]{20,100}$/, { message: 'botToken must look like 123456:ABC-DEF...' })
  botToken: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(TELEGRAM_CHAT_ID, {
    each: true,
    message: 'each value in chatIds must be a numeric chat id or an @channel username',
  })
  chatIds?: string[];

  /** A self-hosted Bot API server (or a proxy); default https://api.telegram.org. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(2048)
  apiUrl?: string;
}

export const TELEGRAM_CHANNEL: ChannelDefinition = {
  name: ChannelName.Telegram,
  configDto: TelegramConfigDto,
  addressKind: AddressKind.Handle,
  secretFields: ['botToken'],
  // Telegram's bot FAQ: no more than about 30 messages per second across chats.
  defaultRateLimit: { max: 30, durationMs: 1000 },
  notifierAddress: (config) => {
    const chatIds = Array.isArray(config.chatIds) ? (config.chatIds as string[]) : [];
    return chatIds.length > 0 ? chatIds.join(', ') : null;
  },
};
