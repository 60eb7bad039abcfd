import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ApiError } from '../errors/api-error.js';

/** `?cursor=&limit=` of the keyset-paged lists that have no other filters. */
export class PageQuery {
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

/** The key of the last item of a page, opaque to callers. */
export function encodePageCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodePageCursor<Key>(
  cursor: string | undefined,
  isKey: (value: unknown) => value is Key,
): Key | null {
  if (cursor === undefined) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isKey(key)) return key;
  } catch {
    // Falls through to the same answer as a well-formed cursor of the wrong shape.
  }
  throw ApiError.invalid([{ field: 'cursor', messages: ['cursor is not one this API returned'] }]);
}
