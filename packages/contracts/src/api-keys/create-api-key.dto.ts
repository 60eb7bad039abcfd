import 'reflect-metadata';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  buildMessage,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { API_SCOPES, type ApiScope } from './api-scope.enum.js';

// Header-safe, since the name doubles as the `X-App-Id` a caller sends.
export const API_KEY_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:@/-]{0,99}$/;

export const MAX_RATE_LIMIT_PER_MINUTE = 1_000_000;

/** An ISO 8601 date later than now; a string that is no date is left to `IsISO8601` to report. */
export function IsFutureDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isFutureDate',
      validator: {
        validate: (value: unknown) => {
          const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
          return Number.isNaN(time) || time > Date.now();
        },
        defaultMessage: buildMessage((each) => `${each}$property must be a date in the future`, options),
      },
    },
    options,
  );
}

/** `POST /v1/admin/api-keys` */
export class CreateApiKeyDto {
  @Matches(API_KEY_NAME_PATTERN, {
    message: 'name must be 1-100 of A-Z a-z 0-9 _ . : @ / -, starting with a letter or digit',
  })
  name: string;

  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(API_SCOPES.length)
  @ArrayUnique()
  @IsIn(API_SCOPES, { each: true, message: `each value in scopes must be one of ${API_SCOPES.join(', ')}` })
  scopes: ApiScope[];

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'expiresAt must be an ISO 8601 date, e.g. 2027-01-01T00:00:00Z' })
  @IsFutureDate()
  // Typed string, not `string | null` (null passes @IsOptional all the same): schema generators
  // read the declared type of a custom-validated property, and a union has none.
  expiresAt?: string;

  /** Left out or null: `HERALD_INGEST_RATE_LIMIT_PER_MINUTE`; 0: this key is not limited. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_RATE_LIMIT_PER_MINUTE)
  rateLimitPerMinute?: number | null;
}
