/**
 * Kubernetes' strategic merge for the fields Herald's patches touch: maps merge key by key, a null
 * deletes, lists of these fields merge item by item on their merge key (as in the API's schema),
 * every other list is replaced whole.
 */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
  imagePullSecrets: 'name',
};

type Json = unknown;

function isMap(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function strategicMerge(base: Json, patch: Json, field = ''): Json {
  if (Array.isArray(base) && Array.isArray(patch) && MERGE_KEYS[field]) {
    return mergeList(base, patch, MERGE_KEYS[field], field);
  }
  if (!isMap(base) || !isMap(patch)) return structuredClone(patch);
  const merged: Record<string, Json> = structuredClone(base);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = key in merged ? strategicMerge(merged[key], value, key) : structuredClone(value);
  }
  return merged;
}

/** Items only the patch has come first, as kustomize (kyaml) orders them. */
function mergeList(base: Json[], patch: Json[], key: string, field: string): Json[] {
  const merged = structuredClone(base);
  const added: Json[] = [];
  for (const item of patch) {
    const index = merged.findIndex(
      (existing) => isMap(existing) && isMap(item) && existing[key] === item[key],
    );
    if (index === -1) added.push(structuredClone(item));
    else merged[index] = strategicMerge(merged[index], item, field);
  }
  return [...added, ...merged];
}
