import { IsString, MaxLength, MinLength } from 'class-validator';

/** `:id` of /v1/users/:id, as long as an event recipient's `userId` may be. */
export class UserParamsDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  id: string;
}
