import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderKustomization, splitImage } from './kustomize.js';
import { strategicMerge } from './strategic-merge.js';

function kustomization(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-check-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('the deploy-check renderer', () => {
  it('merges containers and env by name and replaces other lists, as strategic merge does', () => {
    const base = { containers: [{ name: 'app', image: 'x', env: [{ name: 'A', value: '1' }], args: ['a'] }] };
    const patch = { containers: [{ name: 'app', env: [{ name: 'B', value: '2' }], args: ['b'] }] };
    expect(strategicMerge(base, patch)).toEqual({
      containers: [
        {
          name: 'app',
          image: 'x',
          env: [
            { name: 'B', value: '2' },
            { name: 'A', value: '1' },
          ],
          args: ['b'],
        },
      ],
    });
  });

  it('applies targeted patches, deletions, images and the namespace', () => {
    const dir = kustomization({
      'kustomization.yaml': `
namespace: ns
resources: [objects.yaml]
images: [{ name: herald/api, newTag: dev }]
patches:
  - target: { kind: ConfigMap }
    patch: |-
      $patch: delete
      kind: ConfigMap
      metadata: { name: any }
  - target: { kind: Deployment, labelSelector: tier=app }
    patch: |-
      kind: Deployment
      metadata: { name: any }
      spec: { replicas: 3 }
`,
      'objects.yaml': `
kind: Deployment
metadata: { name: api, labels: { tier: app } }
spec: { template: { spec: { containers: [{ name: app, image: herald/api }] } } }
---
kind: Deployment
metadata: { name: other }
spec: { template: { spec: { containers: [{ name: app, image: 'registry:5000/herald/api:1' }] } } }
---
kind: ConfigMap
metadata: { name: gone }
`,
    });
    const [api, other, ...rest] = renderKustomization(dir);
    expect(api).toEqual({
      kind: 'Deployment',
      metadata: { name: 'api', labels: { tier: 'app' }, namespace: 'ns' },
      spec: { replicas: 3, template: { spec: { containers: [{ name: 'app', image: 'herald/api:dev' }] } } },
    });
    expect(other).toMatchObject({
      metadata: { namespace: 'ns' },
      spec: { template: { spec: { containers: [{ image: 'registry:5000/herald/api:1' }] } } },
    });
    expect(rest).toEqual([]);
  });

  it('refuses a kustomization field it does not implement rather than ignoring it', () => {
    const dir = kustomization({
      'kustomization.yaml': 'resources: []\nreplicas: [{ name: api, count: 2 }]\n',
    });
    expect(() => renderKustomization(dir)).toThrow('does not support replicas');
  });

  it('splits an image reference without mistaking a registry port for a tag', () => {
    expect(splitImage('registry:5000/herald/api')).toEqual({ name: 'registry:5000/herald/api', tag: null });
    expect(splitImage('herald/api:dev')).toEqual({ name: 'herald/api', tag: 'dev' });
  });
});
