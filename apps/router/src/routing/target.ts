import type { ChannelName, SkipReason } from '@herald/contracts';
import type { NotifierRecord } from '@herald/data';

/** One decision of the router: send over `notifier` to `address`, or skip and say why. */
export interface Target {
  channel: ChannelName;
  notifier: NotifierRecord | null;
  userId: string | null;
  address: string | null;
  skip: SkipReason | null;
}
