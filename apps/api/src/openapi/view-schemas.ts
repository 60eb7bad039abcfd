import {
  API_SCOPES,
  AttemptOutcome,
  DeliveryStatus,
  ErrorCode,
  NotificationStatus,
  SkipReason,
} from '@herald/contracts';
import { SCHEMA_PREFIX } from './dto-schemas.js';
import type { SchemaObject } from './schema-object.js';

// The response views of @herald/contracts are TypeScript interfaces, which leave no runtime
// metadata: they are described here by hand, and openapi-responses.int-spec.ts holds real answers
// of the running API against these schemas (closed to unknown fields there) so they cannot drift.

const ref = (name: string): SchemaObject => ({ $ref: `${SCHEMA_PREFIX}${name}` });
const orNull = (schema: SchemaObject): SchemaObject => ({ anyOf: [schema, { type: 'null' }] });
const object = (properties: Record<string, SchemaObject>, optional: string[] = []): SchemaObject => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((name) => !optional.includes(name)),
});
const list = (item: SchemaObject, extra: Record<string, SchemaObject> = {}): SchemaObject =>
  object({
    items: { type: 'array', items: item },
    nextCursor: {
      type: ['string', 'null'],
      description: 'Pass as `cursor` for the next page; null: last page',
    },
    ...extra,
  });

const STRING = { type: 'string' };
const NULLABLE_STRING = { type: ['string', 'null'] };
const DATE_TIME = { type: 'string', format: 'date-time' };
const COUNT = { type: 'integer', minimum: 0 };
const STRINGS = { type: 'array', items: STRING };
const RESOURCE_REF = object({ kind: STRING, id: STRING });
const NOTIFICATION_SUMMARY = {
  id: STRING,
  type: STRING,
  status: { type: 'string', enum: Object.values(NotificationStatus) },
  createdAt: DATE_TIME,
  source: orNull(RESOURCE_REF),
};
const API_KEY = {
  id: STRING,
  name: { type: 'string', description: 'Also the `X-App-Id` sent beside the key as `X-App-Secret`' },
  scopes: { type: 'array', items: { type: 'string', enum: [...API_SCOPES] } },
  expiresAt: orNull(DATE_TIME),
  rateLimitPerMinute: {
    type: ['integer', 'null'],
    description: 'Ingest requests a minute; null: `HERALD_INGEST_RATE_LIMIT_PER_MINUTE`; 0: not limited',
  },
  createdAt: DATE_TIME,
  revokedAt: orNull(DATE_TIME),
};
const QUEUE_COUNTS = { waiting: COUNT, active: COUNT, delayed: COUNT, failed: COUNT, completed: COUNT };

const VIEWS = {
  ErrorEnvelope: object({
    error: object(
      {
        code: { type: 'string', enum: Object.values(ErrorCode) },
        message: STRING,
        details: {
          type: 'array',
          description: 'With `validation_failed`: one entry per field, `field` a dotted path',
          items: object({ field: STRING, messages: STRINGS }),
        },
      },
      ['details'],
    ),
  }),
  AcceptedEventView: object({
    id: STRING,
    status: { type: 'string', enum: Object.values(NotificationStatus) },
  }),
  RetriedNotificationView: object({ id: STRING, retried: COUNT }),
  AttemptView: object({
    number: { type: 'integer', minimum: 1 },
    startedAt: DATE_TIME,
    durationMs: COUNT,
    outcome: { type: 'string', enum: Object.values(AttemptOutcome) },
    providerCode: NULLABLE_STRING,
    error: NULLABLE_STRING,
  }),
  DeliveryView: object({
    id: STRING,
    channel: STRING,
    notifier: { ...NULLABLE_STRING, description: 'Name of the notifier sent through' },
    userId: NULLABLE_STRING,
    address: NULLABLE_STRING,
    status: { type: 'string', enum: Object.values(DeliveryStatus) },
    reason: { type: ['string', 'null'], enum: [...Object.values(SkipReason), null] },
    attemptCount: COUNT,
    attempts: { type: 'array', items: ref('AttemptView') },
    lastError: NULLABLE_STRING,
    sentAt: orNull(DATE_TIME),
    fallbackOf: { ...NULLABLE_STRING, description: 'The delivery this failover one replaces' },
  }),
  NotificationSummaryView: object(NOTIFICATION_SUMMARY),
  NotificationView: object({
    ...NOTIFICATION_SUMMARY,
    deliveries: { type: 'array', items: ref('DeliveryView') },
  }),
  NotificationList: list(ref('NotificationSummaryView')),
  NotifierView: object({
    name: STRING,
    type: STRING,
    description: NULLABLE_STRING,
    default: { type: 'boolean' },
    fallback: NULLABLE_STRING,
    config: { type: 'object', description: 'Secret fields read `$encrypted$`' },
    messages: orNull({
      type: 'object',
      additionalProperties: object({ title: STRING, body: STRING }, ['title', 'body']),
    }),
    maxAttempts: { type: ['integer', 'null'] },
    createdAt: DATE_TIME,
    updatedAt: DATE_TIME,
  }),
  NotifierList: list(ref('NotifierView')),
  ResourceView: object({
    kind: STRING,
    id: STRING,
    name: NULLABLE_STRING,
    parent: orNull(RESOURCE_REF),
    inheritNotifiers: { type: 'boolean' },
  }),
  ResourceList: list(ref('ResourceView')),
  AttachmentView: object({ notifier: STRING, triggers: STRINGS }),
  EffectiveAttachmentView: object(
    {
      notifier: STRING,
      triggers: STRINGS,
      inheritedFrom: orNull(RESOURCE_REF),
      viaDefaults: { const: true, description: 'Only the deployment defaults apply here' },
    },
    ['viaDefaults'],
  ),
  AttachmentList: list({ anyOf: [ref('AttachmentView'), ref('EffectiveAttachmentView')] }),
  UserView: object({
    id: STRING,
    email: NULLABLE_STRING,
    name: NULLABLE_STRING,
    username: NULLABLE_STRING,
    phone: NULLABLE_STRING,
    addresses: { type: 'object', additionalProperties: STRING, description: 'Address per channel' },
    timezone: NULLABLE_STRING,
  }),
  UserList: list(ref('UserView')),
  EventTypeView: object({
    name: STRING,
    group: NULLABLE_STRING,
    templates: { type: 'object', description: 'Liquid sources per channel name or `default`' },
    defaultMethods: STRINGS,
    adminMethods: { type: ['array', 'null'], items: STRING },
    methods: STRINGS,
    enabledByDefault: { type: 'boolean' },
    critical: { type: 'boolean' },
    dedupeWindowSeconds: { type: ['integer', 'null'] },
  }),
  EventTypeList: list(ref('EventTypeView')),
  EventTypePreviewView: object({
    channels: {
      type: 'object',
      additionalProperties: object(
        { title: STRING, markdown: STRING, text: STRING, html: STRING, blocks: {} },
        ['html', 'blocks'],
      ),
    },
    errors: {
      type: 'array',
      items: object({ channel: STRING, field: STRING, message: STRING, line: COUNT, column: COUNT }, [
        'line',
        'column',
      ]),
    },
  }),
  PreferenceItemView: object({
    eventType: STRING,
    group: NULLABLE_STRING,
    critical: { type: 'boolean' },
    enabledByDefault: { type: 'boolean' },
    channels: {
      type: 'object',
      additionalProperties: object({
        enabled: { type: 'boolean' },
        reason: {
          type: 'string',
          enum: ['critical', 'admin_forced', 'opted_in', 'opted_out', 'default_on', 'disabled_by_default'],
        },
      }),
    },
  }),
  PreferenceList: list(ref('PreferenceItemView')),
  InboxItemView: object({
    id: STRING,
    notificationId: STRING,
    type: STRING,
    title: STRING,
    markdown: STRING,
    text: STRING,
    actions: { type: 'array', items: object({ label: STRING, url: STRING }) },
    data: { type: 'object' },
    createdAt: DATE_TIME,
    readAt: orNull(DATE_TIME),
    expiresAt: orNull(DATE_TIME),
  }),
  InboxPageView: list(ref('InboxItemView'), { unreadCount: COUNT }),
  InboxReadAllView: object({ marked: COUNT }),
  ApiKeyView: object(API_KEY),
  CreatedApiKeyView: object({
    ...API_KEY,
    key: { type: 'string', description: 'The key itself: shown in this answer only, stored as its SHA-256' },
  }),
  ApiKeyList: list(ref('ApiKeyView')),
  AdminStatusView: object({
    paused: { type: 'boolean', description: 'The global switch: every `deliver.*` queue waits' },
    channels: {
      type: 'object',
      additionalProperties: object({
        paused: { type: 'boolean' },
        channelPaused: { type: 'boolean', description: "The channel's own switch" },
        ...QUEUE_COUNTS,
      }),
    },
    route: object(QUEUE_COUNTS),
  }),
  LiveView: object({ status: { const: 'ok' } }),
  ReadinessView: object({
    status: { type: 'string', enum: ['ok', 'unavailable'] },
    checks: object({
      postgres: { type: 'string', enum: ['up', 'down'] },
      redis: { type: 'string', enum: ['up', 'down'] },
    }),
  }),
} satisfies Record<string, SchemaObject>;

export type ViewName = keyof typeof VIEWS;

export const VIEW_SCHEMAS: Record<ViewName, SchemaObject> = VIEWS;

/** `{ $ref }` to a response view, for `@ApiOkResponse({ schema: viewRef('NotificationView') })`. */
export function viewRef(name: ViewName): { $ref: string } {
  return { $ref: `${SCHEMA_PREFIX}${name}` };
}
