import { ArrayUnique, IsArray, IsIn, ValidateIf } from 'class-validator';
import { CHANNEL_NAMES } from '../channels/channel-name.enum.js';

/** `PUT /v1/admin/event-types/:name/methods`: the channels to send by, or null to use the defaults. */
export class SetEventTypeMethodsDto {
  // `null` is a value here (give the choice back); leaving the field out is a mistake, not a reset.
  @ValidateIf((dto: SetEventTypeMethodsDto) => dto.methods !== null)
  @IsArray()
  @ArrayUnique()
  @IsIn(CHANNEL_NAMES, { each: true })
  methods: string[] | null;
}
