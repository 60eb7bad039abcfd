import { HOOK_PROVIDERS, MASKED_SECRET } from '@herald/contracts';
import type { SchemaObject } from '../openapi/schema-object.js';

const DATE_TIME = { type: 'string', format: 'date-time' };

// HookSourceView is an interface (no runtime metadata), so its schema is written out, as view-schemas.ts does.
export const HOOK_SOURCE_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    provider: { type: 'string', enum: [...HOOK_PROVIDERS] },
    account: { type: 'string' },
    secret: { const: MASKED_SECRET },
    path: { type: 'string', description: 'Where the provider sends hooks; `{secret}`: the Docker Hub token' },
    createdAt: DATE_TIME,
    updatedAt: DATE_TIME,
  },
  required: ['provider', 'account', 'secret', 'path', 'createdAt', 'updatedAt'],
};

export const HOOK_SOURCE_LIST_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    items: { type: 'array', items: HOOK_SOURCE_SCHEMA },
    nextCursor: { type: 'null' },
  },
  required: ['items', 'nextCursor'],
};
