import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/**
 * InApp notifier config. The item goes to the inbox of the delivery's user, in Herald's own
 * database, so there is no destination to configure: `{}` is a complete config.
 */
export class InAppConfigDto {
  /** Items expire this many days after they arrive: hidden from the inbox, then purged. Unset: kept. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  ttlDays?: number;
}

export const INAPP_CHANNEL: ChannelDefinition = {
  name: ChannelName.InApp,
  configDto: InAppConfigDto,
  addressKind: AddressKind.User,
  secretFields: [],
  // One insert and one publish per delivery, both local: the limit only keeps a flood of events
  // from starving the rest of Herald's Postgres pool.
  defaultRateLimit: { max: 1000, durationMs: 1000 },
};
