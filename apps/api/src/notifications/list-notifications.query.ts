import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { NotificationStatus } from '@herald/contracts';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

/** `GET /v1/notifications?type=&status=&since=&cursor=&limit=` */
export class ListNotificationsQuery {
  @IsOptional()
  @IsString()
  @MaxLength(128)
  type?: string;

  @IsOptional()
  @IsIn(Object.values(NotificationStatus))
  status?: NotificationStatus;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'since must be an ISO 8601 date, e.g. 2026-11-22T10:00:00Z' })
  since?: string;

  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  // Query values arrive as strings; @Type converts before @IsInt looks at them.
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}
