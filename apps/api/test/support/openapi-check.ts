import { createRequire } from 'node:module';
import type { NestExpressApplication } from '@nestjs/platform-express';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OpenApiDocument = any;

export interface RegisteredRoute {
  method: string;
  /** In OpenAPI's form: `/v1/notifications/{id}`. */
  path: string;
}

/** Every route registered on the Express router, as OpenAPI writes paths. */
export function registeredRoutes(app: NestExpressApplication): RegisteredRoute[] {
  const express = app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  return express.router.stack.flatMap(({ route }) =>
    route
      ? Object.keys(route.methods).map((method) => ({
          method,
          path: route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}'),
        }))
      : [],
  );
}

interface SchemaValidator {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}

interface Ajv {
  addSchema(schema: object, key: string): void;
  compile(schema: object): SchemaValidator;
}

/**
 * Ajv (2020-12 dialect, for OpenAPI 3.1's schemas) as @seriousme/openapi-schema-validator ships it:
 * reached through that package's own dependencies rather than added as one of ours.
 */
function createAjv(): Ajv {
  const require = createRequire(import.meta.url);
  const fromValidator = createRequire(require.resolve('@seriousme/openapi-schema-validator'));
  const Ajv2020 = fromValidator('ajv/dist/2020.js').default;
  const addFormats = fromValidator('ajv-formats').default;
  // Not strict: the document carries OpenAPI keywords (`components`) that are no JSON Schema.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv;
}

/**
 * The hand-written response views, closed: an object that lists its properties takes no others.
 * The published document stays open (clients ignore fields they do not know); the test is strict so
 * that a field added to a view without the schema fails here.
 */
function closed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closed);
  if (typeof node !== 'object' || node === null) return node;
  const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, closed(value)]));
  if ('properties' in copy && !('additionalProperties' in copy)) copy.unevaluatedProperties = false;
  return copy;
}

export class ResponseChecker {
  private readonly ajv = createAjv();

  constructor(private readonly document: OpenApiDocument) {
    this.ajv.addSchema({ components: closed(document.components) as object }, 'herald');
  }

  /** Problems of `body` against what the document says `method path` answers with `status`. */
  problems(method: string, path: string, status: number, body: unknown): unknown[] {
    const operation = this.document.paths[path]?.[method.toLowerCase()];
    if (!operation) return [`${method} ${path} is not in the document`];
    const response = operation.responses[String(status)];
    if (!response) return [`${method} ${path} documents no ${status} answer`];
    const schema = response.content?.['application/json']?.schema;
    if (!schema) return [`${method} ${path} documents no JSON schema for ${status}`];
    const validate = this.ajv.compile(schema.$ref ? { $ref: `herald${schema.$ref}` } : schema);
    return validate(body) ? [] : (validate.errors ?? []);
  }
}
