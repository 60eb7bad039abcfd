import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

/** `GET /v1/admin/api-keys?revoked=&cursor=&limit=` */
export class ListApiKeysQuery {
  /** `true` lists revoked keys too. Kept a string: class-transformer would read "false" as true. */
  @IsOptional()
  @IsIn(['true', 'false'])
  revoked?: 'true' | 'false';

  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}
