/** Jobs of one queue by state (BullMQ `getJobCounts`); `waiting` includes prioritized jobs. */
export interface QueueCountsView {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

export interface ChannelStatusView extends QueueCountsView {
  /** Deliveries of this channel wait: the global switch or the channel's own one is on. */
  paused: boolean;
  /** The channel's own switch, which outlives a global resume. */
  channelPaused: boolean;
}

/** `GET /v1/admin/status` (and the answer of every pause and resume). */
export interface AdminStatusView {
  /** The global switch: every `deliver.*` queue waits. */
  paused: boolean;
  channels: Record<string, ChannelStatusView>;
  /** Never paused: events are routed while deliveries wait. */
  route: QueueCountsView;
}
