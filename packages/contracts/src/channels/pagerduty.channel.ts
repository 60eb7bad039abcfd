import {
  IsAlphanumeric,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  MaxLength,
  MinLength,
} from 'class-validator';
import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

export const PAGERDUTY_SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
export type PagerDutySeverity = (typeof PAGERDUTY_SEVERITIES)[number];

/** PagerDuty Events API v2 notifier config: one integration (routing) key of one service. */
export class PagerDutyConfigDto {
  /** The 32-character integration key of an Events API v2 integration or a ruleset. */
  @IsString()
  @IsAlphanumeric()
  @Length(32, 32)
  routingKey: string;

  /** Fixed severity; without it the notification's trigger decides (error, warning, else info). */
  @IsOptional()
  @IsIn(PAGERDUTY_SEVERITIES)
  severity?: PagerDutySeverity;

  /** `payload.source`; defaults to the notification's source resource as `kind/id`. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  source?: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  component?: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  group?: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  class?: string;

  /** Events API base URL (a proxy, the EU endpoint); default https://events.pagerduty.com. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  apiUrl?: string;
}

export const PAGERDUTY_CHANNEL: ChannelDefinition = {
  name: ChannelName.PagerDuty,
  configDto: PagerDutyConfigDto,
  addressKind: AddressKind.Notifier,
  secretFields: ['routingKey'],
  // PagerDuty documents about 120 events per minute per integration key.
  defaultRateLimit: { max: 120, durationMs: 60000 },
};
