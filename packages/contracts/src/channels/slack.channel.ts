import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  registerDecorator,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** Fails when `other` is also set: the two fields belong to different sending modes. */
function NotWith(other: keyof SlackConfigDto): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'notWith',
      target: target.constructor,
      propertyName: property as string,
      constraints: [other],
      options: { message: `$property cannot be combined with ${other}` },
      validator: {
        validate: (_value: unknown, args: ValidationArguments) =>
          (args.object as Record<string, unknown>)[other] === undefined,
      },
    });
}

const hasWebhook = (config: SlackConfigDto) => config.webhookUrl !== undefined;
const hasBotToken = (config: SlackConfigDto) => config.botToken !== undefined;

/**
 * Slack notifier config: exactly one of a bot token (Web API `chat.postMessage` to `channels`, or
 * to a user's member id) or an incoming-webhook URL (one fixed channel).
 */
export class SlackConfigDto {
  /** Checked whenever given, and required when there is no webhook. */
  @ValidateIf((config: SlackConfigDto, value: unknown) => value !== undefined || !hasWebhook(config))
  @IsString({ message: 'give either botToken (Web API) or webhookUrl (incoming webhook)' })
  @Matches(/^xox[bp]-[A-Za-z0-9-]+$/, { message: '$property must be a Slack bot token (xoxb-...)' })
  @MaxLength(255)
  @NotWith('webhookUrl')
  botToken?: string;

  /** Channel ids (`C0123ABCD`) or names (`#ops`); where a notifier target is posted. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^#?[^\s,#]{1,80}$/, { each: true, message: 'each of $property must be a channel id or #name' })
  @NotWith('webhookUrl')
  channels?: string[];

  /** Post as a reply in this thread (the parent message's `ts`). */
  @IsOptional()
  @Matches(/^\d{1,12}\.\d{1,9}$/, {
    message: '$property must be a Slack message ts such as 1503435956.000247',
  })
  @NotWith('webhookUrl')
  threadTs?: string;

  /** Web API base URL, for proxies; default https://slack.com/api. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(2048)
  @NotWith('webhookUrl')
  apiUrl?: string;

  /** Checked whenever given, and required when there is no bot token. */
  @ValidateIf((config: SlackConfigDto, value: unknown) => value !== undefined || !hasBotToken(config))
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(2048)
  webhookUrl?: string;
}

export const SLACK_CHANNEL: ChannelDefinition = {
  name: ChannelName.Slack,
  configDto: SlackConfigDto,
  addressKind: AddressKind.Handle,
  secretFields: ['botToken', 'webhookUrl'],
  // Slack allows about one message per second per channel (chat.postMessage and incoming
  // webhooks alike), with short bursts; a 429 slows the queue further.
  defaultRateLimit: { max: 1, durationMs: 1000 },
  notifierAddress: (config) => {
    if (typeof config.webhookUrl === 'string') return 'webhook';
    const channels = Array.isArray(config.channels) ? (config.channels as string[]) : [];
    return channels.length > 0 ? channels.join(', ') : null;
  },
};
