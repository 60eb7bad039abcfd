/**
 * The request messages of `herald.proto` as @grpc/proto-loader hands them over (camelCase fields,
 * unset fields as their defaults: empty strings and lists, null messages).
 */
export interface ResourceRefMessage {
  kind: string;
  id: string;
}

export interface TriggerRequestMessage {
  type: string;
  idempotencyKey: string;
  source: (ResourceRefMessage & { ancestors: ResourceRefMessage[] }) | null;
  trigger: string;
  recipients: { userId: string; email: string }[];
  dataJson: string;
  actions: { label: string; url: string }[];
  channels: string[];
}

export interface TriggerResponseMessage {
  id: string;
  status: string;
  replayed: boolean;
}

export interface GetNotificationRequestMessage {
  id: string;
}

/** Pause and Resume: an empty channel is the global switch. */
export interface SwitchRequestMessage {
  channel: string;
}
