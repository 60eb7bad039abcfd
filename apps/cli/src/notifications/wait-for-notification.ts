import { setTimeout as sleep } from 'node:timers/promises';
import type { HeraldClient } from '@herald/client';
import { NotificationStatus, type NotificationView } from '@herald/contracts';

export interface WaitResult {
  /** The last view read: completed, or as far as it got before the deadline. */
  view: NotificationView;
  completed: boolean;
}

const POLL_MS = 500;

/** Reads the notification until it is completed (every delivery final) or `timeoutMs` has passed. */
export async function waitForNotification(
  herald: HeraldClient,
  id: string,
  timeoutMs: number,
): Promise<WaitResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = await herald.getNotification(id);
    if (view.status === NotificationStatus.Completed) return { view, completed: true };
    const left = deadline - Date.now();
    if (left <= 0) return { view, completed: false };
    await sleep(Math.min(POLL_MS, left));
  }
}
