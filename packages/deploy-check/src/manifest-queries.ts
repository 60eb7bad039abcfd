import type { Manifest } from './worker-manifests.js';

/** Typed views over rendered objects, for the checks. */
export interface Container {
  name: string;
  image: string;
  ports?: Array<{ name?: string; containerPort: number }>;
  env?: Array<{ name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }>;
  envFrom?: Array<{ configMapRef?: { name: string }; secretRef?: { name: string } }>;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
}
export interface Probe {
  httpGet?: { path: string; port: string | number };
  exec?: { command: string[] };
}
export interface Deployment {
  kind: 'Deployment';
  metadata: { name: string; labels?: Record<string, string> };
  spec: {
    replicas?: number;
    selector: { matchLabels: Record<string, string> };
    template: {
      metadata: { labels: Record<string, string> };
      spec: { containers: Container[]; terminationGracePeriodSeconds?: number };
    };
  };
}
export interface ScaledObject {
  metadata: { name: string };
  spec: {
    scaleTargetRef: { name: string };
    minReplicaCount?: number;
    triggers: Array<{ type: string; metadata: Record<string, string> }>;
  };
}

export function ofKind<T>(objects: Manifest[], kind: string): T[] {
  return objects.filter((object) => object.kind === kind) as T[];
}

export function named<T extends { metadata: { name: string } }>(objects: T[], name: string): T | undefined {
  return objects.find((object) => object.metadata.name === name);
}

export function isHeraldApp(deployment: Deployment): boolean {
  return deployment.metadata.labels?.['app.kubernetes.io/part-of'] === 'herald';
}

export function appContainer(deployment: Deployment): Container {
  const container = deployment.spec.template.spec.containers.find((candidate) => candidate.name === 'app');
  if (!container) throw new Error(`${deployment.metadata.name} has no container named app`);
  return container;
}

/** True when every `matchLabels` pair is among `labels`. */
export function selects(matchLabels: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(matchLabels).every(([key, value]) => labels[key] === value);
}

/** A container's variable as the process sees it: its own `env`, else its ConfigMaps' data. */
export function envValue(container: Container, configMaps: Manifest[], name: string): string | undefined {
  const own = container.env?.find((variable) => variable.name === name);
  if (own) return own.value;
  for (const source of container.envFrom ?? []) {
    const configMap = configMaps.find(
      (candidate) => (candidate.metadata as { name: string }).name === source.configMapRef?.name,
    );
    const value = (configMap?.data as Record<string, string> | undefined)?.[name];
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Kubernetes quantities in base units: `100m` → 0.1, `256Mi` → 268435456. */
export function quantity(value: string | undefined): number {
  if (value === undefined) return NaN;
  const units: Record<string, number> = {
    m: 1e-3,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    k: 1e3,
    M: 1e6,
    G: 1e9,
  };
  const match = /^([0-9.]+)([a-zA-Z]*)$/.exec(value);
  if (!match) return NaN;
  const unit = match[2] === '' ? 1 : units[match[2]];
  return unit === undefined ? NaN : Number(match[1]) * unit;
}
