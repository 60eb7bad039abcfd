/**
 * One channel's templates (or the `default` ones): Liquid sources. `title` becomes the subject or
 * chat title, `body` renders to Markdown, `html` replaces the email layout when given, `blocks` is a
 * channel-specific JSON structure (Slack blocks) whose string values are Liquid too.
 */
export interface ChannelTemplate {
  title?: string;
  body?: string;
  html?: string;
  blocks?: unknown;
}

/** Templates keyed by channel name, or `default` for channels without their own. */
export type ChannelTemplateMap = Record<string, ChannelTemplate>;

export interface EventTypeView {
  name: string;
  group: string | null;
  templates: ChannelTemplateMap;
  defaultMethods: string[];
  /** Set by an admin (`PUT /v1/admin/event-types/:name/methods`); null = the defaultMethods apply. */
  adminMethods: string[] | null;
  /** What the router sends by: adminMethods if set, else defaultMethods. */
  methods: string[];
  enabledByDefault: boolean;
  critical: boolean;
  /** The same rendered message to the same target within this many seconds is sent once; null: never deduped. */
  dedupeWindowSeconds: number | null;
}

/** One channel of `POST /v1/event-types/:name/preview`. */
export interface ChannelPreview {
  title: string;
  markdown: string;
  text: string;
  html?: string;
  blocks?: unknown;
}

export interface PreviewError {
  channel: string;
  /** The template part that failed: `title`, `body`, `html` or `blocks.<path>`. */
  field: string;
  message: string;
  line?: number;
  column?: number;
}

export interface EventTypePreviewView {
  /** Every channel that rendered without error. */
  channels: Record<string, ChannelPreview>;
  errors: PreviewError[];
}
