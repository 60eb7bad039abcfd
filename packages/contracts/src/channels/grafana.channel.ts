import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** Grafana annotations notifier config: where to mark events on dashboards. */
export class GrafanaConfigDto {
  /** Grafana's base URL, sub-path included (`https://grafana.example.com/grafana`). */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  url: string;

  /** A service account token (or legacy API key) with `annotations:create`. */
  @IsString()
  @MinLength(1)
  @MaxLength(4096)
  apiKey: string;

  /** Ties the annotation to one dashboard; without it the annotation belongs to the organization. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  dashboardUid?: string;

  /** Ties it to one panel of that dashboard. */
  @IsOptional()
  @IsInt()
  @Min(1)
  panelId?: number;

  /** Tags added to every annotation, beside the event type and trigger. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(100, { each: true })
  tags?: string[];

  @IsOptional()
  @IsBoolean()
  tlsSkipVerify?: boolean;
}

export const GRAFANA_CHANNEL: ChannelDefinition = {
  name: ChannelName.Grafana,
  configDto: GrafanaConfigDto,
  addressKind: AddressKind.Notifier,
  secretFields: ['apiKey'],
  // Self-hosted, no documented limit: this only keeps a burst from flooding its database.
  defaultRateLimit: { max: 20, durationMs: 1000 },
  notifierAddress: (config) => {
    if (typeof config.url !== 'string') return null;
    return typeof config.dashboardUid === 'string'
      ? `${config.url} (dashboard ${config.dashboardUid})`
      : config.url;
  },
};
