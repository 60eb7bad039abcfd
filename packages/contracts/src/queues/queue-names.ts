import type { ChannelName } from '../channels/channel-name.enum.js';

export enum QueueName {
  Route = 'route',
  /** Periodic housekeeping run by the router: retention purge and stuck-delivery reconciler. */
  Maintenance = 'maintenance',
  /** Re-routes a delivery that failed for good to its notifier's fallback; consumed by the router. */
  Failover = 'failover',
}

export type DeliverQueueName = `deliver.${ChannelName}`;

export function deliverQueueName(channel: ChannelName): DeliverQueueName {
  return `deliver.${channel}`;
}

/** Route job: one per accepted notification; the job id is the notification id. */
export interface RouteJobPayload {
  notificationId: string;
}

/** Deliver job: one per delivery; the job id is the delivery id. */
export interface DeliverJobPayload {
  deliveryId: string;
}

/** Failover job: the job id is `failover-<delivery id>`. */
export interface FailoverJobPayload {
  deliveryId: string;
}

/** The housekeeping tasks of the maintenance queue; each is one BullMQ job scheduler of that name. */
export enum MaintenanceTask {
  /** Deletes finished notifications past the retention period and releases old idempotency keys. */
  Retention = 'retention',
  /** Re-enqueues deliveries whose job was lost or whose worker died mid-send. */
  Reconcile = 'reconcile',
}

/** Maintenance job: produced by the task's job scheduler, never by hand. */
export interface MaintenanceJobPayload {
  task: MaintenanceTask;
}

/** Ties every queue to its job payload type. */
export type JobPayload<Name extends QueueName | DeliverQueueName> = Name extends QueueName.Route
  ? RouteJobPayload
  : Name extends QueueName.Maintenance
    ? MaintenanceJobPayload
    : Name extends QueueName.Failover
      ? FailoverJobPayload
      : DeliverJobPayload;
