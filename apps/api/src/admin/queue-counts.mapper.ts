import type { QueueCountsView } from '@herald/contracts';

/** The BullMQ job states `GET /v1/admin/status` asks each queue for. */
export const COUNTED_STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed'] as const;

/** BullMQ's counts by state to the public view; prioritized jobs wait like any other. */
export function toQueueCounts(counts: Record<string, number>): QueueCountsView {
  return {
    waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
    active: counts.active ?? 0,
    delayed: counts.delayed ?? 0,
    failed: counts.failed ?? 0,
    completed: counts.completed ?? 0,
  };
}
