import { STATUS_CODES } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ApiScope } from '../auth/api-scope.enum.js';
import { Public, RequireScope } from '../auth/auth.decorators.js';
import { INGEST_ROUTES } from '../auth/ingest-rate-limit.guard.js';
import { ERROR_DESCRIPTIONS } from './api-docs.decorators.js';
import { buildDtoSchemas, SCHEMA_PREFIX } from './dto-schemas.js';
import { VIEW_SCHEMAS, viewRef } from './view-schemas.js';

const BEARER = 'apiKey';
const APP_ID = 'appId';
const APP_SECRET = 'appSecret';

interface Operation {
  operationId?: string;
  description?: string;
  security?: Record<string, string[]>[];
  requestBody?: unknown;
  responses: Record<string, { description?: string; content?: unknown }>;
  [field: string]: unknown;
}

/**
 * The OpenAPI 3.1 document of every route Nest registered. Swagger's scanner lists each route, with
 * or without decorators; request schemas come from the contracts' class-validator metadata, response
 * views from view-schemas.ts, and each operation's auth from the same metadata the API key guard reads.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Herald API')
    .setDescription(
      'Accepts events and reports what became of them. Every route under `/v1` needs an API key, ' +
        'as `Authorization: Bearer <key>` or as `X-App-Id: <key name>` + `X-App-Secret: <key>`. ' +
        'Errors are `{"error": {"code", "message", "details"?}}`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key' }, BEARER)
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-App-Id', description: "The API key's name" }, APP_ID)
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-App-Secret', description: 'The API key' }, APP_SECRET)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = {
    ...document.components,
    // Ours replace the empty schemas swagger makes of DTO classes it finds no @ApiProperty on.
    schemas: { ...document.components?.schemas, ...buildDtoSchemas(), ...VIEW_SCHEMAS } as never,
  };
  const handlers = routeHandlers(app);
  // The rate limit guard's own list of ingest routes, in OpenAPI's path form.
  const limitedRoutes = new Set([...INGEST_ROUTES].map((route) => route.replace(/:(\w+)/g, '{$1}')));
  for (const [path, pathItem] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(pathItem) as [string, Operation][]) {
      declarePathParameters(path, operation);
      if (limitedRoutes.has(`${method.toUpperCase()} ${path}`)) addError(operation, 429);
      const handler = operation.operationId ? handlers.get(operation.operationId) : undefined;
      if (!handler) throw new Error(`OpenAPI: no handler found for operation ${operation.operationId}`);
      describeAuth(operation, handler);
      describeBodyErrors(operation);
      for (const [status, response] of Object.entries(operation.responses)) {
        response.description ||= STATUS_CODES[status] ?? '';
      }
    }
  }
  assertReferencesResolve(document);
  return document;
}

interface Handler {
  controller: abstract new (...args: never[]) => object;
  method: (...args: never[]) => unknown;
}

/** Swagger's default operation ids (`<Controller>_<method>`), mapped back to the handlers. */
function routeHandlers(app: INestApplication): Map<string, Handler> {
  const handlers = new Map<string, Handler>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Handler['controller'] | null;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const method: unknown = (controller.prototype as Record<string, unknown>)[name];
        if (name !== 'constructor' && typeof method === 'function') {
          handlers.set(`${controller.name}_${name}`, { controller, method: method as Handler['method'] });
        }
      }
    }
  }
  return handlers;
}

/** Read from @Public()/@RequireScope() as the guard reads them, so the document cannot disagree. */
function describeAuth(operation: Operation, { controller, method }: Handler): void {
  const reflector = new Reflector();
  const targets = [method, controller];
  if (reflector.getAllAndOverride(Public, targets)) {
    operation.security = [];
    return;
  }
  const scope = reflector.getAllAndOverride(RequireScope, targets) ?? ApiScope.Admin;
  const needs =
    scope === ApiScope.Admin
      ? 'Needs an API key with the `admin` scope.'
      : `Needs an API key with the \`${scope}\` scope (or \`admin\`).`;
  operation.description = operation.description ? `${operation.description}\n\n${needs}` : needs;
  operation['x-herald-scope'] = scope;
  operation.security = [{ [BEARER]: [] }, { [APP_ID]: [], [APP_SECRET]: [] }];
  // The guard reads the key from the database, hence 503 on every authenticated route.
  for (const status of [401, 403, 503] as const) addError(operation, status);
}

/**
 * A `:name` of the route that no decorator describes (a controller without swagger decorators, or
 * a `@Param('name')` swagger did not see) is still a required string: OpenAPI requires each declared.
 */
function declarePathParameters(path: string, operation: Operation): void {
  const parameters = (operation.parameters ?? []) as { name: string; in: string }[];
  for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
    if (!parameters.some((parameter) => parameter.in === 'path' && parameter.name === name)) {
      parameters.push({ name: name!, in: 'path', required: true, schema: { type: 'string' } } as never);
    }
  }
  operation.parameters = parameters;
}

/** Every JSON body goes through the body parser and the ValidationPipe. */
function describeBodyErrors(operation: Operation): void {
  if (!operation.requestBody) return;
  addError(operation, 400);
  addError(operation, 413);
}

function addError(operation: Operation, status: keyof typeof ERROR_DESCRIPTIONS): void {
  operation.responses[status] ??= {
    description: ERROR_DESCRIPTIONS[status],
    content: { 'application/json': { schema: viewRef('ErrorEnvelope') } },
  };
}

/** A dangling `$ref` (a renamed DTO, a typo in a decorator) fails the start, not a client. */
function assertReferencesResolve(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const name = value.startsWith(SCHEMA_PREFIX) ? value.slice(SCHEMA_PREFIX.length) : null;
        if (name === null || !(name in schemas)) throw new Error(`OpenAPI: unresolved reference ${value}`);
      } else {
        visit(value);
      }
    }
  };
  visit(document);
}
