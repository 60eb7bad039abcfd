/**
 * A JSON Schema 2020-12 object as OpenAPI 3.1 embeds it. Looser than @nestjs/swagger's SchemaObject
 * (3.0-shaped: `type` is one string there), and enough for what the document generator writes.
 */
export interface SchemaObject {
  type?: string | string[];
  $ref?: string;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  [keyword: string]: unknown;
}
