/** A message rendered once per (event type, channel) by the router and stored on each delivery. */
export interface RenderedMessage {
  title: string;
  /** Markdown body. */
  markdown: string;
  /** Plain-text body (Markdown stripped). */
  text: string;
  /** HTML body (email layout) where the channel uses one. */
  html?: string;
}
