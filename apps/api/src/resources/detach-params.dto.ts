import { NAME_PATTERN, ResourceRefDto } from '@herald/contracts';
import { Matches } from 'class-validator';

/** `:kind`, `:id` and `:name` of DELETE /v1/resources/:kind/:id/notifiers/:name. */
export class DetachParamsDto extends ResourceRefDto {
  @Matches(NAME_PATTERN, { message: 'name must be a notifier name: 1-63 of a-z 0-9 _ -' })
  name: string;
}
