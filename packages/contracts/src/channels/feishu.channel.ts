import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

export enum FeishuMode {
  /** A group's custom bot: one chat, no user targets. */
  Webhook = 'webhook',
  /** An app's bot through the Open API: any user or chat, idempotent, urgent alerts. */
  App = 'app',
}

export const FEISHU_RECEIVE_ID_TYPES = ['open_id', 'user_id', 'union_id', 'email', 'chat_id'] as const;
export type FeishuReceiveIdType = (typeof FEISHU_RECEIVE_ID_TYPES)[number];

export const FEISHU_URGENT_KINDS = ['app', 'sms', 'phone'] as const;
export type FeishuUrgentKind = (typeof FEISHU_URGENT_KINDS)[number];

const HTTP_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/**
 * Feishu (Lark) notifier config. Each mode requires its own fields; a field of the other mode is
 * still checked when given, so a typo never lies there unnoticed.
 */
export class FeishuConfigDto {
  @IsIn(Object.values(FeishuMode))
  mode: FeishuMode;

  /** `https://open.feishu.cn/open-apis/bot/v2/hook/<token>` (or open.larksuite.com for Lark). */
  @ValidateIf(
    (config: FeishuConfigDto) => config.mode === FeishuMode.Webhook || config.webhookUrl !== undefined,
  )
  @IsUrl(HTTP_URL)
  @MaxLength(2048)
  webhookUrl?: string;

  /** The custom bot's signing secret ("signature verification" in its security settings). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  webhookSecret?: string;

  @ValidateIf((config: FeishuConfigDto) => config.mode === FeishuMode.App || config.appId !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  appId?: string;

  @ValidateIf((config: FeishuConfigDto) => config.mode === FeishuMode.App || config.appSecret !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  appSecret?: string;

  /** How `receiveIds` name their recipients; `chat_id` when absent. */
  @IsOptional()
  @IsIn(FEISHU_RECEIVE_ID_TYPES)
  receiveIdType?: FeishuReceiveIdType;

  /** Where an app notifier sends when it is attached to a resource. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(255, { each: true })
  receiveIds?: string[];

  /** Buzz the recipients after the message is sent (app mode; sms and phone use the tenant's quota). */
  @IsOptional()
  @IsIn(FEISHU_URGENT_KINDS)
  urgent?: FeishuUrgentKind;

  /** Open API base for app mode; `https://open.feishu.cn` when absent (`https://open.larksuite.com` for Lark). */
  @IsOptional()
  @IsUrl(HTTP_URL)
  @MaxLength(2048)
  apiUrl?: string;
}

export const FEISHU_CHANNEL: ChannelDefinition = {
  name: ChannelName.Feishu,
  configDto: FeishuConfigDto,
  addressKind: AddressKind.Handle,
  secretFields: ['webhookUrl', 'webhookSecret', 'appSecret'],
  // A custom bot takes 5 requests a second (100 a minute); an app may send 50 a second, 5 to one chat.
  defaultRateLimit: { max: 5, durationMs: 1000 },
  notifierAddress: (config) => {
    if (config.mode === FeishuMode.Webhook) return 'custom bot webhook';
    const ids = Array.isArray(config.receiveIds) ? (config.receiveIds as string[]) : [];
    const type = typeof config.receiveIdType === 'string' ? config.receiveIdType : 'chat_id';
    return ids.length > 0 ? `${type}: ${ids.join(', ')}` : null;
  },
};
