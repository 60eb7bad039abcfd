import { CHANNEL_NAMES } from '@herald/contracts';
import { loadYamlFile } from './kustomize.js';
import { BASE_DIR, DEV_IMAGES_FILE, REPO_ROOT, WORKERS_FILE } from './repo-paths.js';
import { listServiceApps } from './service-apps.js';
import { channelWorkerManifests, devImagesComponent } from './worker-manifests.js';
import { join } from 'node:path';

const FIX = 'run `pnpm --filter @herald/deploy-check generate` and commit its output';

describe('the generated manifests', () => {
  const apps = listServiceApps(REPO_ROOT);
  const [config] = loadYamlFile(join(BASE_DIR, 'config.yaml'));
  const prefix = (config.data as Record<string, string>).HERALD_QUEUE_PREFIX;

  it(`match apps/ and the queue prefix (else ${FIX})`, () => {
    expect(loadYamlFile(WORKERS_FILE)).toEqual(channelWorkerManifests(apps, prefix));
    expect(loadYamlFile(DEV_IMAGES_FILE)).toEqual([devImagesComponent(apps)]);
  });

  it('cover every channel of the registry, each with its worker app', () => {
    const channels = apps.flatMap((app) => (app.channel === null ? [] : [app.channel]));
    expect(channels.sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('leave the CLI out: it is a command, not a service', () => {
    expect(apps.map((app) => app.name)).not.toContain('cli');
    expect(apps.map((app) => app.name)).toEqual(expect.arrayContaining(['api', 'router', 'worker-email']));
  });
});
