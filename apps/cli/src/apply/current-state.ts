import type { AttachmentView, NotifierView, ResourceView, UserView } from '@herald/contracts';

export interface EventTypeState {
  name: string;
  templates: Record<string, unknown>;
  defaultMethods: string[];
  adminMethods: string[] | null;
  enabledByDefault: boolean;
  critical: boolean;
  group: string | null;
  dedupeWindowSeconds: number | null;
}

/** What the server holds, as far as the file's sections go. */
export interface CurrentState {
  notifiers: NotifierView[];
  eventTypes: EventTypeState[];
  /** Every resource the file names or that has attachments, with its direct attachments. */
  resources: { view: ResourceView; attachments: AttachmentView[] }[];
  users: UserView[];
}
