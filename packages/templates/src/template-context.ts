/** What every template sees. Rendering happens once per (event type, channel), so nothing per-user. */
export interface TemplateContext {
  type: string;
  trigger: string | null;
  source: { kind: string; id: string } | null;
  data: Record<string, unknown>;
  actions: { label: string; url: string }[];
  notification: { id: string; createdAt: string };
}

export interface MessageTemplate {
  /** Liquid; becomes the email subject and chat title. */
  title: string;
  /** Liquid producing Markdown. */
  body: string;
  /** Liquid producing the whole HTML email body, instead of the layout around the Markdown. */
  html?: string;
  /** Channel-specific JSON (Slack blocks) whose string values are Liquid. */
  blocks?: unknown;
}
