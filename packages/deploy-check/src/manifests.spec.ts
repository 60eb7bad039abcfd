import { renderKustomization } from './kustomize.js';
import {
  appContainer,
  type Deployment,
  envValue,
  isHeraldApp,
  named,
  ofKind,
  quantity,
  selects,
} from './manifest-queries.js';
import { BASE_DIR, DEV_DIR, REPO_ROOT } from './repo-paths.js';
import { listServiceApps } from './service-apps.js';
import type { Manifest } from './worker-manifests.js';

// HERALD_DISPATCH_TIMEOUT_MS's default (packages/worker-kit/src/worker-env.ts).
const DEFAULT_DISPATCH_TIMEOUT_MS = 60_000;
const SECRET = 'herald-secrets';

const apps = listServiceApps(REPO_ROOT);

describe.each([
  ['base', BASE_DIR],
  ['dev overlay', DEV_DIR],
])('the %s', (_label, dir) => {
  const objects = renderKustomization(dir);
  const deployments = ofKind<Deployment>(objects, 'Deployment');
  const heraldDeployments = deployments.filter(isHeraldApp);
  const configMaps = ofKind<Manifest>(objects, 'ConfigMap');
  const pdbs = ofKind<{
    metadata: { name: string };
    spec: { selector: { matchLabels: Record<string, string> } };
  }>(objects, 'PodDisruptionBudget');

  it('is made of well-formed objects, each kind and name once', () => {
    const seen = new Set<string>();
    for (const object of objects) {
      const name = (object.metadata as { name?: string } | undefined)?.name;
      expect([typeof object.apiVersion, typeof object.kind, typeof name]).toEqual([
        'string',
        'string',
        'string',
      ]);
      const id = `${object.kind as string}/${name}`;
      expect(seen.has(id) ? id : 'unique').toBe('unique');
      seen.add(id);
    }
  });

  it('has a Deployment for every service app of apps/, and none for an app that does not exist', () => {
    expect(heraldDeployments.map((deployment) => deployment.metadata.name).sort()).toEqual(
      apps.map((app) => app.name).sort(),
    );
  });

  it('runs each app from its own image, with the shared config and secret key', () => {
    for (const deployment of heraldDeployments) {
      const container = appContainer(deployment);
      expect(container.image.split(':')[0]).toBe(`herald/${deployment.metadata.name}`);
      expect(container.envFrom).toContainEqual({ configMapRef: { name: 'herald-config' } });
      const secretKey = container.env?.find((variable) => variable.name === 'HERALD_SECRET_KEY');
      expect(secretKey?.valueFrom?.secretKeyRef).toEqual({ name: SECRET, key: 'HERALD_SECRET_KEY' });
    }
  });

  it('selects its own pods in every Deployment', () => {
    for (const deployment of deployments) {
      expect(selects(deployment.spec.selector.matchLabels, deployment.spec.template.metadata.labels)).toBe(
        true,
      );
    }
  });

  it('gives every app a grace period longer than its dispatch timeout', () => {
    for (const deployment of heraldDeployments) {
      const timeoutMs = Number(
        envValue(appContainer(deployment), configMaps, 'HERALD_DISPATCH_TIMEOUT_MS') ??
          DEFAULT_DISPATCH_TIMEOUT_MS,
      );
      const grace = deployment.spec.template.spec.terminationGracePeriodSeconds ?? 30;
      expect([deployment.metadata.name, grace > timeoutMs / 1000]).toEqual([deployment.metadata.name, true]);
    }
  });

  it('sizes every app: CPU and memory requests, a memory limit above the request', () => {
    for (const deployment of heraldDeployments) {
      const { requests = {}, limits = {} } = appContainer(deployment).resources ?? {};
      expect(quantity(requests.cpu)).toBeGreaterThan(0);
      expect(quantity(requests.memory)).toBeGreaterThan(0);
      expect(quantity(limits.memory)).toBeGreaterThanOrEqual(quantity(requests.memory));
    }
  });

  it('probes every app that serves HTTP on its health routes, and no other app over HTTP', () => {
    for (const deployment of heraldDeployments) {
      const container = appContainer(deployment);
      const http = container.ports?.find((port) => port.name === 'http');
      if (!http) {
        const probes = [container.readinessProbe, container.livenessProbe, container.startupProbe];
        expect(probes.filter((probe) => probe?.httpGet)).toEqual([]);
        continue;
      }
      expect(container.readinessProbe?.httpGet).toEqual({ path: '/health/ready', port: 'http' });
      expect(container.livenessProbe?.httpGet).toEqual({ path: '/health/live', port: 'http' });
    }
  });

  it('limits voluntary disruptions of every app with a matching PodDisruptionBudget', () => {
    for (const deployment of heraldDeployments) {
      const labels = deployment.spec.template.metadata.labels;
      const matching = pdbs.filter((pdb) => selects(pdb.spec.selector.matchLabels, labels));
      expect([deployment.metadata.name, matching.length]).toEqual([deployment.metadata.name, 1]);
    }
  });

  it('exposes the API over HTTP (3000) and gRPC (50051) to its own pods', () => {
    const service = named(ofKind<{ metadata: { name: string }; spec: Manifest }>(objects, 'Service'), 'api');
    const api = named(heraldDeployments, 'api');
    expect(service && api).toBeDefined();
    const ports = (service!.spec.ports as Array<{ port: number; targetPort: string }>).map(
      ({ port, targetPort }) => [
        port,
        appContainer(api!).ports?.find((containerPort) => containerPort.name === targetPort)?.containerPort,
      ],
    );
    expect(ports).toEqual([
      [3000, 3000],
      [50051, 50051],
    ]);
    expect(
      selects(service!.spec.selector as Record<string, string>, api!.spec.template.metadata.labels),
    ).toBe(true);
  });

  it('keeps REDIS_ADDRESS (read by KEDA) on the host and port of REDIS_URL', () => {
    const data = named(
      configMaps as Array<{ metadata: { name: string }; data: Record<string, string> }>,
      'herald-config',
    )?.data;
    expect(data).toBeDefined();
    const url = new URL(data!.REDIS_URL);
    expect(data!.REDIS_ADDRESS).toBe(`${url.hostname}:${url.port || '6379'}`);
  });
});
