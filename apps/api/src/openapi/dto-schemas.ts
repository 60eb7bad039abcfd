import { CHANNEL_REGISTRY } from '@herald/contracts';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { IS_OPTIONAL, ValidationTypes } from 'class-validator';
import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { SchemaObject } from './schema-object.js';

/** A class-validator DTO, whatever its constructor takes. */
export type DtoClass = abstract new (...args: never[]) => object;

export const SCHEMA_PREFIX = '#/components/schemas/';

// Marks a property class-validator lets through as null (`@IsOptional()` skips null as well as
// undefined); replaced by a JSON Schema 2020-12 null type once the converters have run.
const NULLABLE = 'x-herald-nullable';

const OPTIONS = {
  refPointerPrefix: SCHEMA_PREFIX,
  // @Type(() => Dto) of nested objects lives in class-transformer's storage, not class-validator's.
  classTransformerMetadataStorage: defaultMetadataStorage,
  additionalConverters: {
    [ValidationTypes.CONDITIONAL_VALIDATION]: (meta: { name?: string }) =>
      meta.name === IS_OPTIONAL ? { [NULLABLE]: true } : {},
  },
};

/**
 * JSON schemas of every request DTO, from the class-validator metadata the ValidationPipe enforces:
 * the document cannot describe a body the API would validate differently. Only `*Dto` classes:
 * the same storage holds env classes and the API's query classes (those become parameters).
 */
export function buildDtoSchemas(): Record<string, SchemaObject> {
  const schemas: Record<string, SchemaObject> = {};
  for (const [name, schema] of Object.entries(validationMetadatasToSchemas(OPTIONS))) {
    if (name.endsWith('Dto')) schemas[name] = withoutBuiltInRefs(withNullables(schema as SchemaObject));
  }
  const notifier = schemas.CreateNotifierDto;
  if (notifier) schemas.CreateNotifierDto = withChannelConfigs(notifier);
  return schemas;
}

/** One DTO's properties, for `@Param()` and `@Query()` classes whose fields are parameters. */
export function dtoProperties(dto: DtoClass): { name: string; required: boolean; schema: SchemaObject }[] {
  const schema = targetConstructorToSchema(dto, OPTIONS) as SchemaObject;
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    // A query or path value is never JSON null: it is absent or a string.
    const { [NULLABLE]: _nullable, ...plain } = property;
    return { name, required: required.has(name), schema: plain };
  });
}

// A property validated by a custom validator is described by its declared type: a `Date`, or an
// `Object` for a union, which would otherwise become a reference to a schema that does not exist.
const BUILT_IN_SCHEMAS: Record<string, SchemaObject> = {
  Object: {},
  Array: { type: 'array' },
  Date: { type: 'string', format: 'date-time' },
};

function withoutBuiltInRefs(node: SchemaObject): SchemaObject {
  const builtIn = node.$ref?.startsWith(SCHEMA_PREFIX)
    ? BUILT_IN_SCHEMAS[node.$ref.slice(SCHEMA_PREFIX.length)]
    : undefined;
  if (builtIn) return builtIn;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, visitSchemaValue(value)]),
  ) as SchemaObject;
}

function visitSchemaValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(visitSchemaValue);
  return typeof value === 'object' && value !== null ? withoutBuiltInRefs(value as SchemaObject) : value;
}

function withNullables(schema: SchemaObject): SchemaObject {
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, property]) => [name, nullable(property)]),
  );
  return { ...schema, properties };
}

function nullable(property: SchemaObject): SchemaObject {
  const { [NULLABLE]: isNullable, ...plain } = property;
  if (!isNullable) return plain;
  if (plain.$ref) return { anyOf: [{ $ref: plain.$ref }, { type: 'null' }] };
  if (typeof plain.type === 'string') return { ...plain, type: [plain.type, 'null'] };
  return plain;
}

/** `config` is checked against the registry's DTO of the notifier's `type`: said with if/then. */
function withChannelConfigs(schema: SchemaObject): SchemaObject {
  const byType = Object.values(CHANNEL_REGISTRY).map((channel) => ({
    if: { properties: { type: { const: channel.name } }, required: ['type'] },
    then: { properties: { config: { $ref: `${SCHEMA_PREFIX}${channel.configDto.name}` } } },
  }));
  return { ...schema, allOf: byType };
}
