import type { PreferenceReason } from './effective-preference.js';

export interface ChannelPreferenceView {
  enabled: boolean;
  reason: PreferenceReason;
}

/** One event type as `GET /v1/users/:id/preferences` shows it: its effective state per method. */
export interface PreferenceItemView {
  eventType: string;
  group: string | null;
  critical: boolean;
  enabledByDefault: boolean;
  channels: Record<string, ChannelPreferenceView>;
}
