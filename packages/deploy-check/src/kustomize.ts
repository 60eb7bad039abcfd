import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { strategicMerge } from './strategic-merge.js';
import type { Manifest } from './worker-manifests.js';

/**
 * A small kustomize, enough for infra/k8s and kept honest: a kustomization using a field it does
 * not implement fails instead of rendering something kustomize would not. `kubectl kustomize`
 * (kustomize v5) renders the same objects; this exists so the checks run where kubectl does not.
 */
const SUPPORTED_FIELDS = new Set([
  'apiVersion',
  'kind',
  'namespace',
  'resources',
  'components',
  'patches',
  'images',
  'secretGenerator',
  'configMapGenerator',
  'generatorOptions',
]);

interface PatchEntry {
  path?: string;
  patch?: string;
  target?: { kind?: string; name?: string; labelSelector?: string };
}
interface ImageEntry {
  name: string;
  newName?: string;
  newTag?: string;
}
interface GeneratorEntry {
  name: string;
  literals?: string[];
  options?: { disableNameSuffixHash?: boolean };
}
interface Kustomization {
  namespace?: string;
  resources?: string[];
  components?: string[];
  patches?: PatchEntry[];
  images?: ImageEntry[];
  secretGenerator?: GeneratorEntry[];
  configMapGenerator?: GeneratorEntry[];
  generatorOptions?: { disableNameSuffixHash?: boolean };
}

/** Every non-empty YAML document of a file; a syntax error names the file. */
export function loadYamlFile(path: string): Manifest[] {
  return parseYaml(readFileSync(path, 'utf8'), path);
}

export function parseYaml(text: string, where: string): Manifest[] {
  return parseAllDocuments(text, { merge: true }).flatMap((document) => {
    if (document.errors.length > 0) throw new Error(`${where}: ${document.errors[0].message}`);
    const value: unknown = document.toJS();
    return value === null || value === undefined ? [] : [value as Manifest];
  });
}

/** The objects `kubectl kustomize <dir>` prints, in no particular order. */
export function renderKustomization(dir: string): Manifest[] {
  const kustomization = readKustomization(dir);
  let objects = (kustomization.resources ?? []).flatMap((entry) => loadResource(join(dir, entry)));
  objects.push(...generated(kustomization));
  for (const component of kustomization.components ?? []) {
    const componentDir = join(dir, component);
    const spec = readKustomization(componentDir);
    objects.push(...(spec.resources ?? []).flatMap((entry) => loadResource(join(componentDir, entry))));
    objects = transform(objects, spec, componentDir);
  }
  objects = transform(objects, kustomization, dir);
  if (kustomization.namespace) {
    for (const object of objects) metadataOf(object).namespace = kustomization.namespace;
  }
  return objects;
}

function readKustomization(dir: string): Kustomization {
  const path = join(dir, 'kustomization.yaml');
  const [kustomization] = loadYamlFile(path);
  const unsupported = Object.keys(kustomization).filter((field) => !SUPPORTED_FIELDS.has(field));
  if (unsupported.length > 0)
    throw new Error(`${path}: the deploy-check renderer does not support ${unsupported}`);
  return kustomization as Kustomization;
}

function loadResource(path: string): Manifest[] {
  if (!existsSync(path)) throw new Error(`resource ${path} does not exist`);
  return statSync(path).isDirectory() ? renderKustomization(path) : loadYamlFile(path);
}

function transform(objects: Manifest[], kustomization: Kustomization, dir: string): Manifest[] {
  let result = objects;
  for (const entry of kustomization.patches ?? []) result = applyPatch(result, entry, dir);
  for (const image of kustomization.images ?? []) {
    for (const object of result) retagImages(object, image);
  }
  return result;
}

function applyPatch(objects: Manifest[], entry: PatchEntry, dir: string): Manifest[] {
  const [patch] = entry.path ? loadYamlFile(join(dir, entry.path)) : parseYaml(entry.patch ?? '', dir);
  const target = entry.target ?? { kind: patch.kind as string, name: metadataOf(patch).name as string };
  const matches = (object: Manifest): boolean => matchesTarget(object, target);
  if (patch.$patch === 'delete') return objects.filter((object) => !matches(object));
  return objects.map((object) => {
    if (!matches(object)) return object;
    // The patch's own identity never renames what it targets.
    const { apiVersion: _apiVersion, kind: _kind, metadata, ...body } = patch;
    const { name: _name, ...restOfMetadata } = (metadata ?? {}) as Manifest;
    return strategicMerge(object, { ...body, metadata: restOfMetadata }) as Manifest;
  });
}

function matchesTarget(object: Manifest, target: NonNullable<PatchEntry['target']>): boolean {
  if (target.kind && object.kind !== target.kind) return false;
  if (target.name && metadataOf(object).name !== target.name) return false;
  const labels = (metadataOf(object).labels ?? {}) as Record<string, string>;
  return (target.labelSelector ?? '')
    .split(',')
    .filter(Boolean)
    .every((pair) => {
      const [key, value] = pair.split('=');
      return labels[key.trim()] === value?.trim();
    });
}

function retagImages(object: Manifest, image: ImageEntry): void {
  const podSpec = ((object.spec as Manifest | undefined)?.template as Manifest | undefined)?.spec as
    { containers?: Manifest[]; initContainers?: Manifest[] } | undefined;
  for (const container of [...(podSpec?.containers ?? []), ...(podSpec?.initContainers ?? [])]) {
    const reference = splitImage(container.image as string);
    if (reference.name !== image.name) continue;
    const tag = image.newTag ?? reference.tag;
    container.image = `${image.newName ?? reference.name}${tag ? `:${tag}` : ''}`;
  }
}

/** `registry:5000/herald/api:1.2` → name `registry:5000/herald/api`, tag `1.2`. */
export function splitImage(image: string): { name: string; tag: string | null } {
  const colon = image.lastIndexOf(':');
  return colon > image.lastIndexOf('/')
    ? { name: image.slice(0, colon), tag: image.slice(colon + 1) }
    : { name: image, tag: null };
}

function generated(kustomization: Kustomization): Manifest[] {
  const kinds: Array<[GeneratorEntry[] | undefined, 'Secret' | 'ConfigMap']> = [
    [kustomization.secretGenerator, 'Secret'],
    [kustomization.configMapGenerator, 'ConfigMap'],
  ];
  return kinds.flatMap(([entries, kind]) =>
    (entries ?? []).map((entry) => {
      if (!(entry.options?.disableNameSuffixHash ?? kustomization.generatorOptions?.disableNameSuffixHash)) {
        throw new Error(`${kind} generator ${entry.name}: the renderer needs disableNameSuffixHash`);
      }
      const pairs = (entry.literals ?? []).map((literal) => {
        const equals = literal.indexOf('=');
        return [literal.slice(0, equals), literal.slice(equals + 1)] as const;
      });
      return kind === 'Secret'
        ? {
            apiVersion: 'v1',
            kind,
            metadata: { name: entry.name },
            type: 'Opaque',
            data: Object.fromEntries(
              pairs.map(([key, value]) => [key, Buffer.from(value).toString('base64')]),
            ),
          }
        : { apiVersion: 'v1', kind, metadata: { name: entry.name }, data: Object.fromEntries(pairs) };
    }),
  );
}

export function metadataOf(object: Manifest): Manifest {
  object.metadata ??= {};
  return object.metadata as Manifest;
}
