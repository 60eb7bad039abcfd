import { deliverQueueName, isChannelName } from '@herald/contracts';
import { queueKeyPrefix } from '@herald/queue';
import { QueueKeys } from 'bullmq';
import type { ServiceApp } from './service-apps.js';

/** A Kubernetes object as plain data, the shape both the generator and the checks work on. */
export type Manifest = Record<string, unknown>;

/** Waiting jobs per replica KEDA aims for: at 20 sends in flight per process, a few rounds of work. */
export const JOBS_PER_REPLICA = 50;
export const MAX_WORKER_REPLICAS = 10;
/** The image tag the dev overlay runs: what `docker build -t herald/<app>:dev` produces. */
export const DEV_IMAGE_TAG = 'dev';

/**
 * The Redis list KEDA watches for a channel: BullMQ's `wait` list of `deliver.<channel>`, under the
 * queue prefix Herald gives it (`<base>:{deliver.<channel>}`, hash-tagged for Redis Cluster), built
 * by BullMQ's own key builder. The queue name comes after the prefix again:
 * `herald:{deliver.email}:deliver.email:wait`.
 */
export function waitListKey(basePrefix: string, channel: string): string {
  if (!isChannelName(channel)) throw new Error(`"${channel}" is not a channel of the registry`);
  const queueName = deliverQueueName(channel);
  return new QueueKeys(queueKeyPrefix(basePrefix, queueName)).toKey(queueName, 'wait');
}

function labels(app: string, channel: string): Record<string, string> {
  return {
    'app.kubernetes.io/name': app,
    'app.kubernetes.io/component': 'channel-worker',
    'app.kubernetes.io/part-of': 'herald',
    'herald.dev/channel': channel,
  };
}

/**
 * One channel worker: what differs from the others (name, image, queue). What they share comes from
 * base/app-defaults.yaml, merged into every Herald Deployment by kustomize.
 */
export function workerManifests(app: ServiceApp, basePrefix: string): Manifest[] {
  if (app.channel === null) throw new Error(`${app.name} is not a channel worker`);
  const meta = { name: app.name, labels: labels(app.name, app.channel) };
  const selector = { matchLabels: { 'app.kubernetes.io/name': app.name } };
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      // No `replicas`: KEDA's HorizontalPodAutoscaler owns the count, and `kubectl apply` must not reset it.
      metadata: meta,
      spec: {
        selector,
        template: {
          metadata: { labels: meta.labels },
          spec: { containers: [{ name: 'app', image: `herald/${app.name}` }] },
        },
      },
    },
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: meta,
      spec: { maxUnavailable: 1, selector },
    },
    {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: meta,
      spec: {
        scaleTargetRef: { name: app.name },
        // Never 0: BullMQ moves delayed retries back to `wait` only while a worker runs, and KEDA
        // sees `wait` only, so a channel scaled to zero would hold its retries until new traffic.
        minReplicaCount: 1,
        maxReplicaCount: MAX_WORKER_REPLICAS,
        pollingInterval: 15,
        cooldownPeriod: 300,
        triggers: [
          {
            type: 'redis',
            metadata: {
              addressFromEnv: 'REDIS_ADDRESS',
              listName: waitListKey(basePrefix, app.channel),
              listLength: String(JOBS_PER_REPLICA),
            },
          },
        ],
      },
    },
  ];
}

/** Every channel worker's manifests, in app order. */
export function channelWorkerManifests(apps: readonly ServiceApp[], basePrefix: string): Manifest[] {
  return apps.filter((app) => app.channel !== null).flatMap((app) => workerManifests(app, basePrefix));
}

/** The dev overlay's component pointing every app's image at the locally built tag. */
export function devImagesComponent(apps: readonly ServiceApp[]): Manifest {
  return {
    apiVersion: 'kustomize.config.k8s.io/v1alpha1',
    kind: 'Component',
    images: apps.map((app) => ({ name: `herald/${app.name}`, newTag: DEV_IMAGE_TAG })),
  };
}
