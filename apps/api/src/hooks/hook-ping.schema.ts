import type { SchemaObject } from '../openapi/schema-object.js';

/** HookPingView, written out as view-schemas.ts writes the views. */
export const HOOK_PING_SCHEMA: SchemaObject = {
  type: 'object',
  properties: { ok: { const: true }, zen: { type: ['string', 'null'] } },
  required: ['ok', 'zen'],
};
