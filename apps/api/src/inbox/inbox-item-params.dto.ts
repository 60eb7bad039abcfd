import { IsString, MaxLength } from 'class-validator';
import { UserParamsDto } from '../users/user-params.dto.js';

/** `:id` and `:itemId` of /v1/users/:id/inbox/:itemId/read. */
export class InboxItemParamsDto extends UserParamsDto {
  // Not @IsUUID: an id that cannot exist is a 404 like any other unknown item, not a 400.
  @IsString()
  @MaxLength(64)
  itemId: string;
}
