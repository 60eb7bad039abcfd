import { renderKustomization } from './kustomize.js';
import {
  appContainer,
  type Deployment,
  isHeraldApp,
  named,
  ofKind,
  quantity,
  type ScaledObject,
} from './manifest-queries.js';
import { BASE_DIR, DEV_DIR, REPO_ROOT } from './repo-paths.js';
import { listServiceApps } from './service-apps.js';
import { DEV_IMAGE_TAG, type Manifest, waitListKey } from './worker-manifests.js';

const workers = listServiceApps(REPO_ROOT).filter((app) => app.channel !== null);

describe('KEDA scaling in the base', () => {
  const objects = renderKustomization(BASE_DIR);
  const scaledObjects = ofKind<ScaledObject>(objects, 'ScaledObject');
  const config = named(
    ofKind<{ metadata: { name: string }; data: Record<string, string> }>(objects, 'ConfigMap'),
    'herald-config',
  );
  const prefix = config?.data.HERALD_QUEUE_PREFIX ?? '';

  it.each(workers.map((app) => [app.name, app.channel!]))(
    '%s scales on the wait list of its own queue',
    (name, channel) => {
      const scaled = named(scaledObjects, name);
      expect(scaled?.spec.scaleTargetRef.name).toBe(name);
      expect(scaled?.spec.triggers).toHaveLength(1);
      const [trigger] = scaled!.spec.triggers;
      expect(trigger.type).toBe('redis');
      expect(trigger.metadata.listName).toBe(waitListKey(prefix, channel));
      expect(trigger.metadata.listName).toBe(`${prefix}:{deliver.${channel}}:deliver.${channel}:wait`);
      expect(config?.data[trigger.metadata.addressFromEnv]).toBeDefined();
      expect(Number(trigger.metadata.listLength)).toBeGreaterThan(0);
    },
  );

  it('never scales a worker to zero (delayed retries need a running worker)', () => {
    for (const scaled of scaledObjects) expect(scaled.spec.minReplicaCount ?? 0).toBeGreaterThanOrEqual(1);
  });

  it('scales channel workers only, and leaves their replica count to KEDA', () => {
    const deployments = ofKind<Deployment>(objects, 'Deployment');
    const targets = scaledObjects.map((scaled) => scaled.spec.scaleTargetRef.name).sort();
    expect(targets).toEqual(workers.map((app) => app.name).sort());
    for (const target of targets) expect(named(deployments, target)?.spec.replicas).toBeUndefined();
  });
});

describe('the dev overlay', () => {
  const base = ofKind<Deployment>(renderKustomization(BASE_DIR), 'Deployment');
  const objects = renderKustomization(DEV_DIR);
  const deployments = ofKind<Deployment>(objects, 'Deployment');

  it('runs one replica of each app from the local image tag, without KEDA', () => {
    for (const deployment of deployments.filter(isHeraldApp)) {
      expect([deployment.metadata.name, deployment.spec.replicas]).toEqual([deployment.metadata.name, 1]);
      expect(appContainer(deployment).image).toBe(`herald/${deployment.metadata.name}:${DEV_IMAGE_TAG}`);
    }
    expect(ofKind(objects, 'ScaledObject')).toEqual([]);
  });

  it('asks for less than the base', () => {
    for (const deployment of deployments.filter(isHeraldApp)) {
      const small = appContainer(deployment).resources!;
      const large = appContainer(named(base, deployment.metadata.name)!).resources!;
      expect(quantity(small.requests!.memory)).toBeLessThan(quantity(large.requests!.memory));
      expect(quantity(small.requests!.cpu)).toBeLessThan(quantity(large.requests!.cpu));
    }
  });

  it('brings the Secret the apps read, with every key they require', () => {
    const secret = named(
      ofKind<{ metadata: { name: string }; data: Record<string, string> }>(objects, 'Secret'),
      'herald-secrets',
    );
    const key = Buffer.from(secret?.data.HERALD_SECRET_KEY ?? '', 'base64').toString();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('runs its own Redis with noeviction, and Postgres, behind the hosts herald-config names', () => {
    const redis = named(deployments, 'redis');
    expect(redis?.spec.template.spec.containers[0]).toMatchObject({
      args: expect.arrayContaining(['noeviction']),
    });
    const services = ofKind<Manifest & { metadata: { name: string } }>(objects, 'Service').map(
      (s) => s.metadata.name,
    );
    expect(services).toEqual(expect.arrayContaining(['postgres', 'redis', 'api']));
  });
});
