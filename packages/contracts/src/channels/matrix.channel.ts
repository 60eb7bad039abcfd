import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/**
 * A room id, never an alias: `/rooms/{roomId}/send` takes ids only. Room versions before 12 add
 * `:server`, version 12 ids are `!` and a hash, so the server part is not required.
 */
export const MATRIX_ROOM_ID = /^![^\s:]+(:\S+)?$/;

/** Matrix notifier config: a bot account's access token on a homeserver. */
export class MatrixConfigDto {
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(2048)
  homeserverUrl: string;

  @IsString()
  @MinLength(1)
  @MaxLength(4096)
  accessToken: string;

  /** Where a notifier sends when it is attached to a resource. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(255, { each: true })
  @Matches(MATRIX_ROOM_ID, {
    each: true,
    message: 'each value in roomIds must be a room id like !abc:example.org',
  })
  roomIds?: string[];

  /** Send `m.notice` (what bots are meant to send; clients show it muted) instead of `m.text`. */
  @IsOptional()
  @IsBoolean()
  notice?: boolean;

  @IsOptional()
  @IsBoolean()
  tlsSkipVerify?: boolean;
}

export const MATRIX_CHANNEL: ChannelDefinition = {
  name: ChannelName.Matrix,
  configDto: MatrixConfigDto,
  addressKind: AddressKind.Handle,
  secretFields: ['accessToken'],
  // Synapse's default `rc_message` lets an account burst 10 messages, then one every 5 s.
  defaultRateLimit: { max: 10, durationMs: 50_000 },
  notifierAddress: (config) => {
    const rooms = Array.isArray(config.roomIds) ? (config.roomIds as string[]) : [];
    return rooms.length > 0 ? rooms.join(', ') : null;
  },
};
