import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { type DtoClass, dtoProperties, SCHEMA_PREFIX } from './dto-schemas.js';
import { viewRef } from './view-schemas.js';

/** Statuses of the error envelope an operation may answer beyond what every route shares. */
export type ErrorStatus = 400 | 404 | 409 | 413 | 422 | 429 | 503;

export const ERROR_DESCRIPTIONS: Record<ErrorStatus | 401 | 403, string> = {
  400: '`validation_failed` (with `details` per field) or `invalid_json`',
  401: '`unauthorized`: no API key, or not a valid one',
  403: '`forbidden`: the API key lacks the scope',
  404: '`not_found`',
  409: '`conflict`',
  413: '`payload_too_large`: the body is over `HERALD_BODY_LIMIT`',
  422: '`idempotency_conflict`: the key was used with another request',
  429: '`rate_limited`: the API key sent its ingest requests of this minute; `Retry-After` says when to retry',
  503: '`service_unavailable`: the database is unreachable; retry later',
};

/** The DTO's class-validator schema (under components.schemas) as the JSON body. */
export function ApiJsonBody(dto: DtoClass, description?: string): MethodDecorator {
  return ApiBody({
    schema: { $ref: `${SCHEMA_PREFIX}${dto.name}` },
    ...(description ? { description } : {}),
  });
}

/** Error answers in the contract's envelope, each with what its code means here. */
export function ApiErrors(...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: ERROR_DESCRIPTIONS[status],
        // Named, not inferred from the operation's produces: a stream's errors are still JSON.
        content: { 'application/json': { schema: viewRef('ErrorEnvelope') } },
      }),
    ),
  );
}

/** Path parameters from a `@Param()` DTO, with the constraints its validators enforce. */
export function ApiParamsFrom(dto: DtoClass): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...dtoProperties(dto).map(({ name, schema }) =>
      // The 3.0-shaped SchemaObject type of @nestjs/swagger; the schema is plain JSON Schema.
      ApiParam({ name, required: true, schema: schema as object }),
    ),
  );
}

/** Query parameters from a `@Query()` DTO, with the constraints its validators enforce. */
export function ApiQueryFrom(dto: DtoClass): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...dtoProperties(dto).map(({ name, required, schema }) =>
      ApiQuery({ name, required, schema: schema as object }),
    ),
  );
}
